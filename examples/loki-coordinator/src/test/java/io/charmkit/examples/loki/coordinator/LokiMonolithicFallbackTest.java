package io.charmkit.examples.loki.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.FixedHost;
import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Service;
import io.charmkit.schema.cluster.CoordinatorAppData;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Loki coordinator that is also a worker ({@code monolithic-fallback}), through the production
 * dispatch loop: Loki's process in the coordinator's own {@code loki} container, its configuration,
 * the handover to read/write/backend workers, the stop, the takeback and a flapping worker. Time
 * comes from a fixed clock the test moves; nothing sleeps.
 */
class LokiMonolithicFallbackTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final String FQDN = "loki-0.loki-endpoints.cos.svc.cluster.local";
  private static final String URL = "http://" + FQDN + ":3100";
  private static final String CONFIG = "/etc/worker/config.yaml";
  private static final String COMMAND =
      "/bin/loki --config.file=/etc/worker/config.yaml -target all";
  private static final String STARTED = "starting the monolithic loki process";
  private static final String STOPPED = "the workers carry the work; stopping the monolithic loki";
  private static final String RESTARTED = "the monolithic loki configuration changed";

  private static final Relation S3 = LokiCoordinatorCharmTest.S3;

  private Instant now = Instant.parse("2026-12-04T10:00:00Z");
  private final List<String> log = new ArrayList<>();
  private final Context ctx =
      new Context(
              fw -> new LokiCoordinatorCharm(fw, TlsSource.NONE, FixedHost.at(FQDN, now)), METADATA)
          .withAppName("loki");

  // --- fixtures -----------------------------------------------------------------------------

  private static Relation worker(int id, String role) {
    return Relation.of("loki-cluster")
        .withId(id)
        .withRemoteApp(role)
        .withRemoteAppData(Map.of("role", "\"" + role + "\""))
        .withRemoteUnitsData(
            Map.of(
                0,
                Map.of(
                    "juju_topology",
                    "{\"application\": \""
                        + role
                        + "\", \"unit\": \""
                        + role
                        + "/0\", \"charm_name\": \"loki-worker-k8s\"}",
                    "address",
                    "\"" + address(role) + "\"")));
  }

  private static String address(String app) {
    return app + "-0." + app + "-endpoints.cos.svc.cluster.local";
  }

  private static final Relation READ = worker(1, "read");
  private static final Relation WRITE = worker(2, "write");
  private static final Relation BACKEND = worker(3, "backend");

  /** A fresh leader with its three containers, the given options, S3 and {@code relations}. */
  private static State state(Map<String, ?> options, Relation... relations) {
    State.Builder state =
        State.builder()
            .leader(true)
            .model("cos", "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4")
            .config(options)
            .container(Container.connected("loki").withExecutables("/bin/loki"))
            .container(Container.connected("nginx").withExecutables("/usr/sbin/nginx"))
            .container(
                Container.connected("nginx-prometheus-exporter")
                    .withExecutables("/usr/bin/nginx-prometheus-exporter"))
            .relation(S3);
    for (Relation relation : relations) {
      state.relation(relation);
    }
    return state.build();
  }

  private static State monolithic(Relation... relations) {
    return state(Map.of("monolithic-fallback", true), relations);
  }

  /**
   * The next event's input: {@code previous}'s config, containers and stored state, with S3 and
   * only {@code relations} (a relation left out has been removed).
   */
  private static State next(State previous, Relation... relations) {
    State.Builder state =
        State.builder()
            .leader(true)
            .model(previous.modelName(), previous.modelUuid())
            .config(previous.config())
            .relation(S3);
    previous.containers().forEach(state::container);
    previous.storedState().forEach(state::storedState);
    for (Relation relation : relations) {
      state.relation(relation);
    }
    return state.build();
  }

  private Outcome run(Event event, State state) {
    Outcome out = ctx.run(event, state);
    out.jujuLog().stream().map(LogLine::message).forEach(log::add);
    return out;
  }

  private long logged(String text) {
    return log.stream().filter(m -> m.contains(text)).count();
  }

  private static Container loki(Outcome out) {
    return out.state().container("loki").orElseThrow();
  }

  private static String lokiService(Outcome out) {
    return loki(out).serviceStatuses().getOrDefault("loki", "inactive");
  }

  private static String published(Outcome out, int relation) {
    Map<String, String> bag = out.state().relation(relation).orElseThrow().localAppData();
    return bag.isEmpty() ? "" : CoordinatorAppData.CODEC.read(bag, "bag").workerConfig();
  }

  /** The {@code memberlist.join_members} block of a rendered Loki config. */
  private static String ring(String... members) {
    StringBuilder block = new StringBuilder("  join_members:\n");
    for (String member : members) {
      block.append("  - ").append(member).append('\n');
    }
    return block.append("querier:\n").toString();
  }

  /** The configuration a lone {@code all} worker at the coordinator's address would be given. */
  private static String loneAllWorkerConfig() {
    ClusterMembers members =
        ClusterMembers.of(
            ClusterView.read(
                "loki-cluster", RolesTable.LOKI, List.of(WorkerBags.of("loki", "all", FQDN))));
    S3Config s3 = new S3Config("http://minio.example:9000", "loki", "AK", "SK", null, List.of());
    return new LokiConfig(members, s3, LokiSettings.DEFAULTS, URL, false, "cos-cluster", List.of())
        .render();
  }

  // --- off by default -----------------------------------------------------------------------

  @Test
  void offByDefaultTheLokiContainerIsNeverTouched() {
    Outcome out = run(Event.configChanged(), state(Map.of()));

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("[consistency] Missing any worker relation."));
    assertThat(loki(out)).isEqualTo(state(Map.of()).container("loki").orElseThrow());
    assertThat(METADATA.options().get("monolithic-fallback").defaultValue()).contains(false);
    assertThat(METADATA.options().get("monolithic-handover-seconds").defaultValue()).contains(300L);
  }

  // --- MONOLITH -----------------------------------------------------------------------------

  @Test
  void aloneTheCoordinatorRunsLokiWithEveryTargetInItsOwnContainer() {
    Outcome out = run(Event.configChanged(), monolithic());

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active("running monolithic: no consistent worker set (no worker relation)"));
    Layer layer = loki(out).layers().get("monolith");
    assertThat(layer.services()).containsOnlyKeys("loki");
    Service loki = layer.services().get("loki");
    assertThat(loki.command()).isEqualTo(COMMAND);
    assertThat(loki.startup()).isEqualTo("enabled");
    assertThat(loki.environment()).isEmpty();
    assertThat(lokiService(out)).isEqualTo("active");
    assertThat(logged(STARTED)).isEqualTo(1);
    // Exactly what a lone `all` worker at the coordinator's address would run: same bucket.
    assertThat(loki(out).files()).containsEntry(CONFIG, loneAllWorkerConfig());
    // nginx sends every route to the coordinator's own Loki.
    assertThat(out.state().container("nginx").orElseThrow().files().get("/etc/nginx/nginx.conf"))
        .contains("upstream all {")
        .contains("server " + FQDN + ":3100");
  }

  @Test
  void aWorkerSetMissingRolesIsNamedAndNotConfigured() {
    Outcome out = run(Event.relationChanged(READ), monolithic(READ));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active(
                "running monolithic: no consistent worker set (missing roles: backend, write)"));
    assertThat(lokiService(out)).isEqualTo("active");
    assertThat(published(out, 1)).isEmpty();
  }

  // --- HANDOVER and CLUSTER -----------------------------------------------------------------

  @Test
  void workersFormingAClusterJoinTheCoordinatorsRingWhileItsLokiRunsOnUntouched() {
    State alone = run(Event.configChanged(), monolithic()).state();
    String own = alone.container("loki").orElseThrow().files().get(CONFIG);

    Outcome out = run(Event.relationChanged(BACKEND), next(alone, READ, WRITE, BACKEND));

    assertThat(out.unitStatus()).isEqualTo(Status.active("handing over to workers (300s left)"));
    for (int id = 1; id <= 3; id++) {
      assertThat(published(out, id))
          .contains(ring(address("backend"), FQDN, address("read"), address("write")));
    }
    assertThat(lokiService(out)).isEqualTo("active");
    assertThat(loki(out).files()).containsEntry(CONFIG, own);
    assertThat(logged(RESTARTED)).isZero();
  }

  @Test
  void theCoordinatorsLokiStopsOnceTheHoldHasElapsedAndTheRingIsTheWorkersAlone() {
    State handover = handover();
    now = now.plus(Duration.ofSeconds(299));
    Outcome almost = run(Event.updateStatus(), handover);
    assertThat(almost.unitStatus()).isEqualTo(Status.active("handing over to workers (1s left)"));
    assertThat(lokiService(almost)).isEqualTo("active");
    now = now.plus(Duration.ofSeconds(1));

    Outcome out = run(Event.updateStatus(), almost.state());

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active("[scale] below recommended units: backend 1/3, read 1/3, write 1/3."));
    assertThat(lokiService(out)).isEqualTo("inactive");
    assertThat(logged(STOPPED)).isEqualTo(1);
    assertThat(published(out, 1))
        .contains(ring(address("backend"), address("read"), address("write")));
  }

  @Test
  void losingARoleTakesTheWorkBackAtOnce() {
    State handover = handover();
    now = now.plus(Duration.ofMinutes(5));
    State cluster = run(Event.updateStatus(), handover).state();
    assertThat(cluster.container("loki").orElseThrow().serviceStatuses())
        .containsEntry("loki", "inactive");
    log.clear();

    Outcome out = run(Event.updateStatus(), next(cluster, READ, WRITE));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active("running monolithic: no consistent worker set (missing roles: backend)"));
    assertThat(lokiService(out)).isEqualTo("active");
    assertThat(logged(STARTED)).isEqualTo(1);
    assertThat(logged(STOPPED)).isZero();
  }

  /** MONOLITH, then read, write and backend workers: the HANDOVER state. */
  private State handover() {
    State alone = run(Event.configChanged(), monolithic()).state();
    return run(Event.relationChanged(BACKEND), next(alone, READ, WRITE, BACKEND)).state();
  }

  // --- hysteresis ---------------------------------------------------------------------------

  @Test
  void aBackendWorkerComingAndGoingStartsLokiOnceAndNeverStopsOrRestartsIt() {
    State state = run(Event.configChanged(), monolithic(READ, WRITE)).state();
    for (int cycle = 0; cycle < 10; cycle++) {
      now = now.plus(Duration.ofSeconds(100));
      Outcome joined = run(Event.relationChanged(BACKEND), next(state, READ, WRITE, BACKEND));
      assertThat(joined.unitStatus().message()).startsWith("handing over to workers");
      now = now.plus(Duration.ofSeconds(100));
      Outcome left = run(Event.updateStatus(), next(joined.state(), READ, WRITE));
      assertThat(left.unitStatus().message())
          .isEqualTo("running monolithic: no consistent worker set (missing roles: backend)");
      state = left.state();
    }

    assertThat(logged(STARTED)).isEqualTo(1);
    assertThat(logged(STOPPED)).isZero();
    assertThat(logged(RESTARTED)).isZero();
    assertThat(lokiService(run(Event.updateStatus(), state))).isEqualTo("active");
  }

  @Test
  void theHandoverOptionIsReadFromTheCharmsConfig() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("monolithic-fallback", true);
    options.put("monolithic-handover-seconds", 0);
    State alone = run(Event.configChanged(), state(options)).state();

    Outcome out = run(Event.relationChanged(BACKEND), next(alone, READ, WRITE, BACKEND));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active("[scale] below recommended units: backend 1/3, read 1/3, write 1/3."));
    assertThat(lokiService(out)).isEqualTo("inactive");
  }
}
