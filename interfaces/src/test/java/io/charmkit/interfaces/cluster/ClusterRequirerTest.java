package io.charmkit.interfaces.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.interfaces.support.FakeJuju;
import io.charmkit.interfaces.support.UnitHarness;
import io.charmkit.ops.DispatchResult;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.cluster.RemoteWriteEndpoint;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The worker's side of the cluster interface, through whole dispatches. */
class ClusterRequirerTest {
  private static final String SECRET = "secret://6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4/d0jq8t3mp";

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

  private static UnitHarness workerUnit() {
    return UnitHarness.of(Worker.METADATA, "tempo-worker/0")
        .leader(true)
        .relation(Worker.ENDPOINT, 3, "tempo", "tempo/0");
  }

  @Test
  void givenOnlyAConfigTheWorkerPublishesBagsThatValidate() {
    UnitHarness unit =
        workerUnit()
            .remoteAppData(
                3,
                Map.of(
                    "worker_config", "\"foo: bar\"",
                    "charm_tracing_receivers", "{\"otlp_http\":\"http://192.0.2.1:4318\"}",
                    "workload_tracing_receivers",
                        "{\"otlp_http\":\"http://192.0.2.2:4318\",\"otlp_grpc\":\"192.0.2.2:4317\"}"));

    DispatchResult result = unit.relationHook("created", 3, null, worker(Worker.PUBLISH_ALL));

    assertThat(result.succeeded()).isTrue();
    assertThat(unit.localAppData(3)).isEqualTo(Map.of("role", "\"all\""));
    assertThat(WorkerAppData.CODEC.read(unit.localAppData(3), "").roles()).containsExactly("all");
    assertThat(unit.localUnitData(3))
        .containsEntry(
            "juju_topology",
            "{\"application\": \"tempo-worker\", \"unit\": \"tempo-worker/0\","
                + " \"charm_name\": \"tempo-worker-k8s\"}")
        .containsEntry("address", "\"" + Worker.FQDN + "\"");
    assertThat(WorkerUnitData.CODEC.read(unit.localUnitData(3), "").address())
        .isEqualTo(Worker.FQDN);
  }

  @Test
  void severalRolesAreCommaJoinedAndANonLeaderWritesOnlyItsUnitBag() {
    UnitHarness unit = workerUnit();
    Consumer<ClusterRequirer> two =
        c ->
            c.publish(
                List.of("querier", "query-frontend"),
                "w-0",
                new io.charmkit.schema.topology.WorkerTopology("w", "w/0", "c"));

    unit.hook("config-changed", worker(two));
    assertThat(unit.localAppData(3)).containsEntry("role", "\"querier,query-frontend\"");

    UnitHarness follower =
        UnitHarness.of(Worker.METADATA, "tempo-worker/1")
            .leader(false)
            .relation(Worker.ENDPOINT, 3, "tempo", "tempo/0");
    assertThat(follower.hook("config-changed", worker(two)).succeeded()).isTrue();
    assertThat(follower.localAppData(3)).isEmpty();
    assertThat(follower.localUnitData(3)).containsEntry("address", "\"w-0\"");
  }

  @Test
  void aPermissionErrorOnTheRoleIsToleratedAndRetriedLater() {
    UnitHarness unit = workerUnit().denyAppWrites(true);

    DispatchResult first = unit.hook("config-changed", worker(Worker.PUBLISH_ALL));

    assertThat(first.succeeded()).isTrue();
    assertThat(unit.localAppData(3)).isEmpty();
    assertThat(unit.localUnitData(3)).containsKey("address");

    unit.denyAppWrites(false).clearCalls();
    unit.hook("update-status", worker(Worker.PUBLISH_ALL));
    assertThat(unit.localAppData(3)).containsEntry("role", "\"all\"");
    assertThat(unit.relationSets()).extracting(FakeJuju.RelationSet::app).containsExactly(true);

    unit.clearCalls();
    unit.hook("update-status", worker(Worker.PUBLISH_ALL));
    assertThat(unit.relationSets()).isEmpty();
  }

  @Test
  void readsEveryFieldOfTheCoordinatorBag() {
    UnitHarness unit =
        workerUnit()
            .remoteAppData(3, FULL)
            .secret("secret:d0jq8t3mp", Map.of("private-key", "-----BEGIN PRIVATE KEY-----"));

    unit.hook("update-status", worker(c -> {}));
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
    assertThat(unit.secretReads()).containsExactly(new FakeJuju.SecretRead(SECRET, true));
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
    UnitHarness unit = workerUnit().remoteAppData(3, bag);

    unit.hook("update-status", worker(c -> {}));
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
    UnitHarness unit =
        workerUnit()
            .remoteAppData(3, Map.of("worker_config", "server: {}", "worker_ports", "[1, 70000]"));

    DispatchResult result = unit.hook("update-status", worker(c -> {}));
    ClusterRequirer c = seen.get();

    assertThat(result.succeeded()).isTrue();
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
    UnitHarness unit = workerUnit().remoteAppData(3, Map.of("worker_config", "\"a: b\""));

    unit.relationHook("changed", 3, "tempo/0", worker(Worker.PUBLISH_ALL));
    assertThat(events).containsExactly("config_received 3");

    events.clear();
    unit.remoteAppData(3, Map.of("worker_config", "not json"));
    unit.relationHook("changed", 3, "tempo/0", worker(Worker.PUBLISH_ALL));
    assertThat(events).containsExactly("removed 3");

    events.clear();
    unit.relationHook("broken", 3, null, worker(c -> {}));
    assertThat(events).containsExactly("removed 3");
  }

  @Test
  void noRemovedEventBeforeThisUnitJoined() {
    UnitHarness unit = workerUnit();

    unit.relationHook("changed", 3, "tempo/0", worker(c -> {}));

    assertThat(events).isEmpty();
  }

  @Test
  void aRotatedKeyIsReadWithRefreshAndAnnounced() {
    UnitHarness unit =
        workerUnit()
            .remoteAppData(3, FULL)
            .secret("secret:d0jq8t3mp", Map.of("private-key", "NEW KEY"));

    unit.secretChanged("secret:d0jq8t3mp", worker(c -> c.tls()));

    assertThat(events).containsExactly("config_received 3");
    assertThat(seen.get().tls().orElseThrow().privateKey()).isEqualTo("NEW KEY");
    assertThat(unit.secretReads()).allSatisfy(r -> assertThat(r.refresh()).isTrue());

    events.clear();
    unit.secretChanged("secret:someothersecret", worker(c -> {}));
    assertThat(events).isEmpty();
  }

  @Test
  void anUnreadableKeySecretIsNamedAndGivesNoTls() {
    UnitHarness unit = workerUnit().remoteAppData(3, FULL);

    DispatchResult result = unit.hook("update-status", worker(c -> c.tls()));

    assertThat(result.succeeded()).isTrue();
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
