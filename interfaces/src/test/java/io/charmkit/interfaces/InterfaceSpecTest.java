package io.charmkit.interfaces;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.interfaces.cluster.ClusterProvider;
import io.charmkit.interfaces.cluster.ClusterRequirer;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.datasource.DatasourceExchange;
import io.charmkit.interfaces.support.TestModel;
import io.charmkit.interfaces.support.WireSchemas;
import io.charmkit.interfaces.topology.Topologies;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The charm-relation-interfaces spec tests (WIRE.md §8), as pytest-interface-tester runs them, on
 * the state-transition API: the remote side's fixture data goes into the input state, one event
 * runs, and only the local charm's own bags in the output state are checked, against our schema
 * (the codecs and every committed JSON Schema version of that side). "Empty" is as the spec tests
 * mean it: no application keys and no unit keys but Juju's own. The cluster cases run for each
 * interface name the one cluster implementation serves.
 */
class InterfaceSpecTest {

  /** One cluster interface: its name, the endpoint both charms use, and the product's roles. */
  record ClusterInterface(String name, String endpoint, RolesTable roles) {
    String coordinatorMetadata() {
      return "name: coordinator\nprovides:\n  " + endpoint + ":\n    interface: " + name + "\n";
    }

    String workerMetadata() {
      return "name: worker\nrequires:\n  "
          + endpoint
          + ":\n    interface: "
          + name
          + "\n    limit: 1\n";
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ClusterInterface> clusterInterfaces() {
    RolesTable tempo = RolesTable.TEMPO;
    RolesTable pyroscope = RolesTable.PYROSCOPE;
    return Stream.of(
        new ClusterInterface("tempo_cluster", "tempo-cluster", tempo),
        new ClusterInterface("pyroscope_cluster", "pyroscope-cluster", pyroscope));
  }

  /** A coordinator that gathers and publishes a config on every hook. */
  static final class SpecCoordinator extends Charm {
    SpecCoordinator(Framework framework, ClusterInterface spec) {
      super(framework);
      ClusterProvider cluster = new ClusterProvider(this, spec.endpoint(), spec.roles());
      on().everyHook()
          .forEach(
              source ->
                  observe(
                      source,
                      e ->
                          cluster.publish(
                              CoordinatorAppData.builder(
                                      "memberlist:\n  join_members: "
                                          + cluster.gather().addresses()
                                          + "\n")
                                  .lokiEndpoints(Map.of())
                                  .charmTracingReceivers(Map.of())
                                  .workloadTracingReceivers(Map.of())
                                  .build(),
                              relation -> List.of(7946, 3200))));
    }
  }

  /** A worker with the default {@code role-all} that publishes on every hook. */
  static final class SpecWorker extends Charm {
    SpecWorker(Framework framework, ClusterInterface spec) {
      super(framework);
      ClusterRequirer cluster = new ClusterRequirer(this, spec.endpoint());
      on().everyHook()
          .forEach(
              source ->
                  observe(
                      source,
                      e ->
                          cluster.publish(
                              List.of("all"),
                              "worker-0.worker-endpoints.test.svc.cluster.local",
                              Topologies.fromModel(model()).forWorker())));
    }
  }

  private static Relation workerRelation(ClusterInterface spec, Map<String, String> appBag) {
    return TestModel.relation(spec.endpoint(), 1, "worker", 0)
        .withRemoteAppData(appBag)
        .withRemoteUnit(
            0,
            Map.of(
                "juju_topology",
                "{\"application\": \"worker\", \"unit\": \"worker/0\", \"charm_name\": \"worker\"}",
                "address",
                "\"192.0.2.1\""));
  }

  private static Outcome runCoordinator(ClusterInterface spec, Event event, Relation relation) {
    State state = TestModel.state().leader(true).relation(relation).build();
    return TestModel.unit(
            spec.coordinatorMetadata(), "coordinator/0", fw -> new SpecCoordinator(fw, spec))
        .run(event, state);
  }

  private static void assertWroteNothing(Outcome out) {
    assertThat(out).madeNoCall("relation-set");
    assertThat(out).relation(1).localAppData().isEmpty();
    assertThat(out).relation(1).localUnitData().isEqualTo(Relation.JUJU_UNIT_DATA);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterInterfaces")
  void providerWritesNothingForAWorkerWithNoRole(ClusterInterface spec) {
    Relation relation = workerRelation(spec, Map.of());

    Outcome out = runCoordinator(spec, Event.relationCreated(relation), relation);

    assertWroteNothing(out);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterInterfaces")
  void providerOutputValidatesForAWorkerWithRoleAll(ClusterInterface spec) {
    Relation relation = workerRelation(spec, Map.of("role", "\"all\""));

    Outcome out = runCoordinator(spec, Event.relationJoined(relation, 0), relation);

    Relation sent = out.state().relation(1).orElseThrow();
    CoordinatorAppData data = CoordinatorAppData.CODEC.read(sent.localAppData(), spec.name());
    assertThat(data.workerConfig()).contains("192.0.2.1");
    assertThat(data.workerPorts()).containsExactly(7946, 3200);
    assertThat(sent.localUnitData()).isEqualTo(Relation.JUJU_UNIT_DATA);
    WireSchemas.assertValid(spec.name(), "provider", sent.localAppData(), sent.localUnitData());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterInterfaces")
  void providerWritesNothingForAnUnknownRole(ClusterInterface spec) {
    Relation relation = workerRelation(spec, Map.of("role", "\"imposter\""));

    Outcome out = runCoordinator(spec, Event.relationJoined(relation, 0), relation);

    assertWroteNothing(out);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterInterfaces")
  void requirerBagsValidateGivenOnlyAWorkerConfig(ClusterInterface spec) {
    // The v1 fixture; v0 is the same without the two receiver keys.
    Map<String, String> coordinator = new HashMap<>();
    coordinator.put("worker_config", "\"foo: bar\"");
    coordinator.put("charm_tracing_receivers", "{\"otlp_http\": \"http://192.0.2.1:4318\"}");
    coordinator.put(
        "workload_tracing_receivers",
        "{\"otlp_http\": \"http://192.0.2.2:4318\", \"otlp_grpc\": \"192.0.2.2:4317\"}");
    Relation relation =
        TestModel.relation(spec.endpoint(), 1, "coordinator", 0).withRemoteAppData(coordinator);
    State state = TestModel.state().leader(true).relation(relation).build();

    Outcome out =
        TestModel.unit(spec.workerMetadata(), "worker/0", fw -> new SpecWorker(fw, spec))
            .run(Event.relationCreated(relation), state);

    Relation sent = out.state().relation(1).orElseThrow();
    WorkerAppData app = WorkerAppData.CODEC.read(sent.localAppData(), spec.name() + " app");
    assertThat(app.roles()).containsExactly("all");
    assertThat(spec.roles().roles()).contains(app.role());
    WorkerUnitData own = WorkerUnitData.CODEC.read(sent.localUnitData(), spec.name() + " unit");
    assertThat(own.jujuTopology().unit()).isEqualTo("worker/0");
    assertThat(own.jujuTopology().charmName()).isEqualTo("worker");
    WireSchemas.assertValid(spec.name(), "requirer", sent.localAppData(), sent.localUnitData());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"provides", "requires"})
  void datasourceExchangeWritesAnEmptyListWithNoRemoteData(String section) {
    String metadata =
        "name: charm\n"
            + section
            + ":\n  grafana-source-exchange:\n    interface: grafana_datasource_exchange\n";
    boolean provides = section.equals("provides");
    Function<Framework, Charm> charm =
        fw ->
            new Charm(fw) {
              {
                DatasourceExchange exchange =
                    new DatasourceExchange(
                        this,
                        provides ? "grafana-source-exchange" : null,
                        provides ? null : "grafana-source-exchange");
                on().everyHook().forEach(s -> observe(s, e -> exchange.publish(List.of())));
              }
            };
    Relation relation = TestModel.relation("grafana-source-exchange", 1, "bar", 0);
    State state = TestModel.state().leader(true).relation(relation).build();

    Outcome out =
        TestModel.unit(metadata, "charm/0", charm).run(Event.relationChanged(relation), state);

    Relation sent = out.state().relation(1).orElseThrow();
    assertThat(DatasourceExchangeData.CODEC.read(sent.localAppData(), "").datasources()).isEmpty();
    assertThat(sent.localAppData()).containsEntry("datasources", "[]");
    WireSchemas.assertValid(
        "grafana_datasource_exchange",
        provides ? "provider" : "requirer",
        sent.localAppData(),
        sent.localUnitData());
  }
}
