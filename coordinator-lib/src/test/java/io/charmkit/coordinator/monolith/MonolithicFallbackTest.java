package io.charmkit.coordinator.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.FixedHost;
import io.charmkit.clustertesting.NginxContainers;
import io.charmkit.clustertesting.S3Bucket;
import io.charmkit.clustertesting.WorkerRelations;
import io.charmkit.coordinator.tls.ServerTls;
import io.charmkit.coordinator.workload.WorkerFiles;
import io.charmkit.interfaces.cluster.WorkloadProcess;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.LogLine;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator that is also a worker, through the production dispatch loop: off by default,
 * MONOLITH, HANDOVER, CLUSTER and back, flapping, S3, faults and the steady-state fast path. Time
 * comes from a fixed clock the test moves; nothing sleeps.
 */
class MonolithicFallbackTest {
  private static final CharmMetadata METADATA =
      CharmMetadata.load(Path.of("src/test/resources/toy-coordinator"));
  private static final String FQDN =
      "toy-coordinator-0.toy-coordinator-endpoints.cos.svc.cluster.local";
  private static final String CONFIG = WorkloadProcess.CONFIG_FILE;
  private static final String ALONE =
      "memberlist:\n  join_members:\n  - "
          + FQDN
          + ":7946\nreaders:\n  - "
          + FQDN
          + "\nstorage:\n  bucket: toy\n";

  private Instant now = Instant.parse("2026-12-04T10:00:00Z");
  private final List<String> writes = new ArrayList<>();
  private Optional<ServerTls> tls = Optional.empty();
  private final Context ctx =
      new Context(
              fw -> new ToyCoordinatorCharm(fw, FixedHost.at(FQDN, now), () -> tls, writes::addAll),
              METADATA)
          .withAppName("toy-coordinator")
          .withLogLevel("DEBUG");

  @BeforeEach
  void clear() {
    writes.clear();
  }

  // --- fixtures -----------------------------------------------------------------------------

  private static final WorkerRelations WORKERS = new WorkerRelations("toy-cluster", "toy-worker");

  private static Relation worker(int id, String app, String role, int units) {
    return WORKERS.relation(id, app, role, units);
  }

  private static String address(String app, int n) {
    return FixedHost.podFqdn(app, n);
  }

  private static Relation s3() {
    return new S3Bucket("http://minio.cos.svc.cluster.local:9000", "toy", "AKIA", "s3cr3t")
        .relation(90, "s3-integrator");
  }

  private static State state(boolean monolithic, Relation... relations) {
    State.Builder state =
        State.builder()
            .leader(true)
            .container(Container.connected("toy").withExecutables("/bin/toy"))
            .container(NginxContainers.NGINX)
            .container(NginxContainers.EXPORTER);
    if (monolithic) {
      state.config(MonolithSettings.ENABLED_OPTION, true);
    }
    for (Relation relation : relations) {
      state.relation(relation);
    }
    return state.build();
  }

  /** {@code previous} with only {@code relations} (the others gone), everything else kept. */
  private static State with(State previous, Relation... relations) {
    State base =
        new State(
            previous.leader(),
            previous.config(),
            List.of(),
            previous.containers(),
            previous.secrets(),
            previous.storages(),
            previous.storedState(),
            previous.deferred(),
            previous.openedPorts(),
            previous.unitStatus(),
            previous.appStatus(),
            previous.workloadVersion(),
            previous.modelName(),
            previous.modelUuid(),
            previous.networks());
    State.Builder builder = base.toBuilder();
    for (Relation relation : relations) {
      builder.relation(relation);
    }
    return builder.build();
  }

  private Outcome run(Event event, State state) {
    return ctx.run(event, state);
  }

  private static Container toy(Outcome out) {
    return out.state().container("toy").orElseThrow();
  }

  private static String toyService(Outcome out) {
    return toy(out).serviceStatuses().getOrDefault("toy", "inactive");
  }

  private static String published(Outcome out, int relation) {
    return out.state()
        .relation(relation)
        .orElseThrow()
        .localAppData()
        .getOrDefault("worker_config", "");
  }

  private static boolean skipped(Outcome out) {
    return out.jujuLog().stream()
        .map(LogLine::message)
        .anyMatch(m -> m.contains("inputs are unchanged; skipping the reconcile"));
  }

  private long count(String op) {
    return writes.stream().filter(w -> w.equals("pebble toy " + op)).count();
  }

  private void advance(Duration duration) {
    now = now.plus(duration);
  }

  // --- off by default -----------------------------------------------------------------------

  @Test
  void offByDefaultTheCoordinatorIsUpstreamsAndNeverTouchesItsContainer() {
    Outcome alone = run(Event.updateStatus(), state(false, s3()));

    assertThat(alone.unitStatus())
        .isEqualTo(Status.blocked("[consistency] Missing any worker relation."));
    assertThat(toy(alone)).isEqualTo(state(false).container("toy").orElseThrow());
    assertThat(writes).noneMatch(w -> w.startsWith("pebble toy"));

    Relation workers = worker(1, "toy-worker", "all", 1);
    Outcome cluster = run(Event.relationChanged(workers), state(false, workers, s3()));

    assertThat(cluster.unitStatus()).isEqualTo(Status.active(""));
    assertThat(published(cluster, 1))
        .isEqualTo(
            "\"memberlist:\\n  join_members:\\n  - "
                + address("toy-worker", 0)
                + ":7946\\nreaders:\\n  - "
                + address("toy-worker", 0)
                + "\\nstorage:\\n  bucket: toy\\n\"");
    assertThat(toy(cluster)).isEqualTo(state(false).container("toy").orElseThrow());
    assertThat(writes).noneMatch(w -> w.startsWith("pebble toy"));
    assertThat(cluster.state().storedState())
        .noneSatisfy((k, v) -> assertThat(k).contains("monolith"));
  }

  // --- MONOLITH -----------------------------------------------------------------------------

  @Test
  void withNoWorkersTheCoordinatorRunsTheProductAloneOnTheSameBucket() {
    Outcome out = run(Event.configChanged(), state(true, s3()));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active("running monolithic: no consistent worker set (no worker relation)"));
    assertThat(toy(out).files()).containsEntry(CONFIG, ALONE);
    assertThat(toy(out).plan().services().get("toy").command())
        .isEqualTo("/bin/toy -config.file=/etc/worker/config.yaml -target=all");
    assertThat(toyService(out)).isEqualTo("active");
    assertThat(count("start")).isEqualTo(1);
    // nginx routes to the coordinator itself.
    assertThat(out.state().container("nginx").orElseThrow().files().get("/etc/nginx/nginx.conf"))
        .contains("server " + FQDN + ":3100");
  }

  @Test
  void anInconsistentWorkerSetNamesTheMissingRolesAndIsNotConfigured() {
    Relation reader = worker(1, "toy-read", "read", 2);

    Outcome out = run(Event.relationChanged(reader), state(true, reader, s3()));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active(
                "running monolithic: no consistent worker set (missing roles: backend, write)"));
    assertThat(toyService(out)).isEqualTo("active");
    assertThat(toy(out).files()).containsEntry(CONFIG, ALONE);
    assertThat(out.state().relation(1).orElseThrow().localAppData()).isEmpty();
  }

  // --- HANDOVER -----------------------------------------------------------------------------

  @Test
  void whenWorkersFormAClusterTheyGetTheConfigWithTheCoordinatorInTheRing() {
    Outcome monolith = run(Event.configChanged(), state(true, s3()));
    writes.clear();
    Relation workers = worker(1, "toy-worker", "all", 1);

    Outcome out = run(Event.relationChanged(workers), with(monolith.state(), workers, s3()));

    assertThat(out.unitStatus()).isEqualTo(Status.active("handing over to workers (300s left)"));
    String worker = address("toy-worker", 0);
    assertThat(published(out, 1))
        .isEqualTo(
            "\"memberlist:\\n  join_members:\\n  - "
                + FQDN
                + ":7946\\n  - "
                + worker
                + ":7946\\nreaders:\\n  - "
                + FQDN
                + "\\n  - "
                + worker
                + "\\nstorage:\\n  bucket: toy\\n\"");
    // The coordinator's own process runs on, untouched: its configuration did not change.
    assertThat(toyService(out)).isEqualTo("active");
    assertThat(toy(out).files()).containsEntry(CONFIG, ALONE);
    assertThat(writes).noneMatch(w -> w.startsWith("pebble toy"));
  }

  @Test
  void theProcessStopsOnlyOnceTheHoldHasElapsedThenTheRingIsTheWorkersAlone() {
    Relation workers = worker(1, "toy-worker", "all", 1);
    Outcome monolith = run(Event.configChanged(), state(true, s3()));
    Outcome handover = run(Event.relationChanged(workers), with(monolith.state(), workers, s3()));
    advance(Duration.ofSeconds(299));
    Outcome almost = run(Event.updateStatus(), handover.state());
    assertThat(almost.unitStatus()).isEqualTo(Status.active("handing over to workers (1s left)"));
    assertThat(toyService(almost)).isEqualTo("active");
    writes.clear();
    advance(Duration.ofSeconds(1));

    Outcome out = run(Event.updateStatus(), almost.state());

    assertThat(out.unitStatus()).isEqualTo(Status.active(""));
    assertThat(toyService(out)).isEqualTo("inactive");
    assertThat(count("stop")).isEqualTo(1);
    assertThat(published(out, 1)).doesNotContain(FQDN).contains(address("toy-worker", 0));
  }

  @Test
  void workersLostTakesTheWorkBackAtOnce() {
    Relation workers = worker(1, "toy-worker", "all", 1);
    State cluster = cluster(workers);
    writes.clear();

    Outcome out = run(Event.updateStatus(), with(cluster, s3()));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active("running monolithic: no consistent worker set (no worker relation)"));
    assertThat(toyService(out)).isEqualTo("active");
    assertThat(count("start")).isEqualTo(1);
    assertThat(count("stop")).isZero();
  }

  /** MONOLITH, then workers, then the hold: the state with the process stopped. */
  private State cluster(Relation workers) {
    Outcome monolith = run(Event.configChanged(), state(true, s3()));
    Outcome handover = run(Event.relationChanged(workers), with(monolith.state(), workers, s3()));
    advance(Duration.ofMinutes(5));
    Outcome cluster = run(Event.updateStatus(), handover.state());
    assertThat(toyService(cluster)).isEqualTo("inactive");
    return cluster.state();
  }

  // --- hysteresis ---------------------------------------------------------------------------

  @Test
  void aFlappingWorkerStartsTheProcessOnceAndNeverStopsIt() {
    Relation workers = worker(1, "toy-worker", "all", 1);
    State state = run(Event.configChanged(), state(true, s3())).state();
    for (int cycle = 0; cycle < 10; cycle++) {
      advance(Duration.ofSeconds(100));
      Outcome joined = run(Event.relationChanged(workers), with(state, workers, s3()));
      assertThat(joined.unitStatus().message()).startsWith("handing over to workers");
      advance(Duration.ofSeconds(100));
      Outcome left = run(Event.updateStatus(), with(joined.state(), s3()));
      assertThat(left.unitStatus().message()).startsWith("running monolithic");
      state = left.state();
    }

    assertThat(count("start")).isEqualTo(1);
    assertThat(count("stop")).isZero();
    assertThat(count("restart")).isZero();
    assertThat(toy(run(Event.updateStatus(), state)).serviceStatuses())
        .containsEntry("toy", "active");
  }

  @Test
  void everyInconsistentReconcileRestartsTheHold() {
    Relation workers = worker(1, "toy-worker", "all", 1);
    State state = run(Event.configChanged(), state(true, s3())).state();
    state = run(Event.relationChanged(workers), with(state, workers, s3())).state();
    advance(Duration.ofSeconds(250));
    state = run(Event.updateStatus(), with(state, s3())).state();
    advance(Duration.ofSeconds(100));
    state = run(Event.relationChanged(workers), with(state, workers, s3())).state();
    advance(Duration.ofSeconds(250));

    Outcome out = run(Event.updateStatus(), state);

    // 350 s since the first join, but only 250 s consistent in a row.
    assertThat(out.unitStatus()).isEqualTo(Status.active("handing over to workers (50s left)"));
    assertThat(count("stop")).isZero();
  }

  // --- S3, faults, settings -----------------------------------------------------------------

  @Test
  void withoutS3TheCoordinatorBlocksAndRunsNothing() {
    Outcome out = run(Event.configChanged(), state(true));

    assertThat(out.unitStatus()).isEqualTo(Status.blocked("[s3] Missing S3 integration."));
    assertThat(toy(out).plan().services()).isEmpty();
    assertThat(writes).noneMatch(w -> w.startsWith("pebble toy"));
  }

  @Test
  void s3GoingAwayBlocksAndLeavesTheProcessAsItIs() {
    State monolith = run(Event.configChanged(), state(true, s3())).state();
    writes.clear();

    Outcome out = run(Event.updateStatus(), with(monolith));

    assertThat(out.unitStatus()).isEqualTo(Status.blocked("[s3] Missing S3 integration."));
    assertThat(toyService(out)).isEqualTo("active");
    assertThat(writes).noneMatch(w -> w.startsWith("pebble toy"));
  }

  @Test
  void aProductImageWithoutItsProgramIsAStatusNotAFailedHook() {
    State state = state(true, s3()).toBuilder().container(Container.connected("toy")).build();

    Outcome out = run(Event.configChanged(), state);

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "[toy] service \"toy\" failed to start: fork/exec /bin/toy: no such file or"
                    + " directory"));
  }

  @Test
  void anUnreachableContainerWaitsForIt() {
    State state = state(true, s3()).toBuilder().container(Container.disconnected("toy")).build();

    Outcome out = run(Event.configChanged(), state);

    assertThat(out.unitStatus().name()).isEqualTo(Status.waiting("").name());
    assertThat(out.unitStatus().message()).startsWith("[toy] Pebble is not reachable yet");
  }

  @Test
  void turningTheOptionOffStopsTheProcessAndRestoresUpstreamBehaviour() {
    State monolith = run(Event.configChanged(), state(true, s3())).state();
    writes.clear();

    Outcome out =
        run(
            Event.configChanged(),
            monolith.toBuilder().config(MonolithSettings.ENABLED_OPTION, false).build());

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("[consistency] Missing any worker relation."));
    assertThat(toyService(out)).isEqualTo("inactive");
    assertThat(count("stop")).isEqualTo(1);
  }

  @Test
  void aNegativeHoldBlocksNamingTheOption() {
    State state = state(true, s3()).toBuilder().config(MonolithSettings.HOLD_OPTION, -1).build();

    Outcome out = run(Event.configChanged(), state);

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "[monolith] monolithic-handover-seconds must be 0 or more seconds; it is -1"));
  }

  @Test
  void aHoldOfZeroHandsOverAtOnce() {
    State monolith =
        run(
                Event.configChanged(),
                state(true, s3()).toBuilder().config(MonolithSettings.HOLD_OPTION, 0).build())
            .state();
    Relation workers = worker(1, "toy-worker", "all", 1);

    Outcome out = run(Event.relationChanged(workers), with(monolith, workers, s3()));

    assertThat(out.unitStatus()).isEqualTo(Status.active(""));
    assertThat(toyService(out)).isEqualTo("inactive");
  }

  @Test
  void underTlsTheCertificateAndKeyAreWrittenBesideTheConfigAsAWorkerWritesThem() {
    tls =
        Optional.of(
            new ServerTls(
                "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
                "-----BEGIN CERTIFICATE-----\nSERVER\n-----END CERTIFICATE-----",
                "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----"));

    Outcome out = run(Event.configChanged(), state(true, s3()));

    assertThat(toy(out).files())
        .containsEntry(WorkerFiles.CERT, tls.get().serverCert())
        .containsEntry(WorkerFiles.KEY, tls.get().privateKey())
        .containsEntry(WorkerFiles.CLIENT_CA, tls.get().caCert())
        .containsEntry(WorkerFiles.ROOT_CA, tls.get().caCert());
    assertThat(out.filePermissions().get("toy")).containsEntry(WorkerFiles.KEY, "600");
    assertThat(toyService(out)).isEqualTo("active");
  }

  @Test
  void peerCoordinatorUnitsShareOneRing() {
    Relation peers =
        Relation.peer("peers")
            .withId(7)
            .withRemoteUnitsData(Map.of(1, Map.of("hostname", "toy-coordinator-1.example")));

    Outcome out = run(Event.configChanged(), state(true, s3(), peers));

    assertThat(toy(out).files().get(CONFIG))
        .contains("  - toy-coordinator-1.example:7946\n")
        .contains("  - " + FQDN + ":7946\n");
  }

  // --- steady state -------------------------------------------------------------------------

  @Test
  void handoverIsNeverSteadyTheClockIsAnInput() {
    Relation workers = worker(1, "toy-worker", "all", 1);
    State state = run(Event.configChanged(), state(true, s3())).state();
    state = run(Event.relationChanged(workers), with(state, workers, s3())).state();
    // The second update-status writes nothing and is recorded; the third would replay it.
    for (int i = 1; i <= 3; i++) {
      advance(Duration.ofSeconds(10));
      Outcome out = run(Event.updateStatus(), state);
      assertThat(skipped(out)).isFalse();
      assertThat(out.unitStatus())
          .isEqualTo(Status.active("handing over to workers (" + (300 - 10 * i) + "s left)"));
      state = out.state();
    }
  }

  @Test
  void aSteadyMonolithSkipsAndStillNoticesAStoppedProcess() {
    State state = run(Event.configChanged(), state(true, s3())).state();
    state = run(Event.updateStatus(), state).state();
    writes.clear();
    Outcome steady = run(Event.updateStatus(), state);
    assertThat(skipped(steady)).isTrue();
    assertThat(writes).isEmpty();
    assertThat(steady.unitStatus().message()).startsWith("running monolithic");

    State crashed =
        steady.state().toBuilder()
            .container(toy(steady).withServiceStatus("toy", "inactive"))
            .build();
    Outcome out = run(Event.updateStatus(), crashed);

    assertThat(skipped(out)).isFalse();
    assertThat(count("start")).isEqualTo(1);
    assertThat(toyService(out)).isEqualTo("active");
  }
}
