package io.charmkit.interfaces.tracing;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.interfaces.support.TestModel;
import io.charmkit.interfaces.support.WireSchemas;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import io.charmkit.testing.UncaughtCharmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The tracing requirer through whole dispatches: the request out, the receivers in. */
class TracingRequirerTest {
  static final String METADATA =
      """
      name: my-app
      requires:
        tracing:
          interface: tracing
          limit: 1
        db:
          interface: pgsql
      provides:
        served-tracing:
          interface: tracing
      """;

  /** What the Python Tempo coordinator publishes with TLS on. */
  private static final String RECEIVERS =
      "[{\"protocol\": {\"name\": \"otlp_grpc\", \"type\": \"grpc\"}, \"url\": \"tempo:4317\"},"
          + " {\"protocol\": {\"name\": \"otlp_http\", \"type\": \"http\"}, \"url\":"
          + " \"https://tempo:4318\"}]";

  private static final Relation TEMPO = TestModel.relation("tracing", 5, "tempo", 0);

  private final AtomicReference<TracingRequirer> seen = new AtomicReference<>();

  /** A charm that requests protocols and runs {@code reconcile} on update-status. */
  static final class Traced extends Charm {
    Traced(
        Framework framework,
        String endpoint,
        List<String> protocols,
        Consumer<TracingRequirer> reconcile) {
      super(framework);
      TracingRequirer requirer = new TracingRequirer(this, endpoint, protocols);
      observe(on().updateStatus(), e -> reconcile.accept(requirer));
    }
  }

  private Outcome run(Consumer<TracingRequirer> reconcile, Event event, State state) {
    return TestModel.unit(
            METADATA,
            "my-app/0",
            fw ->
                new Traced(
                    fw,
                    "tracing",
                    List.of("otlp_http", "otlp_grpc"),
                    r -> {
                      seen.set(r);
                      reconcile.accept(r);
                    }))
        .run(event, state);
  }

  @Test
  void theLeaderRequestsItsProtocolsInOrderWhenTheRelationIsCreated() {
    Outcome out =
        run(
            r -> {},
            Event.relationCreated(TEMPO),
            TestModel.state().leader(true).relation(TEMPO).build());

    Map<String, String> bag = out.state().relation(5).orElseThrow().localAppData();
    assertThat(bag).containsExactlyEntriesOf(Map.of("receivers", "[\"otlp_http\", \"otlp_grpc\"]"));
    WireSchemas.assertValid("tracing", "requirer", bag, Relation.JUJU_UNIT_DATA);
  }

  @Test
  void aNewLeaderRequestsAndAFollowerDoesNot() {
    State state = TestModel.state().leader(true).relation(TEMPO).build();
    Outcome elected = run(r -> {}, Event.leaderElected(), state);
    assertThat(elected.state().relation(5).orElseThrow().localAppData())
        .containsEntry("receivers", "[\"otlp_http\", \"otlp_grpc\"]");

    Outcome follower =
        run(r -> {}, Event.relationCreated(TEMPO), state.toBuilder().leader(false).build());
    assertThat(follower).madeNoCall("relation-set");
  }

  @Test
  void endpointsAreEmptyUntilTheBackendPublishes() {
    run(r -> {}, Event.updateStatus(), TestModel.state().relation(TEMPO).build());

    assertThat(seen.get().ready()).isFalse();
    assertThat(seen.get().receivers()).isEmpty();
    assertThat(seen.get().endpoint("otlp_http")).isEmpty();
  }

  @Test
  void readsThePublishedUrlPerProtocol() {
    State state =
        TestModel.state().relation(TEMPO.withRemoteAppData(Map.of("receivers", RECEIVERS))).build();

    run(r -> {}, Event.updateStatus(), state);

    assertThat(seen.get().ready()).isTrue();
    assertThat(seen.get().endpoint("otlp_http")).contains("https://tempo:4318");
    assertThat(seen.get().endpoint("otlp_grpc")).contains("tempo:4317");
    assertThat(seen.get().receivers())
        .containsExactly(
            Map.entry("otlp_grpc", "tempo:4317"), Map.entry("otlp_http", "https://tempo:4318"));
  }

  @Test
  void aProtocolTheBackendDidNotEnableIsEmptyAndOneNotRequestedIsACharmBug() {
    String onlyGrpc =
        "[{\"protocol\": {\"name\": \"otlp_grpc\", \"type\": \"grpc\"}, \"url\": \"tempo:4317\"}]";
    State state =
        TestModel.state().relation(TEMPO.withRemoteAppData(Map.of("receivers", onlyGrpc))).build();

    run(r -> {}, Event.updateStatus(), state);

    assertThat(seen.get().endpoint("otlp_http")).isEmpty();
    assertThatThrownBy(() -> seen.get().endpoint("zipkin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'zipkin' is not requested on tracing");
  }

  @Test
  void aMalformedProviderBagIsIgnoredAndNamedNeverAFailedHook() {
    String noUrl = "[{\"protocol\": {\"name\": \"otlp_http\", \"type\": \"http\"}}]";
    State state =
        TestModel.state().relation(TEMPO.withRemoteAppData(Map.of("receivers", noUrl))).build();

    Outcome out = run(r -> r.endpoint("otlp_http"), Event.updateStatus(), state);

    assertThat(out).unitStatus().isNotNull();
    assertThat(seen.get().ready()).isFalse();
    assertThat(seen.get().endpoint("otlp_http")).isEmpty();
    assertThat(seen.get().problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.summary())
                    .isEqualTo(
                        "relation tracing:5, application tempo, receivers[0].url: must not be blank"));
  }

  @Test
  void theConstructorRefusesAWrongEndpointOrNoProtocols() {
    assertThat(failure("tracing", List.of("otlp_http"))).isNull();
    assertThat(failure("served-tracing", List.of("otlp_http")))
        .contains("'served-tracing' is declared under provides")
        .contains("tracing needs it under requires");
    assertThat(failure("db", List.of("otlp_http"))).contains("with interface pgsql");
    assertThat(failure("tracing", List.of())).contains("one or more non-blank protocols");
  }

  private static String failure(String endpoint, List<String> protocols) {
    UncaughtCharmException thrown =
        catchThrowableOfType(
            UncaughtCharmException.class,
            () ->
                TestModel.unit(
                        METADATA, "my-app/0", fw -> new Traced(fw, endpoint, protocols, r -> {}))
                    .run(Event.updateStatus(), TestModel.state().build()));
    return thrown == null ? null : thrown.getCause().getMessage();
  }
}
