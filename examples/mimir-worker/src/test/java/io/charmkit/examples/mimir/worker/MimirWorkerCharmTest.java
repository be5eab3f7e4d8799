package io.charmkit.examples.mimir.worker;

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

/** mimir-worker-k8s through whole dispatches: its layer, meta-roles, ports and statuses. */
class MimirWorkerCharmTest {
  private static final WorkerUnderTest WORKER =
      new WorkerUnderTest("mimir-worker", "mimir-cluster", "mimir", "mimir", "/bin/mimir");
  private static final String FQDN = WORKER.fqdn();
  private static final String UUID = WorkerUnderTest.MODEL_UUID;
  private static final String WORKER_CONFIG = "memberlist:\n  join_members:\n  - a\n";
  private static final CharmMetadata META =
      CharmMetadata.load(Path.of(System.getProperty("user.dir")));

  private final Context ctx = WORKER.context(MimirWorkerCharm::new, META);

  private static Relation cluster() {
    return WORKER.cluster(WORKER_CONFIG);
  }

  @Test
  void metadataAndConfigMatchTheRealCharm() {
    assertThat(META.name()).isEqualTo("mimir-worker-k8s");
    assertThat(META.endpoints()).containsOnlyKeys("mimir-cluster");
    assertThat(META.endpoints().get("mimir-cluster").limit()).contains(1);
    assertThat(META.endpoints().get("mimir-cluster").interfaceName()).isEqualTo("mimir_cluster");
    assertThat(META.containers()).containsExactly("mimir");
    assertThat(META.storages()).containsExactlyInAnyOrder("data", "recovery-data");
    assertThat(META.options().keySet())
        .containsExactly(
            "role-compactor",
            "role-distributor",
            "role-ingester",
            "role-querier",
            "role-query-frontend",
            "role-store-gateway",
            "role-alertmanager",
            "role-overrides-exporter",
            "role-query-scheduler",
            "role-ruler",
            "role-flusher",
            "role-read",
            "role-write",
            "role-backend",
            "role-all");
    META.options().values().forEach(o -> assertThat(o.defaultValue()).contains(false));
  }

  @Test
  void roleAllRunsMimirWithTargetAllAndTheReadyCheck() {
    Outcome out = ctx.run(Event.configChanged(), WORKER.state(cluster(), Map.of("role-all", true)));

    Service service = WORKER.workload(out).plan().services().get("mimir");
    assertThat(service.command())
        .isEqualTo(
            "/bin/mimir --config.file=/etc/worker/config.yaml -target all"
                + " -auth.multitenancy-enabled=false");
    assertThat(service.summary()).isEqualTo("mimir worker daemon");
    assertThat(WORKER.workload(out).plan().checks())
        .containsExactly(
            Map.entry(
                "ready", Check.http("ready", "http://" + FQDN + ":8080/ready").withThreshold(3)));
    assertThat(WORKER.workload(out).serviceStatuses()).containsEntry("mimir", "active");
    assertThat(WORKER.workload(out).files())
        .containsEntry("/etc/worker/config.yaml", WORKER_CONFIG);
    assertThat(out.unitStatus()).isEqualTo(Status.active("(all roles) ready."));
  }

  @Test
  void metaAndComponentRolesPassSortedToOneTarget() {
    Relation rel = cluster();
    Outcome out =
        ctx.run(
            Event.configChanged(),
            WORKER.state(
                rel, Map.of("role-write", true, "role-ruler", true, "role-compactor", true)));

    assertThat(WORKER.workload(out).plan().services().get("mimir").command())
        .contains(" -target compactor,ruler,write ");
    assertThat(out.state().relation(rel.id()).orElseThrow().localAppData())
        .containsEntry("role", "\"compactor,ruler,write\"");
    assertThat(out.unitStatus()).isEqualTo(Status.active("compactor,ruler,write ready."));
  }

  @Test
  void withNoRoleTheWorkerIsOfflineAndSaysHowToFixIt() {
    Outcome out = ctx.run(Event.configChanged(), WORKER.state(cluster(), Map.of()));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "Node offline: no role assigned. Please configure this worker to enable a role."
                    + " For example: 'juju config mimir-worker role-all=true'."));
    assertThat(WORKER.workload(out).plan().services()).isEmpty();
  }

  @Test
  void thePublishedWorkerPortsAreOpenedElseOnlyHttp() {
    Relation published =
        WORKER.cluster(
            CoordinatorAppData.builder(WORKER_CONFIG).workerPorts(List.of(8080, 9095)).build());

    assertThat(
            ctx.run(Event.configChanged(), WORKER.state(published, Map.of("role-all", true)))
                .state()
                .openedPorts())
        .containsExactlyInAnyOrder(Port.tcp(8080), Port.tcp(9095));
    assertThat(
            ctx.run(Event.configChanged(), WORKER.state(cluster(), Map.of("role-all", true)))
                .state()
                .openedPorts())
        .containsExactly(Port.tcp(8080));
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

    assertThat(WORKER.workload(out).plan().services().get("mimir").environment())
        .containsEntry(
            "JAEGER_ENDPOINT", "http://tempo.cos.svc:14268/api/traces?format=jaeger.thrift")
        .containsEntry(
            "JAEGER_TAGS",
            "juju_application=mimir-worker,juju_model=cos,juju_model_uuid="
                + UUID
                + ",juju_unit=mimir-worker/0,juju_charm=mimir-worker-k8s");
  }
}
