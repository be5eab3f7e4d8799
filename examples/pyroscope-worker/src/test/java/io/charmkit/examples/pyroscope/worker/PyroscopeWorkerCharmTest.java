package io.charmkit.examples.pyroscope.worker;

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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pyroscope-worker-k8s through whole dispatches: its layer, several roles, tracing and ports. */
class PyroscopeWorkerCharmTest {
  private static final WorkerUnderTest WORKER =
      new WorkerUnderTest(
          "pyroscope-worker", "pyroscope-cluster", "pyroscope", "pyroscope", "/usr/bin/pyroscope");
  private static final String FQDN = WORKER.fqdn();
  private static final String UUID = WorkerUnderTest.MODEL_UUID;
  private static final String WORKER_CONFIG = "server:\n  http_listen_port: 4040\n";
  private static final CharmMetadata META =
      CharmMetadata.load(Path.of(System.getProperty("user.dir")));

  private final Context ctx = WORKER.context(PyroscopeWorkerCharm::new, META);

  @Test
  void metadataAndConfigMatchTheRealCharm() {
    assertThat(META.name()).isEqualTo("pyroscope-worker-k8s");
    assertThat(META.endpoints()).containsOnlyKeys("pyroscope-cluster");
    assertThat(META.endpoints().get("pyroscope-cluster").limit()).contains(1);
    assertThat(META.endpoints().get("pyroscope-cluster").interfaceName())
        .isEqualTo("pyroscope_cluster");
    assertThat(META.containers()).containsExactly("pyroscope");
    assertThat(META.storages()).containsExactly("data");
    assertThat(META.options().keySet())
        .containsExactly(
            "role-all",
            "role-querier",
            "role-query-frontend",
            "role-query-scheduler",
            "role-ingester",
            "role-distributor",
            "role-compactor",
            "role-store-gateway",
            "role-tenant-settings",
            "role-ad-hoc-profiles");
    assertThat(META.options().get("role-all").defaultValue()).contains(true);
    assertThat(META.options().get("role-querier").defaultValue()).contains(false);
  }

  @Test
  void roleAllPassesThroughAsTargetAll() {
    Outcome out =
        ctx.run(Event.configChanged(), WORKER.state(WORKER.cluster(WORKER_CONFIG), Map.of()));

    Service service = WORKER.workload(out).plan().services().get("pyroscope");
    assertThat(service.command())
        .isEqualTo("/usr/bin/pyroscope -config.file=/etc/worker/config.yaml -target=all");
    assertThat(service.summary()).isEqualTo("pyroscope worker process");
    assertThat(WORKER.workload(out).plan().checks())
        .containsExactly(
            Map.entry(
                "ready", Check.http("ready", "http://" + FQDN + ":4040/ready").withThreshold(3)));
    assertThat(WORKER.workload(out).serviceStatuses()).containsEntry("pyroscope", "active");
    assertThat(out.unitStatus()).isEqualTo(Status.active("(all roles) ready."));
  }

  @Test
  void severalRolesRunInOneProcessSortedInTheTarget() {
    Map<String, Object> roles =
        Map.of(
            "role-all", false,
            "role-query-frontend", true,
            "role-ad-hoc-profiles", true,
            "role-querier", true);
    Relation rel = WORKER.cluster(WORKER_CONFIG);

    Outcome out = ctx.run(Event.configChanged(), WORKER.state(rel, roles));

    assertThat(WORKER.workload(out).plan().services().get("pyroscope").command())
        .endsWith("-target=ad-hoc-profiles,querier,query-frontend");
    assertThat(out.state().relation(rel.id()).orElseThrow().localAppData())
        .containsEntry("role", "\"ad-hoc-profiles,querier,query-frontend\"");
    assertThat(out.unitStatus())
        .isEqualTo(Status.active("ad-hoc-profiles,querier,query-frontend ready."));
  }

  @Test
  void workloadTracesGoToTheCoordinatorsJaegerReceiver() {
    Relation rel =
        WORKER.cluster(
            CoordinatorAppData.builder(WORKER_CONFIG)
                .workloadTracingReceivers(
                    Map.of("jaeger_thrift_http", "http://tempo.cos.svc:14268"))
                .build());

    Outcome out = ctx.run(Event.configChanged(), WORKER.state(rel, Map.of()));

    assertThat(WORKER.workload(out).plan().services().get("pyroscope").environment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "JAEGER_ENDPOINT", "http://tempo.cos.svc:14268/api/traces?format=jaeger.thrift",
                "JAEGER_SAMPLER_PARAM", "1",
                "JAEGER_SAMPLER_TYPE", "const",
                "JAEGER_TAGS",
                    "juju_application=pyroscope-worker,juju_model=cos,juju_model_uuid="
                        + UUID
                        + ",juju_unit=pyroscope-worker/0,juju_charm=pyroscope-worker-k8s"));
  }

  @Test
  void thePublishedWorkerPortsAreOpened() {
    Relation rel =
        WORKER.cluster(
            CoordinatorAppData.builder(WORKER_CONFIG).workerPorts(List.of(7946, 4040)).build());

    Outcome out = ctx.run(Event.configChanged(), WORKER.state(rel, Map.of()));

    assertThat(out.state().openedPorts()).containsExactlyInAnyOrder(Port.tcp(4040), Port.tcp(7946));
  }

  @Test
  void withoutPublishedPortsNothingIsOpened() {
    Outcome out =
        ctx.run(Event.configChanged(), WORKER.state(WORKER.cluster(WORKER_CONFIG), Map.of()));

    assertThat(out.state().openedPorts()).isEmpty();
  }
}
