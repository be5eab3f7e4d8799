package io.charmkit.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.interfaces.cluster.ClusterProvider;
import io.charmkit.interfaces.cluster.ClusterRequirer;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.datasource.DatasourceExchange;
import io.charmkit.interfaces.support.UnitHarness;
import io.charmkit.interfaces.topology.Topologies;
import io.charmkit.ops.Charm;
import io.charmkit.ops.DispatchResult;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The charm-relation-interfaces spec tests (WIRE.md §8), as pytest-interface-tester runs them: the
 * remote side's fixture data goes in, one event runs, and only the local charm's own bags are
 * checked, against our schema. The cluster cases run for each interface name the one cluster
 * implementation serves.
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
    RolesTable tempo =
        RolesTable.of(
            Set.of(
                "all",
                "querier",
                "query-frontend",
                "ingester",
                "distributor",
                "compactor",
                "metrics-generator"),
            Map.of(
                "all",
                Set.of(
                    "querier",
                    "query-frontend",
                    "ingester",
                    "distributor",
                    "compactor",
                    "metrics-generator")));
    RolesTable pyroscope =
        RolesTable.of(
            Set.of(
                "all",
                "querier",
                "query-frontend",
                "query-scheduler",
                "ingester",
                "distributor",
                "compactor",
                "store-gateway",
                "tenant-settings",
                "ad-hoc-profiles"),
            Map.of(
                "all",
                Set.of(
                    "querier",
                    "query-frontend",
                    "query-scheduler",
                    "ingester",
                    "distributor",
                    "compactor",
                    "store-gateway",
                    "tenant-settings",
                    "ad-hoc-profiles")));
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

  private static UnitHarness coordinatorWith(ClusterInterface spec, Map<String, String> appBag) {
    return UnitHarness.of(spec.coordinatorMetadata(), "coordinator/0")
        .leader(true)
        .relation(spec.endpoint(), 1, "worker", "worker/0")
        .remoteAppData(1, appBag)
        .bag(
            1,
            "worker/0",
            Map.of(
                "juju_topology",
                "{\"application\": \"worker\", \"unit\": \"worker/0\", \"charm_name\": \"worker\"}",
                "address",
                "\"192.0.2.1\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterInterfaces")
  void providerWritesNothingForAWorkerWithNoRole(ClusterInterface spec) {
    UnitHarness unit = coordinatorWith(spec, Map.of());

    DispatchResult result =
        unit.relationHook("created", 1, null, fw -> new SpecCoordinator(fw, spec));

    assertThat(result.succeeded()).isTrue();
    assertThat(unit.localAppData(1)).isEmpty();
    assertThat(unit.localUnitData(1)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterInterfaces")
  void providerOutputValidatesForAWorkerWithRoleAll(ClusterInterface spec) {
    UnitHarness unit = coordinatorWith(spec, Map.of("role", "\"all\""));

    DispatchResult result =
        unit.relationHook("joined", 1, "worker/0", fw -> new SpecCoordinator(fw, spec));

    assertThat(result.succeeded()).isTrue();
    CoordinatorAppData sent = CoordinatorAppData.CODEC.read(unit.localAppData(1), spec.name());
    assertThat(sent.workerConfig()).contains("192.0.2.1");
    assertThat(sent.workerPorts()).containsExactly(7946, 3200);
    assertThat(unit.localUnitData(1)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterInterfaces")
  void providerWritesNothingForAnUnknownRole(ClusterInterface spec) {
    UnitHarness unit = coordinatorWith(spec, Map.of("role", "\"imposter\""));

    DispatchResult result =
        unit.relationHook("joined", 1, "worker/0", fw -> new SpecCoordinator(fw, spec));

    assertThat(result.succeeded()).isTrue();
    assertThat(unit.localAppData(1)).isEmpty();
    assertThat(unit.localUnitData(1)).isEmpty();
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
    UnitHarness unit =
        UnitHarness.of(spec.workerMetadata(), "worker/0")
            .leader(true)
            .relation(spec.endpoint(), 1, "coordinator", "coordinator/0")
            .remoteAppData(1, coordinator);

    DispatchResult result = unit.relationHook("created", 1, null, fw -> new SpecWorker(fw, spec));

    assertThat(result.succeeded()).isTrue();
    WorkerAppData app = WorkerAppData.CODEC.read(unit.localAppData(1), spec.name() + " app");
    assertThat(app.roles()).containsExactly("all");
    assertThat(spec.roles().roles()).contains(app.role());
    WorkerUnitData own = WorkerUnitData.CODEC.read(unit.localUnitData(1), spec.name() + " unit");
    assertThat(own.jujuTopology().unit()).isEqualTo("worker/0");
    assertThat(own.jujuTopology().charmName()).isEqualTo("worker");
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
    UnitHarness unit =
        UnitHarness.of(metadata, "charm/0")
            .leader(true)
            .relation("grafana-source-exchange", 1, "bar", "bar/0");

    DispatchResult result = unit.relationHook("changed", 1, null, charm);

    assertThat(result.succeeded()).isTrue();
    assertThat(DatasourceExchangeData.CODEC.read(unit.localAppData(1), "").datasources()).isEmpty();
    assertThat(unit.localAppData(1)).containsEntry("datasources", "[]");
  }
}
