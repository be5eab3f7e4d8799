package io.charmkit.interfaces.cluster;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.interfaces.support.RefusedAppWrites;
import io.charmkit.interfaces.support.TestModel;
import io.charmkit.interfaces.support.WireSchemas;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.cluster.RemoteWriteEndpoint;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.topology.WorkerTopology;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.Secret;
import io.charmkit.testing.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The worker's side of the cluster interface, through whole dispatches. */
class ClusterRequirerTest {
  private static final String SECRET = "secret://" + TestModel.UUID + "/d0jq8t3mp";

  /** The coordinator bag of WIRE.md §3.8, TLS on, every optional field present. */
  private static final Map<String, String> FULL =
      Map.ofEntries(
          Map.entry("worker_config", "\"server:\\n  http_listen_port: 3200\\n\""),
          Map.entry("loki_endpoints", "{\"loki/0\": \"http://loki-0:3100/loki/api/v1/push\"}"),
          Map.entry("charm_tracing_receivers", "{\"otlp_http\": \"https://tempo:4318\"}"),
          Map.entry("workload_tracing_receivers", "{\"otlp_http\": \"https://tempo:4318\"}"),
          Map.entry("remote_write_endpoints", "[{\"url\": \"http://prom-0:9090/api/v1/write\"}]"),
          Map.entry("worker_ports", "[7946, 3200, 4318, 9096, 3200]"),
          Map.entry("ca_cert", "\"-----BEGIN CERTIFICATE-----\\nCA\\n-----END CERTIFICATE-----\""),
          Map.entry(
              "server_cert", "\"-----BEGIN CERTIFICATE-----\\nSRV\\n-----END CERTIFICATE-----\""),
          Map.entry("privkey_secret_id", "\"" + SECRET + "\""),
          Map.entry(
              "s3_tls_ca_chain",
              "\"-----BEGIN CERTIFICATE-----\\nS3\\n-----END CERTIFICATE-----\""),
          Map.entry("worker_labels", "{\"app.kubernetes.io/part-of\": \"tempo\"}"));

  private final List<String> events = new ArrayList<>();
  private final AtomicReference<ClusterRequirer> seen = new AtomicReference<>();

  private Function<Framework, Worker> worker(Consumer<ClusterRequirer> reconcile) {
    return fw ->
        new Worker(
            fw,
            c -> {
              seen.set(c);
              reconcile.accept(c);
            },
            events);
  }

  private static Relation coordinatorRelation() {
    return TestModel.relation(Worker.ENDPOINT, 3, "tempo", 0);
  }

  private static State.Builder leader(Relation relation) {
    return TestModel.state().leader(true).relation(relation);
  }

  private Outcome run(Consumer<ClusterRequirer> reconcile, Event event, State state) {
    return runAs("tempo-worker/0", reconcile, event, state);
  }

  private Outcome runAs(
      String unit, Consumer<ClusterRequirer> reconcile, Event event, State state) {
    return TestModel.unit(Worker.METADATA, unit, worker(reconcile)).run(event, state);
  }

  /** The key secret the coordinator granted, with {@code tracked} and {@code latest} content. */
  private static Secret keySecret(String id, String tracked, String latest) {
    return new Secret(
        id,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        2,
        Map.of("private-key", tracked),
        Map.of("private-key", latest),
        Map.of());
  }

  private static Relation sent(Outcome out) {
    return out.state().relation(3).orElseThrow();
  }

  @Test
  void givenOnlyAConfigTheWorkerPublishesBagsThatValidate() {
    Relation relation =
        coordinatorRelation()
            .withRemoteAppData(
                Map.of(
                    "worker_config", "\"foo: bar\"",
                    "charm_tracing_receivers", "{\"otlp_http\":\"http://192.0.2.1:4318\"}",
                    "workload_tracing_receivers",
                        "{\"otlp_http\":\"http://192.0.2.2:4318\",\"otlp_grpc\":\"192.0.2.2:4317\"}"));

    Outcome out =
        run(Worker.PUBLISH_ALL, Event.relationCreated(relation), leader(relation).build());

    Relation sent = sent(out);
    assertThat(sent.localAppData()).isEqualTo(Map.of("role", "\"all\""));
    assertThat(WorkerAppData.CODEC.read(sent.localAppData(), "").roles()).containsExactly("all");
    assertThat(sent.localUnitData())
        .containsEntry(
            "juju_topology",
            "{\"application\": \"tempo-worker\", \"unit\": \"tempo-worker/0\","
                + " \"charm_name\": \"tempo-worker-k8s\"}")
        .containsEntry("address", "\"" + Worker.FQDN + "\"");
    assertThat(WorkerUnitData.CODEC.read(sent.localUnitData(), "").address())
        .isEqualTo(Worker.FQDN);
    WireSchemas.assertValid("tempo_cluster", "requirer", sent.localAppData(), sent.localUnitData());
  }

  @Test
  void severalRolesAreCommaJoinedAndANonLeaderWritesOnlyItsUnitBag() {
    Consumer<ClusterRequirer> two =
        c ->
            c.publish(
                List.of("querier", "query-frontend"), "w-0", new WorkerTopology("w", "w/0", "c"));

    Outcome leaderOut = run(two, Event.configChanged(), leader(coordinatorRelation()).build());
    assertThat(leaderOut)
        .relation(3)
        .localAppData()
        .containsEntry("role", "\"querier,query-frontend\"");

    State follower = TestModel.state().leader(false).relation(coordinatorRelation()).build();
    Outcome followerOut = runAs("tempo-worker/1", two, Event.configChanged(), follower);
    assertThat(followerOut).relation(3).localAppData().isEmpty();
    assertThat(followerOut).relation(3).localUnitData().containsEntry("address", "\"w-0\"");
  }

  @Test
  void aPermissionErrorOnTheRoleIsToleratedAndRetriedLater() {
    RefusedAppWrites.Result refused =
        RefusedAppWrites.configChanged(
            Worker.METADATA, "tempo-worker/0", coordinatorRelation(), worker(Worker.PUBLISH_ALL));

    assertThat(refused.dispatch().succeeded()).isTrue();
    assertThat(refused.relation().localAppData()).isEmpty();
    assertThat(refused.relation().localUnitData()).containsKey("address");

    // A later event, once Juju allows the write, publishes the role; the next one leaves it be.
    Outcome later =
        run(Worker.PUBLISH_ALL, Event.updateStatus(), leader(refused.relation()).build());
    assertThat(later).relation(3).localAppData().containsEntry("role", "\"all\"");
    assertThat(later)
        .calls("relation-set")
        .containsExactly("relation-set -r tempo-cluster:3 --app --file -");

    Outcome after = run(Worker.PUBLISH_ALL, Event.updateStatus(), later.state());
    assertThat(after).madeNoCall("relation-set");
  }

  @Test
  void readsEveryFieldOfTheCoordinatorBag() {
    State state =
        leader(coordinatorRelation().withRemoteAppData(FULL))
            .secret(
                keySecret(
                    "secret:d0jq8t3mp",
                    "-----BEGIN PRIVATE KEY-----",
                    "-----BEGIN PRIVATE KEY-----"))
            .build();

    // Read within the hook, where the hook tools are recorded.
    Outcome out = run(ClusterRequirer::tls, Event.updateStatus(), state);
    ClusterRequirer c = seen.get();

    assertThat(c.config()).contains("server:\n  http_listen_port: 3200\n");
    assertThat(c.workerPorts()).containsExactly(3200, 4318, 7946, 9096);
    assertThat(c.lokiEndpoints()).containsEntry("loki/0", "http://loki-0:3100/loki/api/v1/push");
    assertThat(c.charmTracingReceivers()).containsEntry("otlp_http", "https://tempo:4318");
    assertThat(c.workloadTracingReceivers()).containsOnlyKeys("otlp_http");
    assertThat(c.remoteWriteEndpoints())
        .containsExactly(new RemoteWriteEndpoint("http://prom-0:9090/api/v1/write"));
    assertThat(c.workerLabels()).containsEntry("app.kubernetes.io/part-of", "tempo");
    assertThat(c.s3TlsCaChain()).hasValueSatisfying(v -> assertThat(v).contains("S3"));
    assertThat(c.tls())
        .hasValueSatisfying(
            t -> {
              assertThat(t.caCert()).contains("CA");
              assertThat(t.serverCert()).contains("SRV");
              assertThat(t.privateKey()).isEqualTo("-----BEGIN PRIVATE KEY-----");
              assertThat(t.toString()).doesNotContain("PRIVATE KEY");
            });
    assertThat(out)
        .calls("secret-get")
        .containsExactly("secret-get --format=json " + SECRET + " --refresh");
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void readsWhatOlderAndSpecCoordinatorsWrite() {
    Map<String, String> bag = new HashMap<>();
    bag.put("worker_config", "\"a: b\"");
    bag.put("loki_endpoints", "null");
    bag.put("worker_ports", "[\"7946\", 3200.0]");
    bag.put("s3_tls_ca_cert", "-----BEGIN CERTIFICATE-----\nRAW\n-----END CERTIFICATE-----");
    bag.put("tempo_receiver", "{\"otlp_http\": \"x\"}");

    run(
        c -> {},
        Event.updateStatus(),
        leader(coordinatorRelation().withRemoteAppData(bag)).build());
    ClusterRequirer c = seen.get();

    assertThat(c.problems()).isEmpty();
    assertThat(c.lokiEndpoints()).isEmpty();
    assertThat(c.workerPorts()).containsExactly(3200, 7946);
    assertThat(c.s3TlsCaChain())
        .contains("-----BEGIN CERTIFICATE-----\nRAW\n-----END CERTIFICATE-----");
    assertThat(c.tls()).isEmpty();
  }

  @Test
  void anInvalidCoordinatorBagIsNamedAndReadsAsNothing() {
    Relation relation =
        coordinatorRelation()
            .withRemoteAppData(Map.of("worker_config", "server: {}", "worker_ports", "[1, 70000]"));

    run(c -> {}, Event.updateStatus(), leader(relation).build());
    ClusterRequirer c = seen.get();

    assertThat(c.config()).isEmpty();
    assertThat(c.workerPorts()).isEmpty();
    assertThat(c.lokiEndpoints()).isEmpty();
    assertThat(c.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("relation tempo-cluster:3, application tempo, worker_config:")
                    .contains("relation tempo-cluster:3, application tempo, worker_ports[1]:"));
  }

  @Test
  void configReceivedFiresOnAValidConfigAndRemovedWhenItIsWiped() {
    Relation valid = coordinatorRelation().withRemoteAppData(Map.of("worker_config", "\"a: b\""));

    Outcome first = run(Worker.PUBLISH_ALL, Event.relationChanged(valid, 0), leader(valid).build());
    assertThat(events).containsExactly("config_received 3");

    events.clear();
    Relation invalid =
        first
            .state()
            .relation(3)
            .orElseThrow()
            .withRemoteAppData(Map.of("worker_config", "not json"));
    run(
        Worker.PUBLISH_ALL,
        Event.relationChanged(invalid, 0),
        first.state().toBuilder().relation(invalid).build());
    // Invalid data is rejected, not taken for a removal: the worker keeps what it runs.
    assertThat(events).isEmpty();

    Relation wiped =
        first.state().relation(3).orElseThrow().withRemoteAppData(Map.of("worker_config", "\"\""));
    Outcome second =
        run(
            Worker.PUBLISH_ALL,
            Event.relationChanged(wiped, 0),
            first.state().toBuilder().relation(wiped).build());
    assertThat(events).containsExactly("removed 3");

    events.clear();
    run(c -> {}, Event.relationBroken(wiped), second.state());
    assertThat(events).containsExactly("removed 3");
  }

  @Test
  void noRemovedEventBeforeThisUnitJoined() {
    Relation relation = coordinatorRelation();

    run(c -> {}, Event.relationChanged(relation, 0), leader(relation).build());

    assertThat(events).isEmpty();
  }

  @Test
  void aRotatedKeyIsReadWithRefreshAndAnnounced() {
    Secret key = keySecret("secret:d0jq8t3mp", "OLD KEY", "NEW KEY");
    Secret other = keySecret("secret:someothersecret", "X", "Y");
    State state =
        leader(coordinatorRelation().withRemoteAppData(FULL)).secret(key).secret(other).build();

    Outcome out = run(c -> c.tls(), Event.secretChanged(key), state);

    assertThat(events).containsExactly("config_received 3");
    assertThat(seen.get().tls().orElseThrow().privateKey()).isEqualTo("NEW KEY");
    assertThat(out.callsOf("secret-get"))
        .isNotEmpty()
        .allSatisfy(call -> assertThat(call.argv()).contains("--refresh"));

    events.clear();
    run(c -> {}, Event.secretChanged(other), out.state());
    assertThat(events).isEmpty();
  }

  @Test
  void anUnreadableKeySecretIsNamedAndGivesNoTls() {
    run(
        c -> c.tls(),
        Event.updateStatus(),
        leader(coordinatorRelation().withRemoteAppData(FULL)).build());

    assertThat(seen.get().tls()).isEmpty();
    assertThat(seen.get().config()).isPresent();
    assertThat(seen.get().problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo(
                        "relation tempo-cluster:3, application tempo, privkey_secret_id: names"
                            + " secret "
                            + SECRET
                            + ", which this unit cannot read"));
  }

  @Test
  void secretIdsCompareAcrossTheirForms() {
    assertThat(ClusterRequirer.sameSecret("secret:abc", SECRET.replace("d0jq8t3mp", "abc")))
        .isTrue();
    assertThat(ClusterRequirer.sameSecret("abc", "secret:abc")).isTrue();
    assertThat(ClusterRequirer.sameSecret("secret:abc", "secret:abd")).isFalse();
  }
}
