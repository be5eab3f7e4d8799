package io.charmkit.examples.tempo.coordinator;

import static io.charmkit.examples.tempo.coordinator.Cluster.leaderWith;
import static io.charmkit.examples.tempo.coordinator.Cluster.s3Ready;
import static io.charmkit.examples.tempo.coordinator.Cluster.worker;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.LogTarget;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.LogLine;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code logging} endpoint (loki_push_api requirer): the coordinator's own containers forward
 * their logs to every Loki unit through Pebble log targets, as {@code LogForwarder} does; the
 * workers get the same units as {@code loki_endpoints}; bad Loki data is skipped and named.
 */
class CoordinatorLoggingTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final Context CTX =
      new Context(TempoCoordinatorCharm::new, METADATA).withAppName("tempo");
  private static final String LOKI_0 =
      "http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push";
  private static final String LOKI_1 =
      "http://loki-1.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push";

  /** A Loki application whose units wrote their {@code endpoint} as the Python provider does. */
  private static Relation loki(int id, String... endpoints) {
    Map<Integer, Map<String, String>> units = new LinkedHashMap<>();
    for (int n = 0; n < endpoints.length; n++) {
      units.put(n, Map.of("endpoint", endpoints[n]));
    }
    return Relation.of("logging").withId(id).withRemoteApp("loki").withRemoteUnitsData(units);
  }

  private static String json(String url) {
    return "{\"url\": \"" + url + "\"}";
  }

  private static Map<String, LogTarget> targets(Outcome out, String container) {
    return out.state().container(container).orElseThrow().plan().logTargets();
  }

  private static LogTarget enabled(State state, String url) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("product", "Juju");
    labels.put("charm", "tempo-coordinator-k8s");
    labels.put("juju_model", state.modelName());
    labels.put("juju_model_uuid", state.modelUuid());
    labels.put("juju_application", "tempo");
    labels.put("juju_unit", "tempo/0");
    labels.put(
        "job", "juju_" + state.modelName() + "_" + state.modelUuid().substring(0, 8) + "_tempo");
    return new LogTarget("replace", "loki", url, List.of("all"), labels);
  }

  private static final LogTarget DISABLED =
      new LogTarget("replace", "loki", "(removed)", List.of("-all"), null);

  @Test
  void everyContainerForwardsToEveryLokiUnitEvenBeforeTheClusterIsComplete() {
    State state = leaderWith(loki(40, json(LOKI_0), json(LOKI_1)));

    Outcome out = CTX.run(Event.relationChanged(state.relation(40).orElseThrow()), state);

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("[consistency] Missing any worker relation."));
    assertThat(out.state().relation(40).orElseThrow().localAppData())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "metadata",
                "{\"model\": \""
                    + state.modelName()
                    + "\", \"model_uuid\": \""
                    + state.modelUuid()
                    + "\", \"application\": \"tempo\", \"unit\": \"tempo/0\","
                    + " \"charm_name\": \"tempo-coordinator-k8s\"}",
                "alert_rules",
                "{}"));
    for (String container : List.of("nginx", "nginx-prometheus-exporter")) {
      assertThat(targets(out, container))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("loki/0", enabled(state, LOKI_0), "loki/1", enabled(state, LOKI_1)));
    }
  }

  @Test
  void theWorkersGetTheSameLokiUnits() {
    State state =
        leaderWith(worker(1, "tempo-worker", "all", 1), s3Ready(), loki(40, json(LOKI_0)));

    Outcome out = CTX.run(Event.updateStatus(), state);

    CoordinatorAppData data =
        CoordinatorAppData.CODEC.read(
            out.state().relation(1).orElseThrow().localAppData(), "relation 1");
    assertThat(data.lokiEndpoints()).containsExactlyEntriesOf(Map.of("loki/0", LOKI_0));
    assertThat(out.state().relation(1).orElseThrow().localAppData())
        .containsEntry("loki_endpoints", "{\"loki/0\": \"" + LOKI_0 + "\"}");
  }

  @Test
  void aLokiUnitThatLeavesIsSwitchedOffAndTheOthersKept() {
    State before = leaderWith(loki(40, json(LOKI_0), json(LOKI_1)));
    Outcome first = CTX.run(Event.updateStatus(), before);

    // Juju no longer lists the departing unit during relation-departed.
    Outcome out =
        CTX.run(Event.relationDeparted(first.state().relation(40).orElseThrow(), 1), first.state());

    assertThat(targets(out, "nginx"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("loki/0", enabled(before, LOKI_0), "loki/1", DISABLED));
  }

  @Test
  void theRelationGoingSwitchesEveryTargetOff() {
    State before = leaderWith(loki(40, json(LOKI_0)));
    Outcome first = CTX.run(Event.updateStatus(), before);

    Outcome out =
        CTX.run(Event.relationBroken(first.state().relation(40).orElseThrow()), first.state());

    assertThat(targets(out, "nginx")).containsExactlyEntriesOf(Map.of("loki/0", DISABLED));
    assertThat(targets(out, "nginx-prometheus-exporter"))
        .containsExactlyEntriesOf(Map.of("loki/0", DISABLED));
  }

  @Test
  void badLokiDataIsSkippedAndNamedNeverAFailedHook() {
    State state =
        leaderWith(
            worker(1, "tempo-worker", "all", 1),
            s3Ready(),
            loki(
                40,
                json(LOKI_0),
                "not json",
                "{\"uri\": \"http://x\"}",
                json("ftp://loki/push"),
                json("")));

    Outcome out = CTX.run(Event.relationChanged(state.relation(40).orElseThrow()), state);

    assertThat(targets(out, "nginx")).containsOnlyKeys("loki/0");
    assertThat(
            CoordinatorAppData.CODEC
                .read(out.state().relation(1).orElseThrow().localAppData(), "")
                .lokiEndpoints())
        .containsOnlyKeys("loki/0");
    List<String> warnings =
        out.jujuLog().stream()
            .filter(l -> l.level().equals("WARNING"))
            .map(LogLine::message)
            .toList();
    assertThat(warnings)
        .anyMatch(m -> m.contains("relation logging:40, unit loki/1, endpoint:"))
        .anyMatch(m -> m.contains("relation logging:40, unit loki/2, endpoint.url:"))
        .anyMatch(m -> m.contains("relation logging:40, unit loki/3, endpoint.url: is not an http"))
        .anyMatch(m -> m.contains("relation logging:40, unit loki/4, endpoint.url: is empty"));
  }
}
