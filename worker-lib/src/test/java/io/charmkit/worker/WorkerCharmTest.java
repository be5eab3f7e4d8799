package io.charmkit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.LogTarget;
import io.charmkit.ops.pebble.Service;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.Secret;
import io.charmkit.testing.State;
import io.charmkit.testing.UncaughtCharmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker base through whole dispatches: roles, publishing, files, layer, restart, status. */
class WorkerCharmTest {
  private static final String CONFIG_TEXT = "server:\n  http_listen_port: 3200\n";
  private static final String READY_URL = "http://" + TestWorker.FQDN + ":8080/ready";
  private static final String RESTARTING = "restarting... (attempt #1)";
  private static final Status ALL_READY = Status.active("(all roles) ready.");

  private final ManualClock clock = new ManualClock();
  private final Map<String, String> env = new HashMap<>();
  private final Context ctx =
      new Context(fw -> new TestWorker(fw, TestWorker.environment(env, clock)), TestWorker.META)
          .withAppName("test-worker");

  private static Relation cluster(CoordinatorAppData data) {
    return Relation.of(TestWorker.ENDPOINT)
        .withRemoteApp("coordinator")
        .withRemoteAppData(bag(data));
  }

  /** The coordinator's bag as Juju holds it: a key written as "" is a deleted key. */
  private static Map<String, String> bag(CoordinatorAppData data) {
    Map<String, String> bag = new HashMap<>(CoordinatorAppData.CODEC.write(data));
    bag.values().removeIf(String::isEmpty);
    return bag;
  }

  private static Relation cluster(String workerConfig) {
    return cluster(CoordinatorAppData.builder(workerConfig).build());
  }

  private static State.Builder ready(Relation cluster) {
    return State.builder()
        .leader(true)
        .relation(cluster)
        .container(
            Container.connected("workload")
                .withExecutables("/bin/workload")
                .withExec(TestWorker.UPDATE_CA));
  }

  private static Container workload(Outcome out) {
    return out.state().container("workload").orElseThrow();
  }

  /** The layer the base adds for the test worker with role {@code all}. */
  private static Layer expectedLayer() {
    Service service =
        Service.builder("/bin/workload -config /etc/worker/config.yaml -roles all")
            .startup("enabled")
            .build();
    return new Layer(
        "test workload",
        null,
        Map.of("workload", service),
        Map.of("ready", Check.http("ready", READY_URL).withThreshold(3)),
        null);
  }

  /** A container as a previous reconcile left it: config, layer, service running. */
  private static Container configured(String configText) {
    return Container.connected("workload")
        .withExecutables("/bin/workload")
        .withExec(TestWorker.UPDATE_CA)
        .withFile(WorkerFiles.CONFIG, configText)
        .withLayer("workload", expectedLayer())
        .withServiceStatus("workload", "active");
  }

  // --- roles and publishing ---------------------------------------------------------------------

  @Test
  void publishesTheRolesTheFqdnAndTheTopology() {
    Relation rel = cluster(CONFIG_TEXT);

    Outcome out = ctx.run(Event.configChanged(), ready(rel).build());

    Relation after = out.state().relation(rel.id()).orElseThrow();
    assertThat(after.localAppData()).containsEntry("role", "\"all\"");
    assertThat(after.localUnitData())
        .containsEntry("address", "\"" + TestWorker.FQDN + "\"")
        .containsEntry(
            "juju_topology",
            "{\"application\": \"test-worker\", \"unit\": \"test-worker/0\","
                + " \"charm_name\": \"test-worker-k8s\"}");
  }

  @Test
  void rolesFollowTheOptionNamesNotTheirOrderInConfigYaml() {
    Relation rel = cluster(CONFIG_TEXT);
    State state =
        ready(rel).config(Map.of("role-all", false, "role-write", true, "role-read", true)).build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(out.state().relation(rel.id()).orElseThrow().localAppData())
        .containsEntry("role", "\"read,write\"");
    assertThat(out.unitStatus()).isEqualTo(Status.active("read,write ready."));
    assertThat(workload(out).plan().services().get("workload").command())
        .endsWith("-roles read,write");
  }

  @Test
  void withNoRoleEnabledTheWorkerIsBlockedPublishesNoRoleAndStopsItsWorkload() {
    Relation rel = cluster(CONFIG_TEXT);
    State state = ready(rel).config("role-all", false).container(configured(CONFIG_TEXT)).build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "Node offline: no role assigned. Please configure this worker to enable a role."
                    + " For example: 'juju config test-worker role-all=true'."));
    assertThat(out.state().relation(rel.id()).orElseThrow().localAppData())
        .doesNotContainKey("role");
    assertThat(workload(out).files()).isEmpty();
    assertThat(workload(out).serviceStatuses()).containsEntry("workload", "inactive");
  }

  @Test
  void aCharmWithoutRoleOptionsFailsWithAClearError() {
    CharmMetadata noRoles =
        CharmMetadata.parse(
            TestWorker.METADATA, "options:\n  log-level:\n    type: string\n", null);
    Context bad = new Context(fw -> new TestWorker(fw, TestWorker.environment()), noRoles);

    UncaughtCharmException e =
        catchThrowableOfType(
            UncaughtCharmException.class, () -> bad.run(Event.install(), State.builder().build()));

    assertThat(e).hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(e.getCause())
        .hasMessageContaining("role-<name>")
        .hasMessageContaining("declares none");
  }

  // --- statuses ---------------------------------------------------------------------------------

  @Test
  void anUnreachableContainerWaitsAndIsLeftAlone() {
    Relation rel = cluster(CONFIG_TEXT);
    State state =
        State.builder()
            .leader(true)
            .relation(rel)
            .container(Container.disconnected("workload"))
            .build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(out.unitStatus()).isEqualTo(Status.waiting("Waiting for `workload` container"));
    assertThat(out.state().relation(rel.id()).orElseThrow().localUnitData()).containsKey("address");
  }

  @Test
  void withoutACoordinatorTheWorkerIsBlocked() {
    Outcome out =
        ctx.run(
            Event.configChanged(),
            State.builder()
                .container(
                    Container.connected("workload")
                        .withExecutables("/bin/workload")
                        .withExec(TestWorker.UPDATE_CA))
                .build());

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("Missing relation to a coordinator charm"));
  }

  @Test
  void aRelationWhoseCoordinatorIsNotKnownYetWaits() {
    Relation rel = Relation.of(TestWorker.ENDPOINT).withRemoteApp("").withRemoteUnitsData(Map.of());

    Outcome out = ctx.run(Event.configChanged(), ready(rel).build());

    assertThat(out.unitStatus()).isEqualTo(Status.waiting("Cluster relation not ready"));
  }

  @Test
  void beforeTheCoordinatorSendsAConfigTheWorkerWaits() {
    Relation rel = Relation.of(TestWorker.ENDPOINT).withRemoteApp("coordinator");

    Outcome out = ctx.run(Event.relationJoined(rel, 0), ready(rel).build());

    assertThat(out.unitStatus())
        .isEqualTo(Status.waiting("Waiting for coordinator to publish a config"));
    assertThat(workload(out).files()).isEmpty();
  }

  @Test
  void aFailingReadinessCheckBlocks() {
    Relation rel = cluster(CONFIG_TEXT);
    State state =
        ready(rel).container(configured(CONFIG_TEXT).withCheckStatus("ready", "down")).build();

    Outcome out = ctx.run(Event.updateStatus(), state);

    assertThat(out.unitStatus()).isEqualTo(Status.blocked("Pebble check [ready] is 'DOWN'."));
  }

  @Test
  void aFailedCheckIsNotReconciledButStillReported() {
    Relation rel = cluster(CONFIG_TEXT);
    Container container =
        Container.connected("workload")
            .withExecutables("/bin/workload")
            .withExec(TestWorker.UPDATE_CA)
            .withCheckStatus("ready", "down");

    Outcome out =
        ctx.run(
            Event.pebbleCheckFailed(container, "ready"), ready(rel).container(container).build());

    assertThat(workload(out).files()).isEmpty();
    assertThat(workload(out).layers()).isEmpty();
    assertThat(out.unitStatus())
        .isEqualTo(Status.waiting("Waiting for coordinator to publish a config"));
  }

  // --- the workload -----------------------------------------------------------------------------

  @Test
  void whenReadyItWritesTheConfigAddsTheLayerAndStartsTheWorkload() {
    Outcome out = ctx.run(Event.configChanged(), ready(cluster(CONFIG_TEXT)).build());

    Container after = workload(out);
    assertThat(after.files()).containsExactly(Map.entry(WorkerFiles.CONFIG, CONFIG_TEXT));
    assertThat(after.layers()).containsOnlyKeys("workload");
    assertThat(after.plan().services()).isEqualTo(expectedLayer().services());
    assertThat(after.plan().checks()).isEqualTo(expectedLayer().checks());
    assertThat(after.serviceStatuses()).containsExactly(Map.entry("workload", "active"));
    assertThat(out.unitStatusHistory()).contains(Status.maintenance(RESTARTING));
    assertThat(out.unitStatus()).isEqualTo(ALL_READY);
  }

  @Test
  void theConfigIsRewrittenAsSortedYaml() {
    Outcome out = ctx.run(Event.configChanged(), ready(cluster("{b: 1, a: [x, 'yes']}")).build());

    assertThat(workload(out).files()).containsEntry(WorkerFiles.CONFIG, "a:\n- x\n- 'yes'\nb: 1\n");
  }

  @Test
  void aConfigWithTheSameMeaningIsNeitherRewrittenNorRestarted() {
    String sameMeaning = "server: {http_listen_port: 3200}\n";
    State state = ready(cluster(CONFIG_TEXT)).container(configured(sameMeaning)).build();

    Outcome out = ctx.run(Event.updateStatus(), state);

    assertThat(workload(out).files()).containsEntry(WorkerFiles.CONFIG, sameMeaning);
    assertThat(out.unitStatusHistory()).doesNotContain(Status.maintenance(RESTARTING));
    assertThat(out.unitStatus()).isEqualTo(ALL_READY);
  }

  @Test
  void aChangedConfigIsRewrittenAndRestarts() {
    State state =
        ready(cluster("server:\n  http_listen_port: 3201\n"))
            .container(configured(CONFIG_TEXT))
            .build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(workload(out).files())
        .containsEntry(WorkerFiles.CONFIG, "server:\n  http_listen_port: 3201\n");
    assertThat(out.unitStatusHistory()).contains(Status.maintenance(RESTARTING));
  }

  @Test
  void aSecondRunWithNothingNewRestartsNothing() {
    Outcome first = ctx.run(Event.configChanged(), ready(cluster(CONFIG_TEXT)).build());

    Outcome second = ctx.run(Event.updateStatus(), first.state());

    assertThat(second.unitStatusHistory()).doesNotContain(Status.maintenance(RESTARTING));
    assertThat(second.unitStatus()).isEqualTo(ALL_READY);
    assertThat(workload(second)).isEqualTo(workload(first));
  }

  @Test
  void theLayerIsAddedOnlyWhenItsServicesOrChecksDiffer() {
    // Same services and checks under another summary: nothing to add, so the summary stays.
    Layer sameButOld =
        new Layer(
            "an older summary", null, expectedLayer().services(), expectedLayer().checks(), null);
    State state =
        ready(cluster(CONFIG_TEXT))
            .container(configured(CONFIG_TEXT).withLayer("workload", sameButOld))
            .build();

    Outcome out = ctx.run(Event.updateStatus(), state);

    assertThat(workload(out).layers().get("workload").summary()).isEqualTo("an older summary");
    assertThat(out.unitStatusHistory()).doesNotContain(Status.maintenance(RESTARTING));
  }

  @Test
  void jujuProxySettingsReachEveryServiceAndChangeTheLayer() {
    env.put("JUJU_CHARM_HTTP_PROXY", "http://proxy:3128");
    env.put("JUJU_CHARM_NO_PROXY", "10.0.0.0/8");
    State state = ready(cluster(CONFIG_TEXT)).container(configured(CONFIG_TEXT)).build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(workload(out).plan().services().get("workload").environment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "HTTP_PROXY", "http://proxy:3128",
                "http_proxy", "http://proxy:3128",
                "NO_PROXY", "10.0.0.0/8",
                "no_proxy", "10.0.0.0/8"));
    assertThat(out.unitStatusHistory()).contains(Status.maintenance(RESTARTING));
  }

  @Test
  void whenTheCoordinatorGoesAwayTheWorkerWipesItsFilesAndStops() {
    Relation rel = cluster(CONFIG_TEXT);
    Container container =
        configured(CONFIG_TEXT)
            .withFile(WorkerFiles.CERT, "CERT")
            .withFile(WorkerFiles.ROOT_CA, "CA")
            .withFile("/etc/worker/unrelated.txt", "kept");
    State state = ready(rel).container(container).build();

    Outcome out = ctx.run(Event.relationBroken(rel), state);

    assertThat(workload(out).files()).containsOnlyKeys("/etc/worker/unrelated.txt");
    assertThat(workload(out).serviceStatuses()).containsEntry("workload", "inactive");
    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("Missing relation to a coordinator charm"));
  }

  // --- log forwarding -------------------------------------------------------------------------

  @Test
  void logsGoToEveryLokiUnitAndStopGoingWhenTheCoordinatorGoesAway() {
    Relation rel =
        cluster(
            CoordinatorAppData.builder(CONFIG_TEXT)
                .lokiEndpoints(Map.of("loki/0", "http://loki-0:3100/loki/api/v1/push"))
                .build());

    Outcome on = ctx.run(Event.configChanged(), ready(rel).build());

    assertThat(workload(on).layers()).containsKey("workload-log-forwarding");
    LogTarget target = workload(on).plan().logTargets().get("loki/0");
    assertThat(target.type()).isEqualTo("loki");
    assertThat(target.location()).isEqualTo("http://loki-0:3100/loki/api/v1/push");
    assertThat(target.services()).containsExactly("all");
    assertThat(target.labels())
        .containsEntry("product", "Juju")
        .containsEntry("charm", "test-worker-k8s")
        .containsEntry("juju_application", "test-worker")
        .containsEntry("juju_unit", "test-worker/0")
        .containsKeys("juju_model", "juju_model_uuid", "job");

    Outcome off = ctx.run(Event.relationBroken(rel), on.state());

    assertThat(workload(off).plan().logTargets().get("loki/0").services()).containsExactly("-all");
  }

  @Test
  void unchangedLogTargetsAreNotAddedAgain() {
    Relation rel =
        cluster(
            CoordinatorAppData.builder(CONFIG_TEXT)
                .lokiEndpoints(Map.of("loki/0", "http://loki-0:3100/loki/api/v1/push"))
                .build());
    Outcome first = ctx.run(Event.configChanged(), ready(rel).build());
    Layer forwarding = workload(first).layers().get("workload-log-forwarding");
    Layer relabelled = new Layer("kept", null, null, null, forwarding.logTargets());
    State next =
        first.state().toBuilder()
            .container(workload(first).withLayer("workload-log-forwarding", relabelled))
            .build();

    Outcome second = ctx.run(Event.updateStatus(), next);

    assertThat(workload(second).layers().get("workload-log-forwarding").summary())
        .isEqualTo("kept");
  }

  @Test
  void anUnusableLokiUrlCostsThatLokiUnitItsLogsNotTheWorkerItsWorkload() {
    Map<String, String> endpoints = new java.util.TreeMap<>();
    endpoints.put("loki/0", "http://loki-0:3100/loki/api/v1/push");
    endpoints.put("loki/1", "");
    endpoints.put("loki/2", "loki-2:3100/loki/api/v1/push");
    Relation rel =
        cluster(CoordinatorAppData.builder(CONFIG_TEXT).lokiEndpoints(endpoints).build());

    Outcome out = ctx.run(Event.configChanged(), ready(rel).build());

    assertThat(workload(out).plan().logTargets()).containsOnlyKeys("loki/0");
    assertThat(out.unitStatus()).isEqualTo(ALL_READY);
    String where = "relation cluster:" + rel.id() + ", application coordinator, loki_endpoints.";
    assertThat(out.jujuLog())
        .anyMatch(
            l -> l.level().equals("WARNING") && l.message().contains(where + "loki/1: is empty"))
        .anyMatch(
            l ->
                l.level().equals("WARNING")
                    && l.message().contains(where + "loki/2: is not an http or https URL"));
  }

  // --- TLS --------------------------------------------------------------------------------------

  @Test
  void tlsFilesAreWrittenAndRemovedWithTheCoordinatorsData() {
    Secret key = Secret.granted(Map.of("private-key", "KEY"));
    CoordinatorAppData withTls =
        CoordinatorAppData.builder(CONFIG_TEXT)
            .tls("CA", "SERVER", key.id())
            .s3TlsCaChain("S3 CHAIN")
            .build();
    Relation rel = cluster(withTls);

    Outcome on = ctx.run(Event.configChanged(), ready(rel).secret(key).build());

    assertThat(workload(on).files())
        .containsEntry(WorkerFiles.CLIENT_CA, "CA")
        .containsEntry(WorkerFiles.ROOT_CA, "CA")
        .containsEntry(WorkerFiles.CERT, "SERVER")
        .containsEntry(WorkerFiles.KEY, "KEY")
        .containsEntry(WorkerFiles.S3_CA_CHAIN, "S3 CHAIN");

    Relation withoutTls =
        rel.withRemoteAppData(bag(CoordinatorAppData.builder(CONFIG_TEXT).build()));
    State next = on.state().toBuilder().relation(withoutTls).build();
    Outcome off = ctx.run(Event.relationChanged(withoutTls), next);

    assertThat(workload(off).files()).containsOnlyKeys(WorkerFiles.CONFIG);
    assertThat(off.unitStatusHistory()).contains(Status.maintenance(RESTARTING));
  }

  @Test
  void anImageWithoutUpdateCaCertificatesIsAStatusAndTheWorkloadStillRuns() {
    Secret key = Secret.granted(Map.of("private-key", "KEY"));
    Relation rel =
        cluster(CoordinatorAppData.builder(CONFIG_TEXT).tls("CA", "SERVER", key.id()).build());
    State state =
        State.builder()
            .leader(true)
            .relation(rel)
            .secret(key)
            .container(Container.connected("workload").withExecutables("/bin/workload"))
            .build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(out.unitStatus().name().juju()).isEqualTo("blocked");
    assertThat(out.unitStatus().message())
        .startsWith("[workload] cannot run update-ca-certificates")
        .contains("cannot find executable \"update-ca-certificates\"");
    assertThat(workload(out).files()).containsEntry(WorkerFiles.ROOT_CA, "CA");
    assertThat(workload(out).serviceStatuses()).containsEntry("workload", "active");
  }

  @Test
  void unchangedTlsFilesRestartNothing() {
    Secret key = Secret.granted(Map.of("private-key", "KEY"));
    Relation rel =
        cluster(CoordinatorAppData.builder(CONFIG_TEXT).tls("CA", "SERVER", key.id()).build());
    Outcome first = ctx.run(Event.configChanged(), ready(rel).secret(key).build());

    Outcome second = ctx.run(Event.updateStatus(), first.state());

    assertThat(second.unitStatusHistory()).doesNotContain(Status.maintenance(RESTARTING));
    // The new CA refreshed the workload's trust store once; unchanged files run nothing.
    assertThat(first.execs("workload"))
        .extracting(r -> r.command())
        .containsExactly(List.of("update-ca-certificates", "--fresh"));
    assertThat(second.execs("workload")).isEmpty();
  }

  // --- ports ------------------------------------------------------------------------------------

  @Test
  void thePublishedWorkerPortsAreExactlyTheOpenedOnes() {
    Relation rel =
        cluster(CoordinatorAppData.builder(CONFIG_TEXT).workerPorts(List.of(7946, 3200)).build());
    State state = ready(rel).openedPort(Port.tcp(9999)).build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(out.state().openedPorts()).containsExactlyInAnyOrder(Port.tcp(3200), Port.tcp(7946));
  }

  @Test
  void withoutPublishedPortsTheLegacySetIsOpened() {
    Outcome out = ctx.run(Event.configChanged(), ready(cluster(CONFIG_TEXT)).build());

    assertThat(out.state().openedPorts()).containsExactlyInAnyOrder(Port.tcp(8080), Port.tcp(9090));
  }

  // --- bad remote data --------------------------------------------------------------------------

  @Test
  void anInvalidCoordinatorBagIsReportedAndTheWorkloadKeepsRunning() {
    Relation rel =
        Relation.of(TestWorker.ENDPOINT)
            .withRemoteApp("coordinator")
            .withRemoteAppData(
                Map.of("worker_config", "\"" + "server: {}" + "\"", "worker_ports", "[7946, "));
    State state = ready(rel).container(configured(CONFIG_TEXT)).build();

    Outcome out = ctx.run(Event.relationChanged(rel), state);

    assertThat(out.unitStatus().name()).isEqualTo(Status.waiting("").name());
    assertThat(out.unitStatus().message())
        .startsWith("Invalid coordinator data: relation cluster:" + rel.id())
        .contains("application coordinator")
        .contains("worker_ports");
    assertThat(workload(out).files()).containsOnly(Map.entry(WorkerFiles.CONFIG, CONFIG_TEXT));
    assertThat(workload(out).serviceStatuses()).containsEntry("workload", "active");
  }

  @Test
  void aWorkerConfigThatIsNotAYamlMappingIsReportedNotFatal() {
    Relation rel = cluster("- a\n- b\n");

    Outcome out = ctx.run(Event.relationChanged(rel), ready(rel).build());

    assertThat(out.unitStatus().name()).isEqualTo(Status.waiting("").name());
    assertThat(out.unitStatus().message())
        .startsWith(
            "Invalid coordinator data: relation cluster:"
                + rel.id()
                + ", application coordinator, worker_config: is not a YAML mapping");
    assertThat(workload(out).files()).isEmpty();
  }

  @Test
  void anUnreadableKeySecretLeavesTheKeyOutAndSaysWhy() {
    CoordinatorAppData withTls =
        CoordinatorAppData.builder(CONFIG_TEXT)
            .tls("CA", "SERVER", "secret:cccccccccccccccccc99")
            .build();

    Outcome out = ctx.run(Event.configChanged(), ready(cluster(withTls)).build());

    assertThat(workload(out).files())
        .containsEntry(WorkerFiles.CERT, "SERVER")
        .doesNotContainKey(WorkerFiles.KEY);
    assertThat(out.unitStatus().message())
        .startsWith("Invalid coordinator data:")
        .contains("privkey_secret_id");
  }
}
