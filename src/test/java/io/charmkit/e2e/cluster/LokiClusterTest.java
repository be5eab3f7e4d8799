package io.charmkit.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.WorkloadStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  private EmbeddedJuju juju;
  private ClusterProbe probe;
  private Path worker;
  private final List<String> workerApps = new ArrayList<>();

  @BeforeAll
  void deploy() throws IOException {
    juju = EmbeddedJuju.builder().modelName(MODEL).images(ClusterProbe.upstreamImages()).build();
    probe = new ClusterProbe(juju, MODEL, "loki");
    worker = ClusterProbe.charm("loki-worker");
    juju.deploy(COORDINATOR, ClusterProbe.charm("loki-coordinator"), 1, Map.of());
    juju.deploy("s3", ClusterProbe.charm("s3-standin"), 1, Map.of());
    juju.relate(COORDINATOR + ":s3", "s3");
  }

  @AfterAll
  void tearDown() throws IOException {
    if (juju != null) {
      System.out.println(juju.figures());
      juju.close();
    }
  }

  @Test
  @Order(1)
  void oneWorkerAppPerTargetFormsAClusterWhoseWorkersShareOneConfigWithTheFullRing() {
    TARGETS.forEach(target -> deployWorker(target, "role-" + target));

    probe.settleCleanAndQuiet();

    assertThat(juju.unitStatus(COORDINATOR + "/0"))
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
    assertThat(nginxConf())
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

    assertThat(juju.unitStatus(COORDINATOR + "/0"))
        .isEqualTo(
            new WorkloadStatus("active", "[scale] below recommended units: read 1/3, write 1/3."));
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertThat(ClusterProbe.at(config, "common", "replication_factor")).isEqualTo(3);
    assertWorkerPorts();
  }

  @Test
  @Order(3)
  void removingTheBackendWorkersBlocksTheCoordinatorNamingTheMissingRole() {
    juju.removeApplication("backend");
    workerApps.remove("backend");

    probe.settleCleanAndQuiet();

    assertThat(juju.unitStatus(COORDINATOR + "/0"))
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
    deployWorker(MONOLITH, "role-all");

    probe.settleCleanAndQuiet();

    // all counts for read, write and backend.
    assertThat(juju.unitStatus(COORDINATOR + "/0"))
        .isEqualTo(
            new WorkloadStatus(
                "active", "[scale] below recommended units: backend 1/3, read 2/3, write 2/3."));
    assertThat(juju.unitStatus(MONOLITH + "/0"))
        .isEqualTo(new WorkloadStatus("active", "(all roles) ready."));
    Map<String, Object> config = assertEveryWorkerHoldsTheRingOfEveryWorker();
    assertThat(ClusterProbe.at(config, "common", "replication_factor")).isEqualTo(1);
    assertThat(nginxConf())
        .contains("upstream all {")
        .contains("server " + probe.fqdn(MONOLITH + "/0") + ":3100 resolve;");
    assertWorkerPorts();
  }

  @Test
  @Order(5)
  void theMonolithAloneIsACoherentCluster() {
    juju.removeApplication("read");
    juju.removeApplication("write");
    workerApps.removeAll(List.of("read", "write"));

    probe.settleCleanAndQuiet();

    assertThat(juju.unitStatus(COORDINATOR + "/0"))
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
    juju.config(MONOLITH, Map.of("role-all", false, "role-read", true));

    probe.settleCleanAndQuiet();

    assertThat(juju.unitStatus(COORDINATOR + "/0"))
        .isEqualTo(
            new WorkloadStatus(
                "blocked", "[consistency] Cluster inconsistent: missing roles backend, write."));
    // The worker runs its new target on the config it already had.
    assertThat(juju.unitStatus(MONOLITH + "/0"))
        .isEqualTo(new WorkloadStatus("active", "read ready."));
    assertThat(probe.configText(MONOLITH + "/0")).isNotBlank();
  }

  @Test
  @Order(7)
  void enablingTheMissingRolesAgainMakesTheClusterActive() {
    juju.config(MONOLITH, Map.of("role-write", true, "role-backend", true));

    probe.settleCleanAndQuiet();

    assertThat(juju.unitStatus(COORDINATOR + "/0"))
        .isEqualTo(
            new WorkloadStatus(
                "active", "[scale] below recommended units: backend 1/3, read 1/3, write 1/3."));
    assertThat(juju.unitStatus(MONOLITH + "/0"))
        .isEqualTo(new WorkloadStatus("active", "backend,read,write ready."));
    assertEveryWorkerHoldsTheRingOfEveryWorker();
  }

  // ---------------------------------------------------------------------------------------------

  private void deployWorker(String app, String roleOption) {
    juju.deploy(app, worker, 1, Map.of(roleOption, true));
    juju.relate(COORDINATOR + ":loki-cluster", app + ":loki-cluster");
    workerApps.add(app);
  }

  /** Every worker holds the same config, its memberlist ring every worker's bare FQDN. */
  private Map<String, Object> assertEveryWorkerHoldsTheRingOfEveryWorker() {
    List<String> units = probe.unitsOf(workerApps);
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
    for (String unit : probe.unitsOf(workerApps)) {
      assertThat(juju.openedPorts(unit)).as("ports opened by %s", unit).containsExactly("3100/tcp");
    }
  }

  private String nginxConf() {
    try {
      return Files.readString(
          juju.containerRoot(COORDINATOR + "/0", "nginx").resolve("etc/nginx/nginx.conf"),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
