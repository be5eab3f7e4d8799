package io.charmkit.cosstandin;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.model.StatusName;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The COS stand-in, one hook at a time: what it publishes, and what its status says it read. */
class CosStandinCharmTest {
  private static final String HOST = "cos-0.cos-endpoints.demo.svc.cluster.local";
  private static final Context CTX =
      new Context(fw -> new CosStandinCharm(fw, () -> HOST), CharmMetadata.load(Path.of("")))
          .withAppName("cos");

  private static Relation relation(String endpoint, int id, String remote) {
    return Relation.of(endpoint).withId(id).withRemoteApp(remote);
  }

  private static Outcome run(State state) {
    return CTX.run(Event.updateStatus(), state);
  }

  @Test
  void theLeaderPublishesTheRequestedReceiversOnItsOwnHost() {
    State state =
        State.builder()
            .leader(true)
            .relation(
                relation("tracing", 1, "tempo")
                    .withRemoteAppData(Map.of("receivers", "[\"otlp_http\", \"otlp_grpc\"]")))
            .build();

    Outcome out = run(state);

    assertThat(out.state().relation(1).orElseThrow().localAppData())
        .containsExactlyEntriesOf(
            Map.of(
                "receivers",
                "[{\"protocol\": {\"name\": \"otlp_grpc\", \"type\": \"grpc\"}, \"url\": \""
                    + HOST
                    + ":4317\"}, {\"protocol\": {\"name\": \"otlp_http\", \"type\": \"http\"},"
                    + " \"url\": \"http://"
                    + HOST
                    + ":4318\"}]"));
    assertThat(out.state().unitStatus())
        .isEqualTo(
            Status.active(
                "jobs=0 rule-groups=0 unit-addresses=0 dashboards=0 traces=otlp_grpc,otlp_http"
                    + " log-senders=0"));
  }

  @Test
  void everyUnitPublishesItsLokiPushUrlAndTheLeaderItsTraefikAddress() {
    State state =
        State.builder()
            .leader(true)
            .config("external-host", "10.1.2.3")
            .relation(relation("logging", 1, "tempo"))
            .relation(relation("traefik-route", 2, "tempo"))
            .build();

    Outcome out = run(state);

    assertThat(out.state().relation(1).orElseThrow().localUnitData())
        .containsEntry("endpoint", "{\"url\": \"http://" + HOST + ":3100/loki/api/v1/push\"}");
    assertThat(out.state().relation(2).orElseThrow().localAppData())
        .containsExactlyInAnyOrderEntriesOf(Map.of("external_host", "10.1.2.3", "scheme", "http"));
    assertThat(out.state().unitStatus().message()).endsWith(" log-senders=1");
  }

  @Test
  void aScrapeBagThatDoesNotValidateIsAStatusNamingItsRelationNotAFailedHook() {
    State state =
        State.builder()
            .relation(
                relation("metrics-endpoint", 4, "tempo")
                    .withRemoteAppData(Map.of("scrape_jobs", "not json")))
            .build();

    Outcome out = run(state);

    assertThat(out.state().unitStatus().name()).isEqualTo(StatusName.BLOCKED);
    assertThat(out.state().unitStatus().message())
        .contains("relation metrics-endpoint:4, application tempo");
  }

  @Test
  void aProviderThatWroteNothingYetIsNotAProblem() {
    State state = State.builder().relation(relation("grafana-dashboard", 5, "tempo")).build();

    assertThat(run(state).state().unitStatus())
        .isEqualTo(
            Status.active(
                "jobs=0 rule-groups=0 unit-addresses=0 dashboards=0 traces=none log-senders=0"));
  }
}
