package io.charmkit.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.ops.pebble.Change;
import io.charmkit.ops.pebble.ChangeSelect;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.ServiceInfo;
import io.charmkit.ops.pebble.Task;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.SettleReport;
import io.charmkit.testing.juju.WorkloadStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Loki coordinator that is also a worker, on the embedded Juju from the packaged charms: with
 * {@code monolithic-fallback} on, the coordinator and the S3 stand-in alone run Loki ({@code
 * -target all}) in the coordinator's own Pebble; read, write and backend workers take the work over
 * (hold 0) on the same bucket; losing the backend takes it back; and with a one-hour hold a backend
 * worker joining and leaving again and again never makes the coordinator stop or start Loki. The
 * starts and stops are counted from the coordinator's Pebble changes. The steps share one model and
 * run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LokiMonolithTest {
  private static final String MODEL = "loki-mono";
  private static final String COORDINATOR = "loki";
  private static final String UNIT = COORDINATOR + "/0";

  /** The backend worker that comes and goes in step 4. */
  private static final String FLAPPING = "backend-b";

  private static final List<String> TARGETS = List.of("read", "write", "backend");

  private EmbeddedJuju juju;
  private ClusterProbe probe;
  private Path worker;
  private final List<String> workerApps = new ArrayList<>();

  @BeforeAll
  void deploy() throws IOException {
    juju = EmbeddedJuju.builder().modelName(MODEL).images(UpstreamImages.all()).build();
    probe = new ClusterProbe(juju, MODEL, "loki");
    worker = ClusterProbe.charm("loki-worker");
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
  void aloneWithS3TheCoordinatorRunsLokiWithEveryTargetInItsOwnPebble() {
    juju.deploy(COORDINATOR, ClusterProbe.charm("loki-coordinator"), 1, monolithic(300));
    juju.deploy("s3", ClusterProbe.charm("s3-standin"), 1, Map.of());
    juju.relate(COORDINATOR + ":s3", "s3");

    probe.settleCleanAndQuiet();

    assertThat(juju.unitStatus(UNIT))
        .isEqualTo(
            new WorkloadStatus(
                "active", "running monolithic: no consistent worker set (no worker relation)"));
    assertThat(plan().services().get("loki").command())
        .isEqualTo("/bin/loki --config.file=/etc/worker/config.yaml -target all");
    assertThat(lokiState()).isEqualTo("active");
    Map<String, Object> own = ClusterProbe.parse(probe.configText(UNIT));
    assertThat(ClusterProbe.at(own, "memberlist", "join_members"))
        .isEqualTo(List.of(probe.fqdn(UNIT)));
    assertThat(ClusterProbe.at(own, "common", "storage", "s3", "bucketnames")).isNotNull();
    assertThat(nginxConf()).contains("server " + probe.fqdn(UNIT) + ":3100 resolve;");
    assertThat(serviceChanges()).isEqualTo(new Changes(1, 0));
  }

  @Test
  @Order(2)
  void readWriteAndBackendWorkersTakeTheWorkOverOnTheSameBucket() {
    juju.config(COORDINATOR, Map.of("monolithic-handover-seconds", 0));
    TARGETS.forEach(this::deployWorker);

    probe.settleCleanAndQuiet();

    assertThat(juju.unitStatus(UNIT))
        .isEqualTo(
            new WorkloadStatus(
                "active", "[scale] below recommended units: backend 1/3, read 1/3, write 1/3."));
    List<String> units = probe.unitsOf(workerApps);
    Map<String, Object> config = probe.sharedConfig(units);
    assertThat(ClusterProbe.at(config, "memberlist", "join_members"))
        .isEqualTo(probe.bareRing(units));
    for (String target : TARGETS) {
      assertThat(juju.unitStatus(target + "/0"))
          .isEqualTo(new WorkloadStatus("active", target + " ready."));
    }
    assertThat(lokiState()).isEqualTo("inactive");
    assertThat(serviceChanges()).isEqualTo(new Changes(1, 1));
    // The coordinator stored its data in the bucket the workers now use.
    Map<String, Object> own = ClusterProbe.parse(probe.configText(UNIT));
    assertThat(ClusterProbe.at(config, "common", "storage", "s3", "bucketnames"))
        .isEqualTo(ClusterProbe.at(own, "common", "storage", "s3", "bucketnames"))
        .isEqualTo(ClusterProbe.at(config, "storage_config", "aws", "bucketnames"));
    assertThat(nginxConf())
        .contains("server " + probe.fqdn("backend/0") + ":3100 resolve;")
        .doesNotContain("server " + probe.fqdn(UNIT) + ":3100");
  }

  @Test
  @Order(3)
  void losingTheBackendWorkersTakesTheWorkBack() {
    juju.removeApplication("backend");
    workerApps.remove("backend");

    probe.settleCleanAndQuiet();

    assertThat(juju.unitStatus(UNIT))
        .isEqualTo(
            new WorkloadStatus(
                "active", "running monolithic: no consistent worker set (missing roles: backend)"));
    assertThat(lokiState()).isEqualTo("active");
    assertThat(serviceChanges()).isEqualTo(new Changes(2, 1));
    assertThat(nginxConf()).contains("server " + probe.fqdn(UNIT) + ":3100 resolve;");
  }

  @Test
  @Order(4)
  void aBackendWorkerJoiningAndLeavingWithinTheHoldNeverStopsOrStartsTheCoordinatorsLoki() {
    juju.config(COORDINATOR, Map.of("monolithic-handover-seconds", 3600));
    probe.settleCleanAndQuiet();
    juju.deploy(FLAPPING, worker, 1, Map.of("role-backend", true));
    int coordinatorHooks = 0;

    for (int cycle = 0; cycle < 3; cycle++) {
      int relation = juju.relate(COORDINATOR + ":loki-cluster", FLAPPING + ":loki-cluster");
      coordinatorHooks += coordinatorHooks(probe.settleCleanAndQuiet());
      WorkloadStatus joined = juju.unitStatus(UNIT);
      assertThat(joined.status()).isEqualTo("active");
      assertThat(joined.message()).matches("handing over to workers \\(3[56]\\d\\ds left\\)");
      // The joining worker is given the coordinator's ring, so ring data can hand over.
      Object ring =
          ClusterProbe.at(
              ClusterProbe.parse(probe.configText(FLAPPING + "/0")), "memberlist", "join_members");
      assertThat(ring)
          .asInstanceOf(InstanceOfAssertFactories.list(String.class))
          .contains(probe.fqdn(UNIT), probe.fqdn(FLAPPING + "/0"));

      juju.removeRelation(relation);
      coordinatorHooks += coordinatorHooks(probe.settleCleanAndQuiet());
      assertThat(juju.unitStatus(UNIT))
          .isEqualTo(
              new WorkloadStatus(
                  "active",
                  "running monolithic: no consistent worker set (missing roles: backend)"));
    }

    // Many coordinator hooks ran (joined, changed, departed, broken, each cycle), and not one
    // touched its Loki: still the start of step 3 and the stop of step 2.
    assertThat(coordinatorHooks).isGreaterThanOrEqualTo(3 * 4);
    assertThat(serviceChanges()).isEqualTo(new Changes(2, 1));
    assertThat(lokiState()).isEqualTo("active");
  }

  // ---------------------------------------------------------------------------------------------

  private static Map<String, Object> monolithic(int holdSeconds) {
    return Map.of("monolithic-fallback", true, "monolithic-handover-seconds", holdSeconds);
  }

  private void deployWorker(String target) {
    juju.deploy(target, worker, 1, Map.of("role-" + target, true));
    juju.relate(COORDINATOR + ":loki-cluster", target + ":loki-cluster");
    workerApps.add(target);
  }

  private static int coordinatorHooks(SettleReport report) {
    return (int) report.runs().stream().filter(r -> r.unit().equals(UNIT)).count();
  }

  /** How many Pebble changes started and stopped the coordinator's Loki service. */
  record Changes(long starts, long stops) {}

  private Path containers() {
    return juju.unitDir(UNIT).resolve("containers");
  }

  private PebbleClient pebble() {
    return PebbleClient.forContainer(
        "loki", Map.of(PebbleClient.CONTAINERS_DIR_ENV, containers().toString()));
  }

  private Plan plan() {
    try (PebbleClient pebble = pebble()) {
      return pebble.plan();
    }
  }

  private String lokiState() {
    try (PebbleClient pebble = pebble()) {
      return pebble.services(List.of("loki")).stream()
          .map(ServiceInfo::current)
          .findFirst()
          .orElse("absent");
    }
  }

  /**
   * Counts the coordinator's Loki starts and stops in Pebble's own record of changes (all of them,
   * ready or not): a start, stop or restart change whose tasks act on {@code loki}.
   */
  private Changes serviceChanges() {
    List<Change> changes;
    try (PebbleClient pebble = pebble()) {
      changes = pebble.changes(ChangeSelect.ALL);
    }
    long starts = 0;
    long stops = 0;
    for (Change change : changes) {
      for (Task task : change.tasks()) {
        if (!task.summary().endsWith("\"loki\"")) {
          continue;
        }
        if (task.kind().equals("start")) {
          starts++;
        } else if (task.kind().equals("stop")) {
          stops++;
        }
      }
      assertThat(change.kind()).as("change %s", change.summary()).isNotEqualTo("replan");
    }
    return new Changes(starts, stops);
  }

  private String nginxConf() {
    try {
      return Files.readString(
          juju.containerRoot(UNIT, "nginx").resolve("etc/nginx/nginx.conf"),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
