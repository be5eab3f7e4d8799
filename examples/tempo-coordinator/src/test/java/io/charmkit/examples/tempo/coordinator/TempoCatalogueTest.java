package io.charmkit.examples.tempo.coordinator;

import static io.charmkit.examples.tempo.coordinator.Cluster.leaderWith;
import static io.charmkit.examples.tempo.coordinator.Cluster.s3Ready;
import static io.charmkit.examples.tempo.coordinator.Cluster.with;
import static io.charmkit.examples.tempo.coordinator.Cluster.worker;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code catalogue} endpoint: the leader lists Tempo in every catalogue once it is coherent.
 */
class TempoCatalogueTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final Context CTX =
      new Context(
              fw ->
                  new TempoCoordinatorCharm(
                      fw,
                      TlsSource.NONE,
                      Cluster.host("tempo-0.tempo-endpoints.cos.svc.cluster.local")),
              METADATA)
          .withAppName("tempo");

  private static Relation catalogue(int id) {
    return Relation.of("catalogue").withId(id).withRemoteApp("catalogue");
  }

  private static Map<String, String> bag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localAppData();
  }

  @Test
  void theLeaderPublishesTheEntryThePythonCoordinatorPublishes() {
    State state = leaderWith(worker(1, "tempo-worker", "all", 3), s3Ready(), catalogue(60));
    String base = "http://tempo." + state.modelName() + ".svc.cluster.local:3200";

    Outcome out = CTX.run(Event.relationJoined(state.relation(60).orElseThrow()), state);

    assertThat(bag(out, 60))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "name", "Tempo (tempo)",
                "description",
                    "Tempo is a distributed tracing backend by Grafana, supporting Jaeger, Zipkin,"
                        + " and OpenTelemetry protocols.",
                "icon", "transit-connection-variant",
                "api_docs", "https://grafana.com/docs/tempo/latest/api_docs/",
                "api_endpoints",
                    "{\"Search traces\": \""
                        + base
                        + "/api/search?<params>\", \"Query traces (by ID)\": \""
                        + base
                        + "/api/traces/<traceID>\", \"Status\": \""
                        + base
                        + "/status\"}"));
  }

  @Test
  void nothingIsPublishedWhileTheClusterIsIncomplete() {
    Outcome out = CTX.run(Event.updateStatus(), leaderWith(s3Ready(), catalogue(60)));

    assertThat(bag(out, 60)).isEmpty();
  }

  @Test
  void aFollowerPublishesNothing() {
    State state =
        with(false, List.of(worker(1, "tempo-worker", "all", 3), s3Ready(), catalogue(60)));

    Outcome out = CTX.run(Event.updateStatus(), state);

    assertThat(bag(out, 60)).isEmpty();
  }
}
