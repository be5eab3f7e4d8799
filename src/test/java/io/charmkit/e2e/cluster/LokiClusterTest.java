package io.charmkit.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.WorkloadStatus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Loki cluster formed, scaled and broken on the embedded Juju from the packaged example charms
 * (PRODUCTS.md §1, §4): the coordinator, the S3 stand-in and one worker application per
 * simple-scalable target ({@code read}, {@code write}, {@code backend}); then a monolithic {@code
 * all} worker that takes over when the others go. The steps share one model and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LokiClusterTest {
  private static final String MODEL = "loki-e2e";
  private static final String COORDINATOR = "loki";
  private static final String MONOLITH = "loki-all";
  private static final List<String> TARGETS = List.of("read", "write", "backend");

  private final ProductCluster cluster = ProductCluster.deploy(COORDINATOR, MODEL);
  private final EmbeddedJuju juju = cluster.juju();
  private final ClusterProbe probe = cluster.probe();

  @AfterAll
  void tearDown() throws IOException {
    cluster.close();
  }

  @Test
  @Order(1)
  void oneWorkerAppPerTargetFormsAClusterWhoseWorkersShareOneConfigWithTheFullRing() {
    TARGETS.forEach(target -> cluster.deployWorker(target, Map.of("role-" + target, true)));

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "active", "[scale] below recommended units: backend 1/3, read 1/3, write 1/3."));
    assertThat(juju.openedPorts(COORDINATOR + "/0")).containsExactly("3100/tcp");
    for (String target : TARGETS) {
      assertThat(juju.unitStatus(target + "/0"))
          .isEqualTo(new WorkloadStatus("active", target + " ready."));
    }
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertThat(ClusterProbe.at(config, "common", "replication_factor")).isEqualTo(1);
    assertThat(ClusterProbe.at(config, "common", "storage", "s3", "bucketnames"))
        .isNotNull()
        .isEqualTo(ClusterProbe.at(config, "storage_config", "aws", "bucketnames"));
    assertThat(ClusterProbe.at(config, "ruler", "external_url"))
        .isEqualTo("http://" + probe.fqdn(COORDINATOR + "/0") + ":3100");
    assertWorkerPorts();
    assertThat(cluster.nginxConf())
        .contains("listen 3100;")
        .contains("upstream read {")
        .contains("upstream write {")
        .contains("upstream backend {")
        .contains("server " + probe.fqdn("write/0") + ":3100 resolve;")
        .doesNotContain("upstream all {");
  }

  @Test
  @Order(2)
  void threeBackendUnitsTurnOnReplication() {
    juju.addUnit("backend");
    juju.addUnit("backend");

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus("active", "[scale] below recommended units: read 1/3, write 1/3."));
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertThat(ClusterProbe.at(config, "common", "replication_factor")).isEqualTo(3);
    assertWorkerPorts();
  }

  @Test
  @Order(3)
  void removingTheBackendWorkersBlocksTheCoordinatorNamingTheMissingRole() {
    cluster.removeWorker("backend");

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "blocked", "[consistency] Cluster inconsistent: missing role backend."));
    // While the backend units departed one by one, the relation (with 0 units) still counted as
    // the backend role (PRODUCTS.md §1.2), so the coordinator dropped them from the ring; once the
    // relation was gone the gate closed. The remaining workers keep that last config and run.
    assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertThat(juju.unitStatus("read/0")).isEqualTo(new WorkloadStatus("active", "read ready."));
  }

  @Test
  @Order(4)
  void aMonolithicAllWorkerCompletesTheClusterAndJoinsTheSameRing() {
    cluster.deployWorker(MONOLITH, Map.of("role-all", true));

    probe.settleCleanAndQuiet();

    // all counts for read, write and backend.
    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "active", "[scale] below recommended units: backend 1/3, read 2/3, write 2/3."));
    assertThat(juju.unitStatus(MONOLITH + "/0"))
        .isEqualTo(new WorkloadStatus("active", "(all roles) ready."));
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertThat(ClusterProbe.at(config, "common", "replication_factor")).isEqualTo(1);
    assertThat(cluster.nginxConf())
        .contains("upstream all {")
        .contains("server " + probe.fqdn(MONOLITH + "/0") + ":3100 resolve;");
    assertWorkerPorts();
  }

  @Test
  @Order(5)
  void theMonolithAloneIsACoherentCluster() {
    cluster.removeWorker("read");
    cluster.removeWorker("write");

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus())
        .isEqualTo(
            new WorkloadStatus(
                "active", "[scale] below recommended units: backend 1/3, read 1/3, write 1/3."));
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertThat(ClusterProbe.at(config, "memberlist", "join_members"))
        .isEqualTo(List.of(probe.fqdn(MONOLITH + "/0")));
  }

  @Test
  @Order(6)
  void narrowingTheMonolithToReadBlocksTheCoordinatorNamingTheTwoMissingRoles() {
    // The worker runs its new target on the config it already had.
    reconfigureTheMonolith(
        Map.of("role-all", false, "role-read", true),
        new WorkloadStatus(
            "blocked", "[consistency] Cluster inconsistent: missing roles backend, write."),
        "read ready.");
    assertThat(probe.configText(MONOLITH + "/0")).isNotBlank();
  }

  @Test
  @Order(7)
  void enablingTheMissingRolesAgainMakesTheClusterActive() {
    reconfigureTheMonolith(
        Map.of("role-write", true, "role-backend", true),
        new WorkloadStatus(
            "active", "[scale] below recommended units: backend 1/3, read 1/3, write 1/3."),
        "backend,read,write ready.");
    assertEveryWorkerHoldsTheRingOfEveryWorker();
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Sets the monolith's role options, settles, and checks the coordinator's status and the
   * monolith's active message.
   */
  private void reconfigureTheMonolith(
      Map<String, ?> roles, WorkloadStatus coordinator, String monolithReady) {
    juju.config(MONOLITH, roles);

    probe.settleCleanAndQuiet();

    assertThat(cluster.coordinatorStatus()).isEqualTo(coordinator);
    assertThat(juju.unitStatus(MONOLITH + "/0"))
        .isEqualTo(new WorkloadStatus("active", monolithReady));
  }

  /** Every worker holds the same config, its memberlist ring every worker's bare FQDN. */
  private Map<String, Object> assertEveryWorkerHoldsTheRingOfEveryWorker() {
    List<String> units = cluster.workerUnits();
    Map<String, Object> config = probe.sharedConfig(units);
    assertThat(ClusterProbe.at(config, "memberlist", "join_members"))
        .as("memberlist.join_members")
        .isEqualTo(probe.bareRing(units));
    assertThat(ClusterProbe.at(config, "memberlist", "cluster_label"))
        .isEqualTo(MODEL + "-cluster");
    return config;
  }

  /** Every Loki worker opens its HTTP port only, whatever its roles. */
  private void assertWorkerPorts() {
    cluster.assertEveryWorkerOpened("3100/tcp");
  }
}
