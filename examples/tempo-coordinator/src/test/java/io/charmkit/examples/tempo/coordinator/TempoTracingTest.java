package io.charmkit.examples.tempo.coordinator;

import static io.charmkit.examples.tempo.coordinator.Cluster.leaderWith;
import static io.charmkit.examples.tempo.coordinator.Cluster.s3Ready;
import static io.charmkit.examples.tempo.coordinator.Cluster.worker;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.FixedHost;
import io.charmkit.coordinator.tls.ServerTls;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.HookToolCall;
import io.charmkit.testing.LogLine;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Tempo coordinator on {@code tracing} (the receivers requested by related charms enabled and
 * published with their URLs) and on {@code self-charm-tracing} / {@code self-workload-tracing} (the
 * workers' {@code charm_tracing_receivers} and {@code workload_tracing_receivers}).
 */
class TempoTracingTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final String FQDN = "tempo-0.tempo-endpoints.cos.svc.cluster.local";
  private static final ServerTls TLS =
      new ServerTls(
          "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
          "-----BEGIN CERTIFICATE-----\nSERVER\n-----END CERTIFICATE-----",
          "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----");

  private static HostEnvironment host() {
    return FixedHost.of(FQDN);
  }

  private static Context context(TlsSource tls) {
    return new Context(fw -> new TempoCoordinatorCharm(fw, tls, host()), METADATA)
        .withAppName("tempo")
        .withLogLevel("DEBUG");
  }

  private static final Context CTX = context(TlsSource.NONE);

  /** A charm related on {@code tracing} that asked for {@code receivers} (raw JSON). */
  private static Relation requirer(int id, String app, String receivers) {
    return Relation.of("tracing")
        .withId(id)
        .withRemoteApp(app)
        .withRemoteAppData(Map.of("receivers", receivers));
  }

  private static String receiver(String name, String type, String url) {
    return "{\"protocol\": {\"name\": \""
        + name
        + "\", \"type\": \""
        + type
        + "\"}, \"url\": \""
        + url
        + "\"}";
  }

  /** A complete cluster (three role-all workers, S3 ready) plus {@code others}, on the leader. */
  private static State cluster(Relation... others) {
    List<Relation> relations =
        new ArrayList<>(List.of(worker(1, "tempo-worker", "all", 3), s3Ready()));
    relations.addAll(List.of(others));
    return leaderWith(relations.toArray(Relation[]::new));
  }

  private static Map<String, String> localApp(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localAppData();
  }

  @Test
  void requestedReceiversArePublishedWithTheirUrlsToEveryTracingRelation() {
    State state =
        cluster(
            requirer(7, "api", "[\"zipkin\", \"otlp_grpc\"]"),
            requirer(8, "db", "[\"otlp_http\"]"));

    Outcome out = CTX.run(Event.relationChanged(state.relation(7).orElseThrow()), state);

    String expected =
        "["
            + receiver("otlp_grpc", "grpc", FQDN + ":4317")
            + ", "
            + receiver("otlp_http", "http", "http://" + FQDN + ":4318")
            + ", "
            + receiver("zipkin", "http", "http://" + FQDN + ":9411")
            + "]";
    assertThat(localApp(out, 7)).containsExactlyEntriesOf(Map.of("receivers", expected));
    assertThat(localApp(out, 8)).containsExactlyEntriesOf(Map.of("receivers", expected));
    assertThat(out.state().openedPorts()).contains(Port.tcp(9411), Port.tcp(4317), Port.tcp(4318));
    assertThat(out.state().openedPorts()).doesNotContain(Port.tcp(14268), Port.tcp(14250));
    assertThat(localApp(out, 1).get("worker_ports"))
        .isEqualTo("[3200, 4317, 4318, 7946, 9096, 9411]");
    assertThat(out.state().container("nginx").orElseThrow().files().get("/etc/nginx/nginx.conf"))
        .contains("upstream zipkin")
        .contains("upstream otlp-grpc")
        .doesNotContain("upstream jaeger-grpc");
  }

  @Test
  void underTlsHttpReceiversAreHttpsAndGrpcOnesCarryNoScheme() {
    State state = cluster(requirer(7, "api", "[\"jaeger_grpc\", \"jaeger_thrift_http\"]"));

    Outcome out = context(() -> Optional.of(TLS)).run(Event.updateStatus(), state);

    assertThat(localApp(out, 7))
        .containsEntry(
            "receivers",
            "["
                + receiver("jaeger_grpc", "grpc", FQDN + ":14250")
                + ", "
                + receiver("jaeger_thrift_http", "http", "https://" + FQDN + ":14268")
                + ", "
                + receiver("otlp_http", "http", "https://" + FQDN + ":4318")
                + "]");
  }

  @Test
  void unknownProtocolsAreNotServedAndAMalformedRequestIsIgnoredNamingRelationAndField() {
    State state =
        cluster(requirer(7, "api", "[\"tempo_http\"]"), requirer(8, "bad", "[\"zipkin\", null]"));

    Outcome out = CTX.run(Event.relationChanged(state.relation(8).orElseThrow()), state);

    assertThat(localApp(out, 7))
        .containsExactlyEntriesOf(
            Map.of(
                "receivers",
                "[" + receiver("otlp_http", "http", "http://" + FQDN + ":4318") + "]"));
    assertThat(out.state().openedPorts()).doesNotContain(Port.tcp(9411));
    assertThat(out.unitStatus()).isEqualTo(Status.active(""));
    assertThat(out.jujuLog().stream().map(LogLine::message))
        .anyMatch(m -> m.contains("relation tracing:8, application bad, receivers[1]"));
  }

  @Test
  void behindTheGateNothingIsPublishedOnTracing() {
    State state = leaderWith(s3Ready(), requirer(7, "api", "[\"otlp_http\"]"));

    Outcome out = CTX.run(Event.updateStatus(), state);

    assertThat(localApp(out, 7)).isEmpty();
  }

  @Test
  void theLeaderAsksItsOwnTracingBackendsForTheirProtocols() {
    Relation charm = Relation.of("self-charm-tracing").withId(20).withRemoteApp("tempo-ext");
    Relation workload = Relation.of("self-workload-tracing").withId(21).withRemoteApp("tempo-ext");
    State state = leaderWith(s3Ready(), charm, workload);

    Outcome created = CTX.run(Event.relationCreated(charm), state);
    assertThat(localApp(created, 20))
        .containsExactlyEntriesOf(Map.of("receivers", "[\"otlp_http\"]"));

    Outcome elected = CTX.run(Event.leaderElected(), state);
    assertThat(localApp(elected, 21))
        .containsExactlyEntriesOf(Map.of("receivers", "[\"otlp_http\"]"));
    assertThat(localApp(elected, 20))
        .containsExactlyEntriesOf(Map.of("receivers", "[\"otlp_http\"]"));
  }

  @Test
  void theWorkersGetTheReceiversOfTheCoordinatorsOwnTracingRelations() {
    String charmReceivers = "[" + receiver("otlp_http", "http", "http://ext:4318") + "]";
    String workloadReceivers =
        "["
            + receiver("otlp_http", "http", "https://ext:4318")
            + ", "
            + receiver("otlp_grpc", "grpc", "ext:4317")
            + "]";
    State state =
        cluster(
            Relation.of("self-charm-tracing")
                .withId(20)
                .withRemoteApp("tempo-ext")
                .withRemoteAppData(Map.of("receivers", charmReceivers)),
            Relation.of("self-workload-tracing")
                .withId(21)
                .withRemoteApp("tempo-ext")
                .withRemoteAppData(Map.of("receivers", workloadReceivers)));

    Outcome out = CTX.run(Event.updateStatus(), state);

    // WIRE.md §3.3 fields 3 and 4: json.dumps of a dict, keys sorted.
    assertThat(localApp(out, 1))
        .containsEntry("charm_tracing_receivers", "{\"otlp_http\": \"http://ext:4318\"}")
        .containsEntry(
            "workload_tracing_receivers",
            "{\"otlp_grpc\": \"ext:4317\", \"otlp_http\": \"https://ext:4318\"}");
  }

  @Test
  void withoutOwnTracingRelationsOrWithBadDataTheWorkersGetEmptyMaps() {
    State state =
        cluster(
            Relation.of("self-charm-tracing")
                .withId(20)
                .withRemoteApp("tempo-ext")
                .withRemoteAppData(Map.of("receivers", "{\"otlp_http\": \"http://ext:4318\"}")));

    Outcome out = CTX.run(Event.updateStatus(), state);

    assertThat(out.unitStatus()).isEqualTo(Status.active(""));
    assertThat(localApp(out, 1))
        .containsEntry("charm_tracing_receivers", "{}")
        .containsEntry("workload_tracing_receivers", "{}");
    assertThat(out.jujuLog().stream().map(LogLine::message))
        .anyMatch(
            m -> m.contains("relation self-charm-tracing:20, application tempo-ext, receivers"));
  }

  private static List<HookToolCall> writes(Outcome out) {
    return out.hookToolCalls().stream()
        .filter(c -> List.of("relation-set", "open-port", "close-port").contains(c.tool()))
        .toList();
  }

  private static boolean skipped(Outcome out) {
    return out.jujuLog().stream()
        .map(LogLine::message)
        .anyMatch(m -> m.contains("inputs are unchanged; skipping the reconcile"));
  }

  @Test
  void theSteadyStateFastPathSeesANewTracingRequest() {
    State state = cluster(requirer(7, "api", "[\"otlp_http\"]"));
    Event event = Event.relationChanged(state.relation(7).orElseThrow());
    Outcome out = CTX.run(event, state);
    for (int i = 0; i < 4 && !writes(out).isEmpty(); i++) {
      out = CTX.run(Event.relationChanged(out.state().relation(7).orElseThrow()), out.state());
    }
    assertThat(writes(out)).as("settled").isEmpty();
    Outcome quiet =
        CTX.run(Event.relationChanged(out.state().relation(7).orElseThrow()), out.state());
    assertThat(skipped(quiet)).as("the repeated event is skipped").isTrue();

    Relation asksMore =
        quiet
            .state()
            .relation(7)
            .orElseThrow()
            .withRemoteAppData(Map.of("receivers", "[\"otlp_http\", \"zipkin\"]"));
    State changed = quiet.state().toBuilder().relation(asksMore).build();
    Outcome after = CTX.run(Event.relationChanged(asksMore), changed);

    assertThat(skipped(after)).isFalse();
    assertThat(localApp(after, 7).get("receivers")).contains("\"zipkin\"");
    assertThat(after.state().openedPorts()).contains(Port.tcp(9411));
  }
}
