package io.charmkit.examples.tempo.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.WorkerUnderTest;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.Service;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.RemoteWriteEndpoint;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.Secret;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tempo-worker-k8s through whole dispatches: its layer, its one-role rule and its statuses. */
class TempoWorkerCharmTest {
  private static final WorkerUnderTest WORKER =
      new WorkerUnderTest("tempo-worker", "tempo-cluster", "tempo", "tempo", "/bin/tempo");
  private static final String FQDN = WORKER.fqdn();
  private static final String UUID = WorkerUnderTest.MODEL_UUID;
  private static final String WORKER_CONFIG =
      "metrics_generator:\n  storage:\n    path: /etc/tempo/metrics_generator_wal\n"
          + "server:\n  http_listen_port: 3200\n";
  private static final List<RemoteWriteEndpoint> REMOTE_WRITE =
      List.of(new RemoteWriteEndpoint("http://prometheus-0:9090/api/v1/write"));

  private static final CharmMetadata META =
      CharmMetadata.load(Path.of(System.getProperty("user.dir")));

  private final Context ctx = WORKER.context(TempoWorkerCharm::new, META);

  private static CoordinatorAppData.Builder config() {
    return CoordinatorAppData.builder(WORKER_CONFIG);
  }

  private static Map<String, Object> only(String role) {
    return role.equals("all") ? Map.of() : Map.of("role-all", false, "role-" + role, true);
  }

  @Test
  void metadataAndConfigMatchTheRealCharm() {
    assertThat(META.name()).isEqualTo("tempo-worker-k8s");
    assertThat(META.endpoints()).containsOnlyKeys("tempo-cluster");
    assertThat(META.endpoints().get("tempo-cluster").limit()).contains(1);
    assertThat(META.endpoints().get("tempo-cluster").interfaceName()).isEqualTo("tempo_cluster");
    assertThat(META.containers()).containsExactly("tempo");
    assertThat(META.storages()).containsExactly("wal");
    assertThat(META.options())
        .containsOnlyKeys(
            "role-all",
            "role-querier",
            "role-query-frontend",
            "role-ingester",
            "role-distributor",
            "role-compactor",
            "role-metrics-generator");
    assertThat(META.options().get("role-all").defaultValue()).contains(true);
    assertThat(META.options().get("role-ingester").defaultValue()).contains(false);
  }

  @Test
  void roleAllRunsTheScalableSingleBinaryWithAReadinessCheck() {
    Outcome out =
        ctx.run(
            Event.configChanged(),
            WORKER.state(
                WORKER.cluster(config().remoteWriteEndpoints(REMOTE_WRITE).build()), Map.of()));

    Service service = WORKER.workload(out).plan().services().get("tempo");
    assertThat(service.command())
        .isEqualTo(
            "/bin/tempo -config.file=/etc/worker/config.yaml -target scalable-single-binary");
    assertThat(service.startup()).isEqualTo("enabled");
    assertThat(service.summary()).isEqualTo("tempo worker process");
    assertThat(WORKER.workload(out).plan().checks())
        .containsExactly(
            Map.entry(
                "ready", Check.http("ready", "http://" + FQDN + ":3200/ready").withThreshold(3)));
    assertThat(WORKER.workload(out).serviceStatuses()).containsEntry("tempo", "active");
    assertThat(out.unitStatus()).isEqualTo(Status.active("(all roles) ready."));
  }

  @Test
  void aSingleRoleIsItsOwnTarget() {
    Outcome out =
        ctx.run(
            Event.configChanged(), WORKER.state(WORKER.cluster(config().build()), only("querier")));

    assertThat(WORKER.workload(out).plan().services().get("tempo").command())
        .isEqualTo("/bin/tempo -config.file=/etc/worker/config.yaml -target querier");
    assertThat(out.unitStatus()).isEqualTo(Status.active("querier ready."));
  }

  @Test
  void moreThanOneRoleBlocksAndAddsNoLayer() {
    Map<String, Object> two =
        Map.of("role-all", false, "role-querier", true, "role-ingester", true);

    Outcome out =
        ctx.run(Event.configChanged(), WORKER.state(WORKER.cluster(config().build()), two));

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("cannot have more than 1 enabled role: ['ingester', 'querier']"));
    assertThat(WORKER.workload(out).layers()).isEmpty();
    assertThat(WORKER.workload(out).serviceStatuses()).doesNotContainEntry("tempo", "active");
  }

  @Test
  void roleAllWithoutRemoteWriteRunsButSaysTheGeneratorIsDisabled() {
    Outcome out =
        ctx.run(Event.configChanged(), WORKER.state(WORKER.cluster(config().build()), Map.of()));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active(
                "metrics-generator disabled. No prometheus remote-write relation configured on the"
                    + " coordinator"));
    assertThat(WORKER.workload(out).serviceStatuses()).containsEntry("tempo", "active");
  }

  @Test
  void aMetricsGeneratorWithoutRemoteWriteIsBlockedAndNotStarted() {
    Outcome out =
        ctx.run(
            Event.configChanged(),
            WORKER.state(WORKER.cluster(config().build()), only("metrics-generator")));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked("No prometheus remote-write relation configured on the coordinator"));
    assertThat(WORKER.workload(out).files()).containsKey("/etc/worker/config.yaml");
    assertThat(WORKER.workload(out).plan().services()).containsKey("tempo");
    assertThat(WORKER.workload(out).serviceStatuses()).doesNotContainEntry("tempo", "active");
    assertThat(out.unitStatusHistory())
        .doesNotContain(Status.maintenance("restarting... (attempt #1)"));
  }

  @Test
  void theGeneratorsMetricsCarryTheUnitsTopology() {
    Outcome out =
        ctx.run(
            Event.configChanged(),
            WORKER.state(
                WORKER.cluster(config().remoteWriteEndpoints(REMOTE_WRITE).build()),
                only("metrics-generator")));

    assertThat(WORKER.workload(out).files().get("/etc/worker/config.yaml"))
        .isEqualTo(
            "metrics_generator:\n"
                + "  registry:\n"
                + "    external_labels:\n"
                + "      juju_application: tempo-worker\n"
                + "      juju_charm_name: tempo-worker-k8s\n"
                + "      juju_model: cos\n"
                // YamlWriter quotes every string that starts like a number.
                + "      juju_model_uuid: '"
                + UUID
                + "'\n"
                + "      juju_unit: tempo-worker/0\n"
                + "  storage:\n"
                + "    path: /etc/tempo/metrics_generator_wal\n"
                + "server:\n"
                + "  http_listen_port: 3200\n");
    assertThat(WORKER.workload(out).serviceStatuses()).containsEntry("tempo", "active");
    assertThat(out.unitStatus()).isEqualTo(Status.active("metrics-generator ready."));
  }

  @Test
  void otherRolesGetTheConfigUnchanged() {
    Outcome out =
        ctx.run(
            Event.configChanged(),
            WORKER.state(WORKER.cluster(config().build()), only("ingester")));

    assertThat(WORKER.workload(out).files().get("/etc/worker/config.yaml"))
        .isEqualTo(WORKER_CONFIG);
  }

  @Test
  void withTlsTheReadinessCheckUsesHttps() {
    Secret key = Secret.granted(Map.of("private-key", "KEY"));
    Relation rel = WORKER.cluster(config().tls("CA", "CERT", key.id()).build());
    State state = WORKER.state(rel, only("querier")).toBuilder().secret(key).build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(WORKER.workload(out).plan().checks().get("ready").http().url())
        .isEqualTo("https://" + FQDN + ":3200/ready");
  }

  @Test
  void workloadTracesGoToTheCoordinatorsOtlpReceiver() {
    Relation rel =
        WORKER.cluster(
            config()
                .workloadTracingReceivers(Map.of("otlp_http", "http://tempo.cos.svc:4318"))
                .build());

    Outcome out = ctx.run(Event.configChanged(), WORKER.state(rel, only("querier")));

    assertThat(WORKER.workload(out).plan().services().get("tempo").environment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "OTEL_TRACES_EXPORTER", "otlp",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://tempo.cos.svc:4318/v1/traces",
                "OTEL_RESOURCE_ATTRIBUTES",
                    "juju_application=tempo-worker,juju_model=cos,juju_model_uuid="
                        + UUID
                        + ",juju_unit=tempo-worker/0,juju_charm=tempo-worker-k8s"));
  }

  @Test
  void withoutPublishedWorkerPortsTheLegacyPortsAreOpened() {
    Outcome out =
        ctx.run(Event.configChanged(), WORKER.state(WORKER.cluster(config().build()), Map.of()));

    assertThat(out.state().openedPorts())
        .containsExactlyInAnyOrder(
            Port.tcp(3200),
            Port.tcp(4317),
            Port.tcp(4318),
            Port.tcp(9411),
            Port.tcp(14268),
            Port.tcp(7946),
            Port.tcp(9096),
            Port.tcp(14250));
  }

  @Test
  void publishedWorkerPortsReplaceTheLegacyOnes() {
    Relation rel = WORKER.cluster(config().workerPorts(List.of(7946, 3200, 9096)).build());

    Outcome out = ctx.run(Event.configChanged(), WORKER.state(rel, only("query-frontend")));

    assertThat(out.state().openedPorts())
        .containsExactlyInAnyOrder(Port.tcp(3200), Port.tcp(7946), Port.tcp(9096));
  }

  @Test
  void pythonListFormatting() {
    assertThat(TempoWorkerCharm.pythonList(List.of("a", "b"))).isEqualTo("['a', 'b']");
  }
}
