package io.charmkit.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.WorkloadStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Mimir cluster formed and broken on the embedded Juju from the packaged example charms. The
 * minimal deployment (compactor, distributor, ingester, querier, query-frontend, store-gateway,
 * ruler; PRODUCTS.md §5.1) is covered first by Mimir's own meta-roles on three worker applications
 * ({@code read}, {@code write}, {@code backend}), then by one monolithic {@code all} worker. The
 * steps share one model and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MimirClusterTest {
  private static final String MODEL = "mimir-e2e";
  private static final String UUID = "0c4a4f4e-8d7b-4a55-9b43-3c1f0e6d2a11";
  private static final String COORDINATOR = "mimir";
  private static final String SCALE = "[scale] below recommended units: ingester 1/3, querier 1/2.";

  /** Worker application → the meta-role it enables. */
  private static final Map<String, String> WORKERS = new LinkedHashMap<>();

  static {
    WORKERS.put("read", "read");
    WORKERS.put("write", "write");
    WORKERS.put("backend", "backend");
  }

  private final ProductCluster cluster =
      ProductCluster.deploy(COORDINATOR, MODEL, model -> model.modelUuid(UUID));
  private final EmbeddedJuju juju = cluster.juju();
  private final ClusterProbe probe = cluster.probe();

  @BeforeAll
  void deployWorkers() {
    WORKERS.forEach((app, role) -> cluster.deployWorker(app, Map.of("role-" + role, true)));
  }

  @AfterAll
  void tearDown() throws IOException {
    cluster.close();
  }

  @Test
  @Order(1)
  void readWriteAndBackendFormAClusterWhoseWorkersShareOneConfig() {
    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus()).isEqualTo(new WorkloadStatus("active", SCALE));
    assertThat(juju.openedPorts(COORDINATOR + "/0")).containsExactly("8080/tcp");
    WORKERS.forEach(
        (app, role) ->
            assertThat(juju.unitStatus(app + "/0"))
                .as("status of %s/0", app)
                .isEqualTo(new WorkloadStatus("active", role + " ready.")));
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker(workerUnits());
    // One unit of each: no replication, and queriers reach the query-scheduler on the backend.
    assertThat(ClusterProbe.at(config, "ingester", "ring", "replication_factor")).isEqualTo(1);
    assertThat(ClusterProbe.at(config, "frontend_worker", "scheduler_address"))
        .isEqualTo(probe.fqdn("backend/0") + ":9095");
    assertThat(ClusterProbe.at(config, "common", "storage", "backend")).isEqualTo("s3");
    assertThat(ClusterProbe.at(config, "blocks_storage", "storage_prefix")).isEqualTo("blocks");
    cluster.assertEveryWorkerOpened("8080/tcp", "9095/tcp");
  }

  @Test
  @Order(2)
  void droppingTheRulerFromTheBackendBlocksTheCoordinatorNamingIt() {
    Map<String, Object> backend = new LinkedHashMap<>();
    backend.put("role-backend", false);
    for (String role :
        List.of(
            "alertmanager",
            "compactor",
            "overrides-exporter",
            "query-scheduler",
            "store-gateway")) {
      backend.put("role-" + role, true);
    }
    juju.config("backend", backend);

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "blocked", "[consistency] Cluster inconsistent: missing role ruler."));
    assertThat(juju.unitStatus("backend/0"))
        .isEqualTo(
            new WorkloadStatus(
                "active",
                "alertmanager,compactor,overrides-exporter,query-scheduler,store-gateway ready."));
    // The workers keep the config they had: one config, the whole ring.
    assertEveryWorkerHoldsTheRingOfEveryWorker(workerUnits());
  }

  @Test
  @Order(3)
  void enablingTheRulerBackMakesTheClusterActiveAgain() {
    juju.config("backend", Map.of("role-ruler", true));

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus()).isEqualTo(new WorkloadStatus("active", SCALE));
    assertEveryWorkerHoldsTheRingOfEveryWorker(workerUnits());
  }

  @Test
  @Order(4)
  void withoutAnyWorkerTheCoordinatorBlocks() {
    WORKERS.keySet().forEach(cluster::removeWorker);

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(new WorkloadStatus("blocked", "[consistency] Missing any worker relation."));
  }

  @Test
  @Order(5)
  void oneMonolithicWorkerIsACompleteCluster() {
    cluster.deployWorker("monolith", Map.of("role-all", true));

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus()).isEqualTo(new WorkloadStatus("active", SCALE));
    assertThat(juju.unitStatus("monolith/0"))
        .isEqualTo(new WorkloadStatus("active", "(all roles) ready."));
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker(List.of("monolith/0"));
    // No query-scheduler in "all": queriers reach the query-frontend directly.
    assertThat(ClusterProbe.at(config, "frontend_worker", "frontend_address"))
        .isEqualTo(probe.fqdn("monolith/0") + ":9095");
    assertThat(ClusterProbe.at(config, "frontend")).isEqualTo(Map.of());
  }

  // ---------------------------------------------------------------------------------------------

  private List<String> workerUnits() {
    return probe.unitsOf(List.copyOf(WORKERS.keySet()));
  }

  /**
   * Every unit holds the same config, whose ring is every worker's FQDN, sorted and without a port
   * (Mimir's default 7946 applies), labelled with the coordinator's model and application.
   */
  private Map<String, Object> assertEveryWorkerHoldsTheRingOfEveryWorker(List<String> units) {
    Map<String, Object> config = probe.sharedConfig(units);
    assertThat(ClusterProbe.at(config, "memberlist", "join_members"))
        .as("memberlist.join_members")
        .isEqualTo(List.copyOf(new TreeSet<>(units.stream().map(probe::fqdn).toList())));
    assertThat(ClusterProbe.at(config, "memberlist", "cluster_label"))
        .isEqualTo(MODEL + "_" + UUID + "_" + COORDINATOR);
    return config;
  }
}
