package io.charmkit.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.WorkloadStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Pyroscope cluster formed, scaled and broken on the embedded Juju from the packaged example
 * charms. Pyroscope's minimal deployment is all nine roles (PRODUCTS.md §3.1), covered here by
 * three multi-role worker applications, as in Loki's simple-scalable split: {@code read} (querier,
 * query-frontend, query-scheduler), {@code write} (distributor, ingester) and {@code backend} (the
 * other four). The steps share one model and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PyroscopeClusterTest {
  private static final String MODEL = "pyroscope-e2e";
  private static final String COORDINATOR = "pyroscope";
  private static final String UI_READY =
      "UI ready at http://pyroscope-0.pyroscope-endpoints." + MODEL + ".svc.cluster.local:8080";

  /** Worker application → its roles, each list sorted as the worker publishes them. */
  private static final Map<String, List<String>> WORKERS = new LinkedHashMap<>();

  static {
    WORKERS.put("read", List.of("querier", "query-frontend", "query-scheduler"));
    WORKERS.put("write", List.of("distributor", "ingester"));
    WORKERS.put(
        "backend", List.of("ad-hoc-profiles", "compactor", "store-gateway", "tenant-settings"));
  }

  private final ProductCluster cluster = ProductCluster.deploy(COORDINATOR, MODEL);
  private final EmbeddedJuju juju = cluster.juju();
  private final ClusterProbe probe = cluster.probe();

  @BeforeAll
  void deployWorkers() {
    WORKERS.forEach(
        (app, roles) -> {
          Map<String, Object> config = new LinkedHashMap<>();
          config.put("role-all", false);
          roles.forEach(role -> config.put("role-" + role, true));
          cluster.deployWorker(app, config);
        });
  }

  @AfterAll
  void tearDown() throws IOException {
    cluster.close();
  }

  @Test
  @Order(1)
  void threeMultiRoleWorkersFormAClusterWhoseWorkersShareOneConfigWithTheFullRing() {
    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "active",
                UI_READY
                    + "; [scale] below recommended units: compactor 1/3, distributor 1/2,"
                    + " ingester 1/3, querier 1/3, query-frontend 1/2, query-scheduler 1/2,"
                    + " store-gateway 1/3."));
    assertThat(juju.openedPorts(COORDINATOR + "/0"))
        .containsExactlyInAnyOrder("8080/tcp", "42424/tcp");
    assertWorkersReady();
    assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertReplicationFactors(1, 1);
    assertWorkerPorts();
  }

  @Test
  @Order(2)
  void scalingTheWriteWorkersToThreeGrowsTheRingAndRaisesOnlyTheIngesterReplication() {
    juju.addUnit("write");
    juju.addUnit("write");

    probe.settleCleanAndQuiet();

    assertThat(juju.units("write")).hasSize(3);
    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "active",
                UI_READY
                    + "; [scale] below recommended units: compactor 1/3, querier 1/3,"
                    + " query-frontend 1/2, query-scheduler 1/2, store-gateway 1/3."));
    assertWorkersReady();
    assertEveryWorkerHoldsTheRingOfEveryWorker();
    // Three ingesters; the store-gateways are still one.
    assertReplicationFactors(3, 1);
    assertWorkerPorts();
  }

  @Test
  @Order(3)
  void scalingTheWriteWorkersDownShrinksTheRingAndDropsTheIngesterReplication() {
    String removed = "write/2";
    juju.removeUnit(removed);

    probe.settleCleanAndQuiet();

    assertThat(juju.units("write")).containsExactly("write/0", "write/1");
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertThat(config.toString()).doesNotContain(probe.fqdn(removed));
    assertReplicationFactors(1, 1);
    assertWorkersReady();
  }

  @Test
  @Order(4)
  void disablingRequiredRolesOnTheBackendBlocksTheCoordinatorNamingThem() {
    juju.config("backend", Map.of("role-ad-hoc-profiles", false, "role-tenant-settings", false));

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "blocked",
                "[consistency] Cluster inconsistent: missing roles ad-hoc-profiles,"
                    + " tenant-settings."));
    assertThat(juju.unitStatus("backend/0"))
        .isEqualTo(new WorkloadStatus("active", "compactor,store-gateway ready."));
    // The workers keep the config they had: one config, the whole ring.
    assertEveryWorkerHoldsTheRingOfEveryWorker();
  }

  @Test
  @Order(5)
  void enablingOneRoleBackNamesTheOneStillMissing() {
    juju.config("backend", Map.of("role-tenant-settings", true));

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "blocked", "[consistency] Cluster inconsistent: missing role ad-hoc-profiles."));
  }

  @Test
  @Order(6)
  void enablingTheLastRoleBackMakesTheClusterActiveAgain() {
    juju.config("backend", Map.of("role-ad-hoc-profiles", true));

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus().status()).isEqualTo("active");
    assertThat(cluster.coordinatorStatus().message()).startsWith(UI_READY + "; [scale]");
    assertWorkersReady();
    assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertReplicationFactors(1, 1);
    assertWorkerPorts();
  }

  // ---------------------------------------------------------------------------------------------

  private List<String> workerUnits() {
    return cluster.workerUnits();
  }

  private void assertWorkersReady() {
    WORKERS.forEach(
        (app, roles) -> {
          for (String unit : juju.units(app)) {
            assertThat(juju.unitStatus(unit))
                .as("status of %s", unit)
                .isEqualTo(new WorkloadStatus("active", String.join(",", roles) + " ready."));
          }
        });
  }

  private Map<String, Object> assertEveryWorkerHoldsTheRingOfEveryWorker() {
    List<String> units = workerUnits();
    Map<String, Object> config = probe.sharedConfig(units);
    assertThat(ClusterProbe.at(config, "memberlist", "join_members"))
        .as("memberlist.join_members")
        .isEqualTo(probe.ring(units));
    assertThat(ClusterProbe.at(config, "memberlist", "bind_port")).isEqualTo(7946);
    return config;
  }

  /** Ingesters are the write units; store-gateways the backend units. */
  private void assertReplicationFactors(int ingester, int storeGateway) {
    Map<String, Object> config = probe.sharedConfig(workerUnits());
    assertThat(ClusterProbe.at(config, "ingester", "lifecycler", "ring", "replication_factor"))
        .as("ingester replication with %s ingesters", juju.units("write").size())
        .isEqualTo(ingester);
    assertThat(ClusterProbe.at(config, "store_gateway", "sharding_ring", "replication_factor"))
        .as("store-gateway replication with %s store-gateways", juju.units("backend").size())
        .isEqualTo(storeGateway);
  }

  /** Every Pyroscope worker opens HTTP (4040) and memberlist (7946), whatever its roles. */
  private void assertWorkerPorts() {
    cluster.assertEveryWorkerOpened("4040/tcp", "7946/tcp");
  }
}
