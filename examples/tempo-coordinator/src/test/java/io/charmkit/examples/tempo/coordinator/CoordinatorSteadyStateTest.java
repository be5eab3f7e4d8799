package io.charmkit.examples.tempo.coordinator;

import static io.charmkit.examples.tempo.coordinator.Cluster.leaderWith;
import static io.charmkit.examples.tempo.coordinator.Cluster.s3Ready;
import static io.charmkit.examples.tempo.coordinator.Cluster.unitBag;
import static io.charmkit.examples.tempo.coordinator.Cluster.worker;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.nginx.NginxFiles;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.HookToolCall;
import io.charmkit.testing.LogLine;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The coordinator base's steady-state fast path, on the Tempo coordinator and its benchmark event
 * ({@code tempo-cluster-relation-changed}): a repeated event with the same inputs skips gathering,
 * validation and rendering, writes nothing and sets the same status; each input class, changed by
 * one byte, brings the full reconcile back.
 */
class CoordinatorSteadyStateTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final Context CTX =
      new Context(TempoCoordinatorCharm::new, METADATA).withAppName("tempo").withLogLevel("DEBUG");
  private static final String SKIPPED = "inputs are unchanged; skipping the reconcile";
  private static final String RENDERED = "nginx";
  private static final String RECORDS =
      "TempoCoordinatorCharm/SteadyState[steady-state]/StoredState[inputs]";

  private static boolean logged(Outcome out, String text) {
    return out.jujuLog().stream().map(LogLine::message).anyMatch(m -> m.contains(text));
  }

  private static List<HookToolCall> writes(Outcome out) {
    return out.hookToolCalls().stream()
        .filter(c -> List.of("relation-set", "open-port", "close-port").contains(c.tool()))
        .toList();
  }

  private static Event changed(State state) {
    return Event.relationChanged(state.relation(1).orElseThrow(), 0);
  }

  /** The benchmark's event, repeated until a dispatch writes nothing (it records its inputs). */
  private static Outcome steady() {
    State state = leaderWith(worker(1, "tempo-worker", "all", 3), s3Ready());
    Outcome out = CTX.run(changed(state), state);
    for (int i = 0; i < 4 && !writes(out).isEmpty(); i++) {
      out = CTX.run(changed(out.state()), out.state());
    }
    assertThat(writes(out)).as("settled").isEmpty();
    assertThat(logged(out, SKIPPED)).isFalse();
    return out;
  }

  private static String nginxConfig(Outcome out) {
    return out.state().container("nginx").orElseThrow().files().get(NginxFiles.CONFIG);
  }

  @Test
  void aRepeatedEventWithTheSameInputsSkipsTheReconcile() {
    Outcome full = steady();

    Outcome skipped = CTX.run(changed(full.state()), full.state());

    assertThat(logged(skipped, SKIPPED)).isTrue();
    // Neither the gate's complaint nor the under-scaled warning nor nginx's reconcile ran.
    assertThat(skipped.jujuLog().stream().map(LogLine::message))
        .noneMatch(m -> m.startsWith("role ") || m.contains("Incoherent"));
    assertThat(writes(skipped)).isEmpty();
    assertThat(skipped.hookToolCalls().size()).isLessThanOrEqualTo(full.hookToolCalls().size());
    assertThat(skipped.callsOf("status-set")).hasSize(1);
    assertThat(skipped.unitStatus()).isEqualTo(full.unitStatus());
    assertThat(skipped.state()).isEqualTo(full.state());
  }

  /** Runs the event on the steady state changed by {@code change}: it must reconcile. */
  private static Outcome afterChange(UnaryOperator<State> change) {
    Outcome full = steady();
    State changed = change.apply(full.state());
    Outcome out = CTX.run(changed(changed), changed);
    assertThat(logged(out, SKIPPED)).as("skipped after the change").isFalse();
    // The base said why it reconciled: a changed input, or no (readable) record.
    assertThat(
            logged(out, "an input changed since the last") || logged(out, "nothing recorded for"))
        .isTrue();
    return out;
  }

  private static State withRelation(State state, int id, UnaryOperator<Relation> change) {
    return state.toBuilder().relation(change.apply(state.relation(id).orElseThrow())).build();
  }

  @Test
  void oneByteOfAWorkerUnitsBagInvalidatesIt() {
    Outcome out =
        afterChange(
            s ->
                withRelation(
                    s,
                    1,
                    r -> {
                      Map<Integer, Map<String, String>> units = new LinkedHashMap<>();
                      r.remoteUnitsData().forEach((n, bag) -> units.put(n, bag));
                      Map<String, String> bag = new HashMap<>(unitBag("tempo-worker", 2));
                      bag.put("address", bag.get("address").replace("-2.", "-9."));
                      units.put(2, bag);
                      return r.withRemoteUnitsData(units);
                    }));
    assertThat(nginxConfig(out)).contains("tempo-worker-9.");
  }

  @Test
  void oneByteOfAnApplicationBagInvalidatesIt() {
    Outcome out =
        afterChange(
            s ->
                withRelation(
                    s,
                    90,
                    r -> {
                      Map<String, String> bag = new HashMap<>(r.remoteAppData());
                      bag.put("secret-key", "s3cr3T");
                      return r.withRemoteAppData(bag);
                    }));
    assertThat(out.state().relation(1).orElseThrow().localAppData().get("worker_config"))
        .contains("s3cr3T");
  }

  @Test
  void configAndLeadershipInvalidateIt() {
    afterChange(s -> s.toBuilder().config("retention-period", 721).build());
    Outcome follower = afterChange(s -> s.toBuilder().leader(false).build());
    assertThat(writes(follower)).isEmpty();
  }

  @Test
  void aWorkerUnitJoiningOrLeavingInvalidatesIt() {
    Outcome joined =
        afterChange(s -> withRelation(s, 1, r -> r.withRemoteUnit(3, unitBag("tempo-worker", 3))));
    assertThat(nginxConfig(joined)).contains("tempo-worker-3.");
    Outcome left =
        afterChange(
            s ->
                withRelation(
                    s,
                    1,
                    r -> {
                      Map<Integer, Map<String, String>> units =
                          new LinkedHashMap<>(r.remoteUnitsData());
                      units.remove(2);
                      return r.withRemoteUnitsData(units);
                    }));
    assertThat(nginxConfig(left)).doesNotContain("tempo-worker-2.");
  }

  @Test
  void theWorkloadsFilesInvalidateIt() {
    Outcome out =
        afterChange(
            s ->
                s.toBuilder()
                    .container(
                        s.container(RENDERED)
                            .orElseThrow()
                            .withFile(NginxFiles.CONFIG, "events {}\n"))
                    .build());
    assertThat(nginxConfig(out)).contains("tempo-worker-0.");
  }

  @Test
  void storedStateClearedOrCorruptOnlyCostsAFullReconcile() {
    afterChange(s -> s.toBuilder().storedState(RECORDS, "").build());
    Outcome corrupt = afterChange(s -> s.toBuilder().storedState(RECORDS, "9:not-valid").build());
    assertThat(logged(corrupt, "the stored records cannot be read")).isTrue();
    Outcome next = CTX.run(changed(corrupt.state()), corrupt.state());
    assertThat(logged(next, SKIPPED)).isTrue();
  }
}
