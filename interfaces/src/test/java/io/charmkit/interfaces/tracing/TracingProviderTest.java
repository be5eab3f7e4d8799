package io.charmkit.interfaces.tracing;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.interfaces.support.TestModel;
import io.charmkit.interfaces.support.WireSchemas;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.tracing.Receiver;
import io.charmkit.schema.tracing.ReceiverProtocol;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import io.charmkit.testing.UncaughtCharmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The tracing provider through whole dispatches: requests in, receivers out. */
class TracingProviderTest {
  static final String METADATA =
      """
      name: tempo-coordinator-k8s
      provides:
        tracing:
          interface: tracing
        website:
          interface: http
      requires:
        self-tracing:
          interface: tracing
      """;

  private static final String HOST = "tempo-0.tempo-endpoints.cos.svc.cluster.local";

  private final AtomicReference<TracingProvider> seen = new AtomicReference<>();

  /** A backend that runs {@code reconcile} on every hook. */
  static final class Backend extends Charm {
    Backend(Framework framework, String endpoint, Consumer<TracingProvider> reconcile) {
      super(framework);
      TracingProvider provider = new TracingProvider(this, endpoint);
      on().everyHook().forEach(source -> observe(source, e -> reconcile.accept(provider)));
    }
  }

  private static final Relation APP_A = TestModel.relation("tracing", 1, "app-a", 0);
  private static final Relation APP_B = TestModel.relation("tracing", 2, "app-b", 0);

  private Outcome run(Consumer<TracingProvider> reconcile, Event event, State state) {
    return TestModel.unit(
            METADATA,
            "tempo/0",
            fw ->
                new Backend(
                    fw,
                    "tracing",
                    p -> {
                      seen.set(p);
                      reconcile.accept(p);
                    }))
        .run(event, state);
  }

  private static Receiver receiver(String protocol, int port, boolean tls) {
    return Receiver.at(ReceiverProtocol.known(protocol).orElseThrow(), HOST, port, tls);
  }

  @Test
  void requestsOfEveryRelationAreUnitedAndUnreadyRelationsSkipped() {
    State state =
        TestModel.state()
            .relation(APP_A.withRemoteAppData(Map.of("receivers", "[\"otlp_http\", \"zipkin\"]")))
            .relation(
                APP_B.withRemoteAppData(Map.of("receivers", "[\"otlp_grpc\", \"otlp_http\"]")))
            .relation(TestModel.relation("tracing", 3, "silent", 0))
            .build();

    run(p -> p.requestedProtocols(), Event.updateStatus(), state);

    assertThat(seen.get().requestedProtocols()).containsExactly("otlp_grpc", "otlp_http", "zipkin");
    assertThat(seen.get().problems()).isEmpty();
  }

  @Test
  void aMalformedRequestIsIgnoredAndNamedWithItsRelationAndField() {
    State state =
        TestModel.state()
            .relation(APP_A.withRemoteAppData(Map.of("receivers", "[\"otlp_http\", 7]")))
            .relation(APP_B.withRemoteAppData(Map.of("receivers", "[\"jaeger_grpc\"]")))
            .build();

    Outcome out = run(p -> p.requestedProtocols(), Event.relationChanged(APP_A), state);

    assertThat(out.state().unitStatus().name()).isNotEqualTo("error");
    assertThat(seen.get().requestedProtocols()).containsExactly("jaeger_grpc");
    assertThat(seen.get().problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.summary())
                    .startsWith("relation tracing:1, application app-a, receivers[1]:"));
  }

  @Test
  void theLeaderPublishesTheSameSortedReceiversToEveryRelation() {
    List<Receiver> receivers = new ArrayList<>();
    receivers.add(receiver("otlp_http", 4318, false));
    receivers.add(receiver("otlp_grpc", 4317, false));
    State state = TestModel.state().leader(true).relation(APP_A).relation(APP_B).build();

    Outcome out = run(p -> p.publish(receivers), Event.updateStatus(), state);

    String expected =
        "[{\"protocol\": {\"name\": \"otlp_grpc\", \"type\": \"grpc\"}, \"url\": \""
            + HOST
            + ":4317\"}, {\"protocol\": {\"name\": \"otlp_http\", \"type\": \"http\"}, \"url\":"
            + " \"http://"
            + HOST
            + ":4318\"}]";
    for (int id : new int[] {1, 2}) {
      Map<String, String> bag = out.state().relation(id).orElseThrow().localAppData();
      assertThat(bag).containsExactlyEntriesOf(Map.of("receivers", expected));
      WireSchemas.assertValid("tracing", "provider", bag, Relation.JUJU_UNIT_DATA);
    }
  }

  @Test
  void httpsUnderTls() {
    State state = TestModel.state().leader(true).relation(APP_A).build();

    Outcome out =
        run(p -> p.publish(List.of(receiver("zipkin", 9411, true))), Event.updateStatus(), state);

    assertThat(out.state().relation(1).orElseThrow().localAppData())
        .containsEntry(
            "receivers",
            "[{\"protocol\": {\"name\": \"zipkin\", \"type\": \"http\"}, \"url\": \"https://"
                + HOST
                + ":9411\"}]");
  }

  @Test
  void republishingWhatTheBagHoldsWritesNothingAndAFollowerNeverWrites() {
    List<Receiver> receivers = List.of(receiver("otlp_http", 4318, false));
    State first = TestModel.state().leader(true).relation(APP_A).build();
    Outcome once = run(p -> p.publish(receivers), Event.updateStatus(), first);
    assertThat(once).calls("relation-set").hasSize(1);

    Outcome again = run(p -> p.publish(receivers), Event.updateStatus(), once.state());
    assertThat(again).madeNoCall("relation-set");

    Outcome follower =
        run(
            p -> p.publish(receivers),
            Event.updateStatus(),
            first.toBuilder().leader(false).build());
    assertThat(follower).madeNoCall("relation-set");
  }

  @Test
  void theEndpointIsCheckedAgainstTheMetadata() {
    assertThat(failure("tracing")).isNull();
    assertThat(failure("tracin")).contains("'tracin' is not declared in metadata.yaml");
    assertThat(failure("website"))
        .contains("'website' is declared under provides with interface http");
    assertThat(failure("self-tracing"))
        .contains("'self-tracing' is declared under requires")
        .contains("tracing needs it under provides");
  }

  private static String failure(String endpoint) {
    UncaughtCharmException thrown =
        catchThrowableOfType(
            UncaughtCharmException.class,
            () ->
                TestModel.unit(METADATA, "tempo/0", fw -> new Backend(fw, endpoint, p -> {}))
                    .run(Event.updateStatus(), TestModel.state().build()));
    return thrown == null ? null : thrown.getCause().getMessage();
  }
}
