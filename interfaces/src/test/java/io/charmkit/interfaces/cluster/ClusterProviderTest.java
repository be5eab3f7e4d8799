package io.charmkit.interfaces.cluster;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.interfaces.support.TestModel;
import io.charmkit.interfaces.support.WireSchemas;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.topology.WorkerTopology;
import io.charmkit.testing.Event;
import io.charmkit.testing.HookToolCall;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.Secret;
import io.charmkit.testing.State;
import io.charmkit.testing.UncaughtCharmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The coordinator's side of the cluster interface, through whole dispatches. */
class ClusterProviderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final CoordinatorAppData DATA =
      CoordinatorAppData.builder("foo: bar\n")
          .lokiEndpoints(Map.of())
          .workerLabels(Map.of("app.kubernetes.io/part-of", "tempo"))
          .build();

  private static final String KEY_SECRET = "secret:d0jq8t3mp25c7b9ofmsg";

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

  /** A relation from the worker application {@code app} whose units sent their addresses. */
  private static Relation workers(int id, String app, String role, Map<Integer, String> addresses) {
    Relation relation =
        TestModel.relation(Coordinator.ENDPOINT, id, app).withRemoteAppData(Map.of("role", role));
    for (Map.Entry<Integer, String> unit : addresses.entrySet()) {
      relation =
          relation.withRemoteUnit(
              unit.getKey(), workerUnit(app + "/" + unit.getKey(), unit.getValue()));
    }
    return relation;
  }

  private static Outcome run(Function<Framework, ? extends Charm> charm, Event event, State state) {
    return TestModel.unit(Coordinator.METADATA, "tempo/0", charm).run(event, state);
  }

  private static State.Builder leader() {
    return TestModel.state().leader(true);
  }

  /** Spec test input: one worker unit that sent its topology and address. */
  private static Relation specWorker() {
    return TestModel.relation(Coordinator.ENDPOINT, 1, "worker", 0)
        .withRemoteUnit(
            0,
            Map.of(
                "juju_topology",
                "{\"application\": \"worker\", \"unit\": \"worker/0\", \"charm_name\": \"worker\"}",
                "address",
                "\"192.0.2.1\""));
  }

  private static Map<String, String> appBag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localAppData();
  }

  /** What one {@code relation-set} sent, decoded from its stdin. */
  private static Map<String, String> sent(HookToolCall call) {
    try {
      return JSON.readValue(
          call.stdin().orElseThrow(), new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new AssertionError("relation-set stdin is not a JSON object: " + call.stdin(), e);
    }
  }

  @Test
  void workerWithNoRoleGetsNothing() {
    Relation relation = specWorker();

    Outcome out =
        run(publishing, Event.relationCreated(relation), leader().relation(relation).build());

    assertThat(out).madeNoCall("relation-set");
    assertThat(out).relation(1).localAppData().isEmpty();
    assertThat(out).relation(1).localUnitData().isEqualTo(Relation.JUJU_UNIT_DATA);
    assertThat(seen.get().relations().get(0).complete()).isFalse();
    assertThat(seen.get().problems()).isEmpty();
  }

  @Test
  void workerWithRoleAllGetsDataThatValidates() {
    Relation relation = specWorker().withRemoteAppData(Map.of("role", "\"all\""));

    Outcome out =
        run(publishing, Event.relationJoined(relation, 0), leader().relation(relation).build());

    Map<String, String> bag = appBag(out, 1);
    CoordinatorAppData read = CoordinatorAppData.CODEC.read(bag, "coordinator app bag");
    assertThat(read.workerConfig()).isEqualTo("foo: bar\n");
    assertThat(bag)
        .containsEntry("worker_config", "\"foo: bar\\n\"")
        .containsEntry("loki_endpoints", "{}")
        .containsEntry("worker_labels", "{\"app.kubernetes.io/part-of\": \"tempo\"}")
        .doesNotContainKeys("ca_cert", "privkey_secret_id", "worker_ports");
    assertThat(bag.values()).doesNotContain("null");
    assertThat(out).relation(1).localUnitData().isEqualTo(Relation.JUJU_UNIT_DATA);
    WireSchemas.assertValid("tempo_cluster", "provider", bag, Relation.JUJU_UNIT_DATA);
  }

  @Test
  void workerWithUnknownRoleGetsNothingAndIsNamed() {
    Relation relation = specWorker().withRemoteAppData(Map.of("role", "\"imposter\""));

    Outcome out =
        run(publishing, Event.relationJoined(relation, 0), leader().relation(relation).build());

    assertThat(out).relation(1).localAppData().isEmpty();
    assertThat(out).madeNoCall("relation-set");
    List<RemoteDataProblem> problems = seen.get().problems();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message())
        .startsWith("relation tempo-cluster:1, application worker, role: \"imposter\"")
        .contains("is not a Tempo role")
        .contains(
            "(expected one of all, compactor, distributor, ingester, metrics-generator, querier,"
                + " query-frontend)");
  }

  @Test
  void knownRolesCountEvenBesideAnUnknownOne() {
    Relation relation = specWorker().withRemoteAppData(Map.of("role", "\"querier,imposter\""));

    Outcome out =
        run(publishing, Event.relationChanged(relation), leader().relation(relation).build());

    assertThat(seen.get().roles()).containsOnlyKeys("querier");
    assertThat(seen.get().problems()).hasSize(1);
    assertThat(appBag(out, 1)).containsKey("worker_config");
  }

  @Test
  void gathersExpandedRolesAddressesAndTopologies() {
    State state =
        leader()
            .relation(
                workers(
                    4,
                    "ingesters",
                    "\"ingester,querier\"",
                    Map.of(10, "ing-10.svc", 2, "ing-2.svc")))
            .relation(workers(2, "everything", "\"all\"", Map.of(0, "all-0.svc")))
            .relation(workers(7, "empty", "\"compactor\"", Map.of()))
            .build();

    Outcome out = run(publishing, Event.updateStatus(), state);
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
        .containsExactly(tuple(2, true), tuple(4, true), tuple(7, false));
    // A related application with no units yet still makes its roles present.
    assertThat(view.relations().get(2).unitCount()).isZero();
    assertThat(appBag(out, 7)).isEmpty();
  }

  @Test
  void oneInvalidUnitHoldsBackItsRelationOnlyAndIsNamed() {
    Relation bad =
        workers(2, "bad", "\"querier\"", Map.of(0, "bad-0.svc"))
            .withRemoteUnit(
                1,
                Map.of(
                    "address",
                    "bad-1.svc",
                    "juju_topology",
                    "{\"application\": \"bad\", \"unit\": \"bad/1\", \"charm_name\": \"x\"}"));
    State state =
        leader()
            .relation(workers(1, "good", "\"all\"", Map.of(0, "good-0.svc")))
            .relation(bad)
            .build();

    Outcome out = run(publishing, Event.updateStatus(), state);

    assertThat(appBag(out, 1)).containsKey("worker_config");
    assertThat(appBag(out, 2)).isEmpty();
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
    Relation relation = specWorker().withRemoteAppData(Map.of("role", "\"all\""));
    State state = TestModel.state().leader(false).relation(relation).build();

    Outcome out = run(publishing, Event.relationChanged(relation), state);

    assertThat(seen.get().relations().get(0).complete()).isTrue();
    assertThat(out).madeNoCall("relation-set");
  }

  @Test
  void workerPortsAreComputedPerRelationFromTheRawRole() {
    State state =
        leader()
            .relation(workers(1, "a", "\"all\"", Map.of(0, "a-0")))
            .relation(workers(2, "q", "\"querier,ingester\"", Map.of(0, "q-0")))
            .build();
    List<String> asked = new ArrayList<>();

    Outcome out =
        run(
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
                            })),
            Event.updateStatus(),
            state);

    assertThat(asked).containsExactly("all", "querier,ingester");
    assertThat(appBag(out, 1)).containsEntry("worker_ports", "[7946, 3200, 4318]");
    assertThat(appBag(out, 2)).containsEntry("worker_ports", "[7946, 3200]");
    assertThat(appBag(out, 1).get("worker_config")).isEqualTo(appBag(out, 2).get("worker_config"));
  }

  @Test
  void theSameWorkersListedInAnotherOrderGetTheSameBytes() {
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
    // Juju lists relations by id and units by number, so the same workers under other ids and
    // numbers come in another order: here x before w, and w's units not in address order.
    State first =
        leader()
            .relation(workers(1, "w", "\"all\"", Map.of(0, "w-0", 1, "w-1", 2, "w-2")))
            .relation(workers(2, "x", "\"querier\"", Map.of(0, "x-0")))
            .build();
    State second =
        leader()
            .relation(workers(1, "x", "\"querier\"", Map.of(0, "x-0")))
            .relation(workers(2, "w", "\"all\"", Map.of(3, "w-1", 4, "w-2", 5, "w-0")))
            .build();

    Outcome one = run(ringInConfig, Event.updateStatus(), first);
    Outcome other = run(ringInConfig, Event.updateStatus(), second);

    // Each bag gets the same bytes; only the order of the two relation-set calls follows Juju's.
    assertThat(other.callsOf("relation-set").stream().map(ClusterProviderTest::sent).toList())
        .containsExactlyInAnyOrderElementsOf(
            one.callsOf("relation-set").stream().map(ClusterProviderTest::sent).toList());
    assertThat(appBag(other, 2)).isEqualTo(appBag(one, 1));
    assertThat(appBag(other, 1)).isEqualTo(appBag(one, 2));
    assertThat(appBag(one, 1))
        .containsEntry("worker_config", "\"join_members: [w-0, w-1, w-2, x-0]\\n\"")
        .containsEntry("loki_endpoints", "{\"loki/0\": \"http://l0\", \"loki/1\": \"http://l1\"}");
  }

  @Test
  void unchangedDataIsNotWrittenAgainAndStaleKeysAreDeleted() {
    Consumer<ClusterProvider> withTls =
        c -> c.publish(DATA.toBuilder().tls("CA", "CERT", "secret:key").build());
    State state =
        leader().relation(specWorker().withRemoteAppData(Map.of("role", "\"all\""))).build();

    Outcome tls = run(fw -> new Coordinator(fw, withTls), Event.updateStatus(), state);
    assertThat(appBag(tls, 1)).containsEntry("privkey_secret_id", "\"secret:key\"");

    Outcome again = run(fw -> new Coordinator(fw, withTls), Event.updateStatus(), tls.state());
    assertThat(again).madeNoCall("relation-set");

    Outcome plain = run(publishing, Event.updateStatus(), again.state());
    assertThat(plain.callsOf("relation-set"))
        .singleElement()
        .extracting(ClusterProviderTest::sent)
        .isEqualTo(Map.of("ca_cert", "", "server_cert", "", "privkey_secret_id", ""));
    assertThat(appBag(plain, 1)).doesNotContainKeys("ca_cert", "privkey_secret_id");
  }

  @Test
  void grantsTheKeySecretToEachRelationOnce() {
    Function<Framework, Coordinator> granting =
        fw -> new Coordinator(fw, c -> c.grantSecret(c.model().secret(KEY_SECRET)));
    Secret key =
        new Secret(
            KEY_SECRET,
            Optional.of("application"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            1,
            Map.of("private-key", "KEY"),
            Map.of("private-key", "KEY"),
            Map.of());
    State state =
        leader()
            .relation(specWorker())
            .relation(TestModel.relation(Coordinator.ENDPOINT, 5, "other", 0))
            .secret(key)
            .build();

    Outcome first = run(granting, Event.updateStatus(), state);
    assertThat(first)
        .calls("secret-grant")
        .containsExactly(
            "secret-grant --relation 1 " + KEY_SECRET, "secret-grant --relation 5 " + KEY_SECRET);
    assertThat(first.state().secret(KEY_SECRET).orElseThrow().grants()).containsOnlyKeys(1, 5);

    Outcome second = run(granting, Event.updateStatus(), first.state());
    assertThat(second).madeNoCall("secret-grant");

    State late =
        second.state().toBuilder()
            .relation(TestModel.relation(Coordinator.ENDPOINT, 6, "late", 0))
            .build();
    Outcome third = run(granting, Event.updateStatus(), late);
    assertThat(third)
        .calls("secret-grant")
        .containsExactly("secret-grant --relation 6 " + KEY_SECRET);
  }

  @Test
  void anEndpointTheCharmDoesNotDeclareIsAClearError() {
    UncaughtCharmException thrown =
        catchThrowableOfType(
            UncaughtCharmException.class,
            () ->
                run(
                    fw -> {
                      Charm charm = new Charm(fw) {};
                      new ClusterProvider(charm, "tempo-clustr", Coordinator.TEMPO);
                      return charm;
                    },
                    Event.updateStatus(),
                    leader().build()));

    assertThat(thrown.getCause())
        .hasMessageContaining("no endpoint 'tempo-clustr'")
        .hasMessageContaining("tempo-cluster");
  }

  @Test
  void rolesTableRejectsExpansionsOutsideItsRoles() {
    assertThatThrownBy(
            () ->
                new RolesTable(
                    "X",
                    new TreeSet<>(Set.of("all", "a")),
                    new TreeMap<>(Map.of("all", Set.of("a", "b"))),
                    new TreeSet<>(),
                    new TreeMap<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expands to unknown roles b");
    assertThatThrownBy(
            () ->
                new RolesTable(
                    "X",
                    new TreeSet<>(Set.of("a")),
                    new TreeMap<>(Map.of("all", Set.of("a"))),
                    new TreeSet<>(),
                    new TreeMap<>()))
        .hasMessageContaining("meta-role all is not a role");
  }

  @Test
  void aMetaRoleThatContainsItselfIsARoleToo() {
    assertThat(RolesTable.LOKI.expand(List.of("all")))
        .containsExactly("all", "backend", "read", "write");
    assertThat(Coordinator.TEMPO.expand(List.of("all", "querier")))
        .doesNotContain("all")
        .contains("querier", "ingester");
  }
}
