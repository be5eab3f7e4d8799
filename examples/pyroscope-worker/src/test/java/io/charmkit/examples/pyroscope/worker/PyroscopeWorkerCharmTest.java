package io.charmkit.examples.pyroscope.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.context.Sleeper;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.Service;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pyroscope-worker-k8s through whole dispatches: its layer, several roles, tracing and ports. */
class PyroscopeWorkerCharmTest {
  private static final String FQDN =
      "pyroscope-worker-0.pyroscope-worker-endpoints.cos.svc.cluster.local";
  private static final String UUID = "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4";
  private static final String WORKER_CONFIG = "server:\n  http_listen_port: 4040\n";
  private static final Sleeper NEVER_SLEEPS =
      d -> {
        throw new AssertionError("no test here should retry a restart");
      };
  private static final CharmMetadata META =
      CharmMetadata.load(Path.of(System.getProperty("user.dir")));

  private final Context ctx =
      new Context(
              fw ->
                  new PyroscopeWorkerCharm(
                      fw,
                      new HostEnvironment(
                          () -> FQDN,
                          Map.of(),
                          () -> "127.0.0.1",
                          () -> false,
                          Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                          NEVER_SLEEPS)),
              META)
          .withAppName("pyroscope-worker");

  private static Relation cluster(CoordinatorAppData data) {
    Map<String, String> bag = new HashMap<>(CoordinatorAppData.CODEC.write(data));
    bag.values().removeIf(String::isEmpty);
    return Relation.of("pyroscope-cluster").withRemoteApp("pyroscope").withRemoteAppData(bag);
  }

  private static State state(Relation cluster, Map<String, Object> roles) {
    return State.builder()
        .leader(true)
        .model("cos", UUID)
        .config(roles)
        .relation(cluster)
        .container(Container.connected("pyroscope").withExecutables("/usr/bin/pyroscope"))
        .build();
  }

  private static Container pyroscope(Outcome out) {
    return out.state().container("pyroscope").orElseThrow();
  }

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
        ctx.run(
            Event.configChanged(),
            state(cluster(CoordinatorAppData.builder(WORKER_CONFIG).build()), Map.of()));

    Service service = pyroscope(out).plan().services().get("pyroscope");
    assertThat(service.command())
        .isEqualTo("/usr/bin/pyroscope -config.file=/etc/worker/config.yaml -target=all");
    assertThat(service.summary()).isEqualTo("pyroscope worker process");
    assertThat(pyroscope(out).plan().checks())
        .containsExactly(
            Map.entry(
                "ready", Check.http("ready", "http://" + FQDN + ":4040/ready").withThreshold(3)));
    assertThat(pyroscope(out).serviceStatuses()).containsEntry("pyroscope", "active");
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
    Relation rel = cluster(CoordinatorAppData.builder(WORKER_CONFIG).build());

    Outcome out = ctx.run(Event.configChanged(), state(rel, roles));

    assertThat(pyroscope(out).plan().services().get("pyroscope").command())
        .endsWith("-target=ad-hoc-profiles,querier,query-frontend");
    assertThat(out.state().relation(rel.id()).orElseThrow().localAppData())
        .containsEntry("role", "\"ad-hoc-profiles,querier,query-frontend\"");
    assertThat(out.unitStatus())
        .isEqualTo(Status.active("ad-hoc-profiles,querier,query-frontend ready."));
  }

  @Test
  void workloadTracesGoToTheCoordinatorsJaegerReceiver() {
    Relation rel =
        cluster(
            CoordinatorAppData.builder(WORKER_CONFIG)
                .workloadTracingReceivers(
                    Map.of("jaeger_thrift_http", "http://tempo.cos.svc:14268"))
                .build());

    Outcome out = ctx.run(Event.configChanged(), state(rel, Map.of()));

    assertThat(pyroscope(out).plan().services().get("pyroscope").environment())
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
        cluster(CoordinatorAppData.builder(WORKER_CONFIG).workerPorts(List.of(7946, 4040)).build());

    Outcome out = ctx.run(Event.configChanged(), state(rel, Map.of()));

    assertThat(out.state().openedPorts()).containsExactlyInAnyOrder(Port.tcp(4040), Port.tcp(7946));
  }

  @Test
  void withoutPublishedPortsNothingIsOpened() {
    Outcome out =
        ctx.run(
            Event.configChanged(),
            state(cluster(CoordinatorAppData.builder(WORKER_CONFIG).build()), Map.of()));

    assertThat(out.state().openedPorts()).isEmpty();
  }
}
