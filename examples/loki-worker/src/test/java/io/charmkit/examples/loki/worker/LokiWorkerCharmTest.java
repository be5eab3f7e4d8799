package io.charmkit.examples.loki.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.WorkerUnderTest;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.Service;
import io.charmkit.schema.cluster.CoordinatorAppData;
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

/** loki-worker-k8s through whole dispatches: its roles, its layer, readiness, ports, status. */
class LokiWorkerCharmTest {
  private static final WorkerUnderTest WORKER =
      new WorkerUnderTest("loki-worker", "loki-cluster", "loki", "loki", "/bin/loki");
  private static final String FQDN = WORKER.fqdn();
  private static final String UUID = WorkerUnderTest.MODEL_UUID;
  private static final String WORKER_CONFIG = "server:\n  http_listen_port: 3100\n";
  private static final CharmMetadata META =
      CharmMetadata.load(Path.of(System.getProperty("user.dir")));

  private final Context ctx = WORKER.context(LokiWorkerCharm::new, META);

  private static Relation cluster() {
    return WORKER.cluster(WORKER_CONFIG);
  }

  private static Service service(Outcome out) {
    return WORKER.workload(out).plan().services().get("loki");
  }

  @Test
  void metadataAndConfigMatchTheRealCharm() {
    assertThat(META.name()).isEqualTo("loki-worker-k8s");
    assertThat(META.endpoints()).containsOnlyKeys("loki-cluster");
    assertThat(META.endpoints().get("loki-cluster").limit()).contains(1);
    assertThat(META.endpoints().get("loki-cluster").interfaceName()).isEqualTo("loki_cluster");
    assertThat(META.containers()).containsExactly("loki");
    assertThat(META.storages()).containsExactly("loki-persisted");
    assertThat(META.options().keySet())
        .containsExactly("role-read", "role-write", "role-backend", "role-all");
    for (String option : META.options().keySet()) {
      assertThat(META.options().get(option).defaultValue()).as(option).contains(false);
    }
  }

  @Test
  void aFreshWorkerHasNoRoleAndIsBlockedSayingSo() {
    Outcome out = ctx.run(Event.configChanged(), WORKER.state(cluster(), Map.of()));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "Node offline: no role assigned. Please configure this worker to enable a role."
                    + " For example: 'juju config loki-worker role-all=true'."));
    assertThat(WORKER.workload(out).plan().services()).isEmpty();
    assertThat(WORKER.workload(out).files()).doesNotContainKey("/etc/worker/config.yaml");
  }

  @Test
  void roleAllRunsTheWholeOfLokiInOneProcess() {
    Outcome out = ctx.run(Event.configChanged(), WORKER.state(cluster(), Map.of("role-all", true)));

    Service loki = service(out);
    assertThat(loki.command())
        .isEqualTo("/bin/loki --config.file=/etc/worker/config.yaml -target all");
    assertThat(loki.summary()).isEqualTo("loki worker daemon");
    assertThat(loki.environment()).isEmpty();
    assertThat(WORKER.workload(out).plan().checks())
        .containsExactly(
            Map.entry(
                "ready", Check.http("ready", "http://" + FQDN + ":3100/ready").withThreshold(3)));
    assertThat(WORKER.workload(out).files())
        .containsEntry("/etc/worker/config.yaml", WORKER_CONFIG);
    assertThat(WORKER.workload(out).serviceStatuses()).containsEntry("loki", "active");
    assertThat(out.unitStatus()).isEqualTo(Status.active("(all roles) ready."));
  }

  @Test
  void severalRolesRunInOneProcessSortedInTheTargetAndThePublishedRole() {
    Relation rel = cluster();
    Outcome out =
        ctx.run(
            Event.configChanged(),
            WORKER.state(rel, Map.of("role-write", true, "role-read", true)));

    assertThat(service(out).command()).endsWith("-target read,write");
    assertThat(out.state().relation(rel.id()).orElseThrow().localAppData())
        .containsEntry("role", "\"read,write\"");
    assertThat(out.unitStatus()).isEqualTo(Status.active("read,write ready."));
  }

  @Test
  void writeAndBackendRelaxTheS3ChecksumsAndReadDoesNot() {
    Map<String, String> checksums =
        Map.of(
            "AWS_REQUEST_CHECKSUM_CALCULATION", "when_required",
            "AWS_REQUEST_CHECKSUM_VALIDATION", "when_required");
    for (String role : List.of("write", "backend")) {
      Outcome out =
          ctx.run(Event.configChanged(), WORKER.state(cluster(), Map.of("role-" + role, true)));
      assertThat(service(out).environment()).as(role).isEqualTo(checksums);
    }
    Outcome read =
        ctx.run(Event.configChanged(), WORKER.state(cluster(), Map.of("role-read", true)));
    assertThat(service(read).environment()).isEmpty();
  }

  @Test
  void workloadTracesGoToTheCoordinatorsJaegerReceiver() {
    Relation rel =
        WORKER.cluster(
            CoordinatorAppData.builder(WORKER_CONFIG)
                .workloadTracingReceivers(
                    Map.of("jaeger_thrift_http", "http://tempo.cos.svc:14268"))
                .build());

    Outcome out = ctx.run(Event.configChanged(), WORKER.state(rel, Map.of("role-read", true)));

    assertThat(service(out).environment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "JAEGER_ENDPOINT", "http://tempo.cos.svc:14268/api/traces?format=jaeger.thrift",
                "JAEGER_SAMPLER_PARAM", "1",
                "JAEGER_SAMPLER_TYPE", "const",
                "JAEGER_TAGS",
                    "juju_application=loki-worker,juju_model=cos,juju_model_uuid="
                        + UUID
                        + ",juju_unit=loki-worker/0,juju_charm=loki-worker-k8s"));
  }

  @Test
  void withTlsTheReadinessCheckUsesHttps() {
    Secret key = Secret.granted(Map.of("private-key", "KEY"));
    Relation rel =
        WORKER.cluster(
            CoordinatorAppData.builder(WORKER_CONFIG).tls("CA", "CERT", key.id()).build());
    State state = WORKER.state(rel, Map.of("role-backend", true)).toBuilder().secret(key).build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(WORKER.workload(out).plan().checks().get("ready").http().url())
        .isEqualTo("https://" + FQDN + ":3100/ready");
    assertThat(WORKER.workload(out).files()).containsEntry("/etc/worker/private.key", "KEY");
  }

  @Test
  void thePublishedWorkerPortIsOpenedAndWithoutOneLokisOwnPortIs() {
    Outcome published =
        ctx.run(
            Event.configChanged(),
            WORKER.state(
                WORKER.cluster(
                    CoordinatorAppData.builder(WORKER_CONFIG).workerPorts(List.of(3100)).build()),
                Map.of("role-all", true)));
    assertThat(published.state().openedPorts()).containsExactly(Port.tcp(3100));

    Outcome legacy =
        ctx.run(Event.configChanged(), WORKER.state(cluster(), Map.of("role-all", true)));
    assertThat(legacy.state().openedPorts()).containsExactly(Port.tcp(3100));
  }
}
