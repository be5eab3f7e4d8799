package io.charmkit.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.WorkloadStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A distributed Tempo cluster formed, scaled and broken on the embedded Juju from the packaged
 * example charms: the coordinator, one worker application per role of the minimal deployment and
 * the S3 stand-in (PRODUCTS.md §1–§2). The steps share one model and run in order, each starting
 * from the model the previous one left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TempoClusterTest {
  private static final String MODEL = "tempo-e2e";
  private static final String COORDINATOR = "tempo";
  private static final List<String> ROLES =
      List.of("querier", "query-frontend", "ingester", "distributor", "compactor");
  private static final String INGESTERS = "tempo-ingester";

  private final ProductCluster cluster = ProductCluster.deploy(COORDINATOR, MODEL);
  private final EmbeddedJuju juju = cluster.juju();
  private final ClusterProbe probe = cluster.probe();

  @AfterAll
  void tearDown() throws IOException {
    cluster.close();
  }

  @Test
  @Order(1)
  void withoutWorkersTheCoordinatorIsBlockedAndTheModelIsQuiet() {
    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(new WorkloadStatus("blocked", "[consistency] Missing any worker relation."));
  }

  @Test
  @Order(2)
  void oneWorkerAppPerRoleFormsAClusterWhoseWorkersShareOneConfigWithTheFullRing() {
    for (String role : ROLES) {
      deployWorker(role);
    }

    probe.settleCleanAndQuiet();

    // Tempo's coordinator has an empty active message; ours appends what is below the
    // recommended deployment (one ingester of three, no metrics-generator).
    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "active", "[scale] below recommended units: ingester 1/3, metrics-generator 0/1."));
    for (String role : ROLES) {
      assertThat(juju.unitStatus("tempo-" + role + "/0"))
          .as("status of tempo-%s/0", role)
          .isEqualTo(new WorkloadStatus("active", role + " ready."));
    }
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker();
    // Queriers find the query-frontend through its app's service (PRODUCTS.md §2.4).
    assertThat(ClusterProbe.at(config, "querier", "frontend_worker", "frontend_address"))
        .isEqualTo("tempo-query-frontend-endpoints." + MODEL + ".svc.cluster.local:9096");
    assertReplicationFactor(1);
    assertWorkerPorts();
    // memberlist, HTTP, gRPC, the requested receivers (otlp_http) and the telemetry proxy.
    assertThat(juju.openedPorts(COORDINATOR + "/0"))
        .containsExactlyInAnyOrder("3200/tcp", "3300/tcp", "4318/tcp", "7946/tcp", "9096/tcp");
  }

  @Test
  @Order(3)
  void scalingTheIngestersUpToThreeGrowsTheRingEverywhereAndRaisesReplicationToThree() {
    juju.addUnit(INGESTERS);
    juju.addUnit(INGESTERS);

    probe.settleCleanAndQuiet();

    assertThat(juju.units(INGESTERS)).hasSize(3);
    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "active", "[scale] below recommended units: metrics-generator 0/1."));
    for (String unit : juju.units(INGESTERS)) {
      assertThat(juju.unitStatus(unit))
          .as("status of %s", unit)
          .isEqualTo(new WorkloadStatus("active", "ingester ready."));
    }
    assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertReplicationFactor(3);
    assertWorkerPorts();
  }

  @Test
  @Order(4)
  void scalingTheIngestersDownShrinksTheRingEverywhereAndDropsReplicationToOne() {
    String removed = INGESTERS + "/2";
    juju.removeUnit(removed);

    probe.settleCleanAndQuiet();

    assertThat(juju.units(INGESTERS)).containsExactly(INGESTERS + "/0", INGESTERS + "/1");
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertThat(config.toString()).doesNotContain(probe.fqdn(removed));
    assertReplicationFactor(1);
    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "active", "[scale] below recommended units: ingester 2/3, metrics-generator 0/1."));
  }

  @Test
  @Order(5)
  void removingTheOnlyCompactorBlocksTheCoordinatorNamingTheMissingRole() {
    cluster.removeWorker("tempo-compactor");

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "blocked", "[consistency] Cluster inconsistent: missing role compactor."));
    // The gate is closed from then on; the remaining workers keep a config and keep running.
    probe.sharedConfig(cluster.workerUnits());
    for (String app : cluster.workerApps()) {
      String role = app.substring("tempo-".length());
      for (String unit : juju.units(app)) {
        assertThat(juju.unitStatus(unit))
            .as("status of %s", unit)
            .isEqualTo(new WorkloadStatus("active", role + " ready."));
      }
    }
  }

  @Test
  @Order(6)
  void aRoleAllWorkerRestoresTheCompactorAndCountsAsAnIngester() {
    cluster.deployWorker("tempo-all", Map.of("role-all", true));

    probe.settleCleanAndQuiet();

    // "all" expands to every role: the minimal deployment is met again, and with two ingester
    // units plus the all-in-one every role reaches its recommended count, so Tempo's empty active
    // message is left.
    assertThat(cluster.coordinatorStatus()).isEqualTo(new WorkloadStatus("active", ""));
    assertThat(juju.unitStatus("tempo-all/0"))
        .isEqualTo(
            new WorkloadStatus(
                "active",
                "metrics-generator disabled. No prometheus remote-write relation configured on the"
                    + " coordinator"));
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker();
    // tempo-querier is not a query-frontend, so queriers go to the first sorted one: tempo-all.
    assertThat(ClusterProbe.at(config, "querier", "frontend_worker", "frontend_address"))
        .isEqualTo("tempo-all-endpoints." + MODEL + ".svc.cluster.local:9096");
    assertReplicationFactor(3);
    assertWorkerPorts();
  }

  // ---------------------------------------------------------------------------------------------

  private void deployWorker(String role) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("role-all", false);
    config.put("role-" + role, true);
    cluster.deployWorker("tempo-" + role, config);
  }

  /** Every worker holds the same config, whose ring is every worker's FQDN:7946, sorted. */
  private Map<String, Object> assertEveryWorkerHoldsTheRingOfEveryWorker() {
    List<String> units = cluster.workerUnits();
    Map<String, Object> config = probe.sharedConfig(units);
    assertThat(ClusterProbe.at(config, "memberlist", "join_members"))
        .as("memberlist.join_members")
        .isEqualTo(probe.ring(units));
    assertThat(ClusterProbe.at(config, "memberlist", "bind_port")).isEqualTo(7946);
    return config;
  }

  private void assertReplicationFactor(int factor) {
    Map<String, Object> config = probe.sharedConfig(cluster.workerUnits());
    assertThat(ClusterProbe.at(config, "ingester", "lifecycler", "ring", "replication_factor"))
        .as(
            "ingester.lifecycler.ring.replication_factor with %s ingesters",
            juju.units(INGESTERS).size())
        .isEqualTo(factor);
  }

  /**
   * Each worker opened exactly its role's ports (PRODUCTS.md §2.3): memberlist and HTTP always; the
   * requested receivers (only otlp_http here) for distributors; gRPC for query-frontends.
   */
  private void assertWorkerPorts() {
    Map<String, List<String>> expected =
        Map.of(
            "querier", List.of("3200/tcp", "7946/tcp"),
            "query-frontend", List.of("3200/tcp", "7946/tcp", "9096/tcp"),
            "ingester", List.of("3200/tcp", "7946/tcp"),
            "distributor", List.of("3200/tcp", "4318/tcp", "7946/tcp"),
            "compactor", List.of("3200/tcp", "7946/tcp"),
            "all", List.of("3200/tcp", "4318/tcp", "7946/tcp", "9096/tcp"));
    for (String app : cluster.workerApps()) {
      List<String> ports = expected.get(app.substring("tempo-".length()));
      for (String unit : juju.units(app)) {
        assertThat(juju.openedPorts(unit))
            .as("ports opened by %s", unit)
            .containsExactlyInAnyOrderElementsOf(ports);
      }
    }
  }
}
