package io.charmkit.interfaces.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.interfaces.support.FakeJuju;
import io.charmkit.interfaces.support.UnitHarness;
import io.charmkit.ops.Charm;
import io.charmkit.ops.DispatchResult;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.topology.WorkerTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The coordinator's side of the cluster interface, through whole dispatches. */
class ClusterProviderTest {
  private static final CoordinatorAppData DATA =
      CoordinatorAppData.builder("foo: bar\n")
          .lokiEndpoints(Map.of())
          .workerLabels(Map.of("app.kubernetes.io/part-of", "tempo"))
          .build();

  private final AtomicReference<ClusterView> seen = new AtomicReference<>();

  /** Gathers, then publishes {@link #DATA} with no per-relation ports. */
  private final Function<Framework, Coordinator> publishing =
      fw ->
          new Coordinator(
              fw,
              cluster -> {
                seen.set(cluster.gather());
                cluster.publish(DATA);
              });

  private static Map<String, String> workerUnit(String unit, String address) {
    String app = unit.substring(0, unit.indexOf('/'));
    return Map.of(
        "juju_topology",
        "{\"application\": \""
            + app
            + "\", \"unit\": \""
            + unit
            + "\", \"charm_name\": \"tempo-worker-k8s\"}",
        "address",
        "\"" + address + "\"",
        "ingress-address",
        "10.1.2.3");
  }

  private static UnitHarness coordinator() {
    return UnitHarness.of(Coordinator.METADATA, "tempo/0").leader(true);
  }

  /** Spec test input: one worker unit that sent its topology and address. */
  private static UnitHarness specWorker() {
    return coordinator()
        .relation(Coordinator.ENDPOINT, 1, "worker", "worker/0")
        .bag(
            1,
            "worker/0",
            Map.of(
                "juju_topology",
                "{\"application\": \"worker\", \"unit\": \"worker/0\", \"charm_name\": \"worker\"}",
                "address",
                "\"192.0.2.1\""));
  }

  @Test
  void workerWithNoRoleGetsNothing() {
    UnitHarness unit = specWorker();

    DispatchResult result = unit.relationHook("created", 1, null, publishing);

    assertThat(result.succeeded()).isTrue();
    assertThat(unit.localAppData(1)).isEmpty();
    assertThat(unit.localUnitData(1)).isEmpty();
    assertThat(unit.relationSets()).isEmpty();
    assertThat(seen.get().relations().get(0).complete()).isFalse();
    assertThat(seen.get().problems()).isEmpty();
  }

  @Test
  void workerWithRoleAllGetsDataThatValidates() {
    UnitHarness unit = specWorker().remoteAppData(1, Map.of("role", "\"all\""));

    assertThat(unit.relationHook("joined", 1, "worker/0", publishing).succeeded()).isTrue();

    Map<String, String> bag = unit.localAppData(1);
    CoordinatorAppData read = CoordinatorAppData.CODEC.read(bag, "coordinator app bag");
    assertThat(read.workerConfig()).isEqualTo("foo: bar\n");
    assertThat(bag)
        .containsEntry("worker_config", "\"foo: bar\\n\"")
        .containsEntry("loki_endpoints", "{}")
        .containsEntry("worker_labels", "{\"app.kubernetes.io/part-of\": \"tempo\"}")
        .doesNotContainKeys("ca_cert", "privkey_secret_id", "worker_ports");
    assertThat(bag.values()).doesNotContain("null");
    assertThat(unit.localUnitData(1)).isEmpty();
  }

  @Test
  void workerWithUnknownRoleGetsNothingAndIsNamed() {
    UnitHarness unit = specWorker().remoteAppData(1, Map.of("role", "\"imposter\""));

    assertThat(unit.relationHook("joined", 1, "worker/0", publishing).succeeded()).isTrue();

    assertThat(unit.localAppData(1)).isEmpty();
    assertThat(unit.relationSets()).isEmpty();
    List<RemoteDataProblem> problems = seen.get().problems();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message())
        .startsWith("relation tempo-cluster:1, application worker, role: \"imposter\"")
        .contains("not a known role")
        .contains(
            "(expected one of all, compactor, distributor, ingester, metrics-generator, querier,"
                + " query-frontend)");
  }

  @Test
  void knownRolesCountEvenBesideAnUnknownOne() {
    UnitHarness unit = specWorker().remoteAppData(1, Map.of("role", "\"querier,imposter\""));

    unit.relationHook("changed", 1, null, publishing);

    assertThat(seen.get().roles()).containsOnlyKeys("querier");
    assertThat(seen.get().problems()).hasSize(1);
    assertThat(unit.localAppData(1)).containsKey("worker_config");
  }

  @Test
  void gathersExpandedRolesAddressesAndTopologies() {
    UnitHarness unit =
        coordinator()
            .relation(Coordinator.ENDPOINT, 4, "ingesters", "ingesters/10", "ingesters/2")
            .remoteAppData(4, Map.of("role", "\"ingester,querier\""))
            .bag(4, "ingesters/10", workerUnit("ingesters/10", "ing-10.svc"))
            .bag(4, "ingesters/2", workerUnit("ingesters/2", "ing-2.svc"))
            .relation(Coordinator.ENDPOINT, 2, "everything", "everything/0")
            .remoteAppData(2, Map.of("role", "\"all\""))
            .bag(2, "everything/0", workerUnit("everything/0", "all-0.svc"))
            .relation(Coordinator.ENDPOINT, 7, "empty")
            .remoteAppData(7, Map.of("role", "\"compactor\""));

    unit.hook("update-status", publishing);
    ClusterView view = seen.get();

    assertThat(view.roles())
        .containsExactly(
            Map.entry("compactor", 1),
            Map.entry("distributor", 1),
            Map.entry("ingester", 3),
            Map.entry("metrics-generator", 1),
            Map.entry("querier", 3),
            Map.entry("query-frontend", 1));
    assertThat(view.roles()).doesNotContainKey("all");
    assertThat(view.addresses()).containsExactly("all-0.svc", "ing-10.svc", "ing-2.svc");
    assertThat(view.addressesByRole().get("ingester"))
        .containsExactly("all-0.svc", "ing-10.svc", "ing-2.svc");
    assertThat(view.addressesByRole().get("compactor")).containsExactly("all-0.svc");
    assertThat(view.units())
        .extracting(WorkerUnit::unit)
        .containsExactly("everything/0", "ingesters/2", "ingesters/10");
    assertThat(view.units().get(1).topology())
        .isEqualTo(new WorkerTopology("ingesters", "ingesters/2", "tempo-worker-k8s"));
    assertThat(view.relations())
        .extracting(WorkerRelation::relationId, WorkerRelation::complete)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, true),
            org.assertj.core.groups.Tuple.tuple(4, true),
            org.assertj.core.groups.Tuple.tuple(7, false));
    // A related application with no units yet still makes its roles present.
    assertThat(view.relations().get(2).unitCount()).isZero();
    assertThat(unit.localAppData(7)).isEmpty();
  }

  @Test
  void oneInvalidUnitHoldsBackItsRelationOnlyAndIsNamed() {
    UnitHarness unit =
        coordinator()
            .relation(Coordinator.ENDPOINT, 1, "good", "good/0")
            .remoteAppData(1, Map.of("role", "\"all\""))
            .bag(1, "good/0", workerUnit("good/0", "good-0.svc"))
            .relation(Coordinator.ENDPOINT, 2, "bad", "bad/0", "bad/1")
            .remoteAppData(2, Map.of("role", "\"querier\""))
            .bag(2, "bad/0", workerUnit("bad/0", "bad-0.svc"))
            .bag(
                2,
                "bad/1",
                Map.of(
                    "address",
                    "bad-1.svc",
                    "juju_topology",
                    "{\"application\": \"bad\", \"unit\": \"bad/1\", \"charm_name\": \"x\"}"));

    DispatchResult result = unit.hook("update-status", publishing);

    assertThat(result.succeeded()).isTrue();
    assertThat(unit.localAppData(1)).containsKey("worker_config");
    assertThat(unit.localAppData(2)).isEmpty();
    assertThat(seen.get().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.relationId()).isEqualTo(2);
              assertThat(p.owner()).isEqualTo("bad/1");
              assertThat(p.application()).isFalse();
              assertThat(p.message())
                  .startsWith("relation tempo-cluster:2, unit bad/1, address: is not valid JSON");
            });
    // The valid unit of the held-back relation still counts and is addressed.
    assertThat(seen.get().addresses()).containsExactly("bad-0.svc", "good-0.svc");
  }

  @Test
  void aNonLeaderGathersButNeverWrites() {
    UnitHarness unit = specWorker().remoteAppData(1, Map.of("role", "\"all\"")).leader(false);

    assertThat(unit.relationHook("changed", 1, null, publishing).succeeded()).isTrue();

    assertThat(seen.get().relations().get(0).complete()).isTrue();
    assertThat(unit.relationSets()).isEmpty();
  }

  @Test
  void workerPortsAreComputedPerRelationFromTheRawRole() {
    UnitHarness unit =
        coordinator()
            .relation(Coordinator.ENDPOINT, 1, "a", "a/0")
            .remoteAppData(1, Map.of("role", "\"all\""))
            .bag(1, "a/0", workerUnit("a/0", "a-0"))
            .relation(Coordinator.ENDPOINT, 2, "q", "q/0")
            .remoteAppData(2, Map.of("role", "\"querier,ingester\""))
            .bag(2, "q/0", workerUnit("q/0", "q-0"));
    List<String> asked = new ArrayList<>();

    unit.hook(
        "update-status",
        fw ->
            new Coordinator(
                fw,
                cluster ->
                    cluster.publish(
                        DATA,
                        relation -> {
                          asked.add(relation.role().orElseThrow());
                          return relation.role().get().equals("all")
                              ? List.of(7946, 3200, 4318)
                              : List.of(7946, 3200);
                        })));

    assertThat(asked).containsExactly("all", "querier,ingester");
    assertThat(unit.localAppData(1)).containsEntry("worker_ports", "[7946, 3200, 4318]");
    assertThat(unit.localAppData(2)).containsEntry("worker_ports", "[7946, 3200]");
    assertThat(unit.localAppData(1).get("worker_config"))
        .isEqualTo(unit.localAppData(2).get("worker_config"));
  }

  @Test
  void theSameModelInAnyOrderWritesTheSameBytes() {
    Function<Framework, Coordinator> ringInConfig =
        fw ->
            new Coordinator(
                fw,
                cluster ->
                    cluster.publish(
                        CoordinatorAppData.builder(
                                "join_members: " + cluster.gather().addresses() + "\n")
                            .lokiEndpoints(Map.of("loki/1", "http://l1", "loki/0", "http://l0"))
                            .build()));
    UnitHarness first = threeWorkers().listRelations(Coordinator.ENDPOINT, 1, 2);
    UnitHarness second =
        threeWorkers().listRelations(Coordinator.ENDPOINT, 2, 1).listUnits(1, "w/2", "w/0", "w/1");

    first.hook("update-status", ringInConfig);
    second.hook("update-status", ringInConfig);

    // Each bag gets the same bytes; only the order of the two relation-set calls follows Juju's.
    assertThat(second.relationSets()).containsExactlyInAnyOrderElementsOf(first.relationSets());
    assertThat(second.localAppData(1)).isEqualTo(first.localAppData(1));
    assertThat(second.localAppData(2)).isEqualTo(first.localAppData(2));
    assertThat(first.localAppData(1))
        .containsEntry("worker_config", "\"join_members: [w-0, w-1, w-2, x-0]\\n\"")
        .containsEntry("loki_endpoints", "{\"loki/0\": \"http://l0\", \"loki/1\": \"http://l1\"}");
  }

  private static UnitHarness threeWorkers() {
    return coordinator()
        .relation(Coordinator.ENDPOINT, 1, "w", "w/0", "w/1", "w/2")
        .remoteAppData(1, Map.of("role", "\"all\""))
        .bag(1, "w/0", workerUnit("w/0", "w-0"))
        .bag(1, "w/1", workerUnit("w/1", "w-1"))
        .bag(1, "w/2", workerUnit("w/2", "w-2"))
        .relation(Coordinator.ENDPOINT, 2, "x", "x/0")
        .remoteAppData(2, Map.of("role", "\"querier\""))
        .bag(2, "x/0", workerUnit("x/0", "x-0"));
  }

  @Test
  void unchangedDataIsNotWrittenAgainAndStaleKeysAreDeleted() {
    UnitHarness unit = specWorker().remoteAppData(1, Map.of("role", "\"all\""));
    Consumer<ClusterProvider> withTls =
        c -> c.publish(DATA.toBuilder().tls("CA", "CERT", "secret:key").build());
    unit.hook("update-status", fw -> new Coordinator(fw, withTls));
    assertThat(unit.localAppData(1)).containsEntry("privkey_secret_id", "\"secret:key\"");
    unit.clearCalls();

    unit.hook("update-status", fw -> new Coordinator(fw, withTls));
    assertThat(unit.relationSets()).isEmpty();

    unit.hook("update-status", publishing);
    assertThat(unit.relationSets())
        .singleElement()
        .extracting(FakeJuju.RelationSet::changes)
        .isEqualTo(Map.of("ca_cert", "", "server_cert", "", "privkey_secret_id", ""));
    assertThat(unit.localAppData(1)).doesNotContainKeys("ca_cert", "privkey_secret_id");
  }

  @Test
  void grantsTheKeySecretToEachRelationOnce() {
    UnitHarness unit = specWorker().relation(Coordinator.ENDPOINT, 5, "other", "other/0");
    Function<Framework, Coordinator> granting =
        fw ->
            new Coordinator(
                fw, c -> c.grantSecret(c.model().secret("secret:d0jq8t3mp25c7b9ofmsg")));
    unit.secret("secret:d0jq8t3mp25c7b9ofmsg", Map.of("private-key", "KEY"));

    unit.hook("update-status", granting);
    assertThat(unit.secretGrants())
        .containsExactly(
            new FakeJuju.SecretGrant("secret:d0jq8t3mp25c7b9ofmsg", 1),
            new FakeJuju.SecretGrant("secret:d0jq8t3mp25c7b9ofmsg", 5));
    unit.clearCalls();

    unit.hook("update-status", granting);
    assertThat(unit.secretGrants()).isEmpty();

    unit.relation(Coordinator.ENDPOINT, 6, "late", "late/0");
    unit.hook("update-status", granting);
    assertThat(unit.secretGrants())
        .containsExactly(new FakeJuju.SecretGrant("secret:d0jq8t3mp25c7b9ofmsg", 6));
  }

  @Test
  void anEndpointTheCharmDoesNotDeclareIsAClearError() {
    UnitHarness unit = coordinator();

    DispatchResult result =
        unit.hook(
            "update-status",
            fw -> {
              Charm charm = new Charm(fw) {};
              new ClusterProvider(charm, "tempo-clustr", Coordinator.TEMPO);
              return charm;
            });

    assertThat(result.failure())
        .get()
        .satisfies(
            e ->
                assertThat(e)
                    .hasMessageContaining("no endpoint 'tempo-clustr'")
                    .hasMessageContaining("tempo-cluster"));
  }

  @Test
  void rolesTableRejectsExpansionsOutsideItsRoles() {
    assertThatThrownBy(() -> RolesTable.of(Set.of("all", "a"), Map.of("all", Set.of("a", "b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b'");
    assertThatThrownBy(() -> RolesTable.of(Set.of("a"), Map.of("all", Set.of("a"))))
        .hasMessageContaining("meta-role 'all'");
  }

  @Test
  void aMetaRoleThatContainsItselfIsARoleToo() {
    RolesTable loki =
        RolesTable.of(
            Set.of("all", "read", "write", "backend"),
            Map.of("all", Set.of("all", "read", "write", "backend")));

    assertThat(loki.expand(List.of("all"))).containsExactly("all", "backend", "read", "write");
    assertThat(Coordinator.TEMPO.expand(List.of("all", "querier")))
        .doesNotContain("all")
        .contains("querier", "ingester");
  }
}
