package io.charmkit.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.model.Status;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.HookToolCall;
import io.charmkit.testing.LogLine;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The worker's steady-state fast path through whole dispatches: after a quiet dispatch the same
 * event with the same inputs skips the reconcile (no render, no write, same statuses), and every
 * input class, changed by one byte, makes the worker reconcile in full again.
 */
class WorkerSteadyStateTest {
  private static final String CONFIG_TEXT = "server:\n  http_listen_port: 3200\n";
  private static final String SKIPPED = "inputs are unchanged; skipping the reconcile";
  private static final String CHANGED = "an input changed since the last";
  private static final String RECORDS = "TestWorker/SteadyState[steady-state]/StoredState[inputs]";
  private static final Status ALL_READY = Status.active("(all roles) ready.");

  private final ManualClock clock = new ManualClock();
  private final Map<String, String> env = new HashMap<>();
  private final String[] fqdn = {TestWorker.FQDN};
  private final AtomicInteger renders = new AtomicInteger();
  private final Context ctx =
      new Context(
              fw ->
                  new TestWorker(
                      fw,
                      new HostEnvironment(
                          () -> fqdn[0],
                          env,
                          () -> "127.0.0.1",
                          () -> false,
                          clock,
                          clock.sleeper()),
                      renders::incrementAndGet),
              TestWorker.META)
          .withAppName("test-worker")
          .withLogLevel("DEBUG");

  private static Relation cluster(String workerConfig) {
    Map<String, String> bag =
        new HashMap<>(
            CoordinatorAppData.CODEC.write(CoordinatorAppData.builder(workerConfig).build()));
    bag.values().removeIf(String::isEmpty);
    return Relation.of(TestWorker.ENDPOINT)
        .withRemoteApp("coordinator")
        .withRemoteAppData(bag)
        .withRemoteUnit(0, Map.of());
  }

  private static State initial(Relation cluster) {
    return State.builder()
        .leader(true)
        .relation(cluster)
        .container(
            Container.connected("workload")
                .withExecutables("/bin/workload")
                .withExec(TestWorker.UPDATE_CA))
        .build();
  }

  private static boolean logged(Outcome out, String text) {
    return out.jujuLog().stream().map(LogLine::message).anyMatch(m -> m.contains(text));
  }

  private static List<HookToolCall> writes(Outcome out) {
    return out.hookToolCalls().stream()
        .filter(
            c ->
                List.of("relation-set", "open-port", "close-port", "secret-set", "secret-grant")
                    .contains(c.tool()))
        .toList();
  }

  /** Runs {@code event} until a dispatch writes nothing; returns that quiet dispatch. */
  private Outcome settle(Event event, State state) {
    Outcome out = ctx.run(event, state);
    for (int i = 0; i < 4 && !writes(out).isEmpty(); i++) {
      out = ctx.run(event, out.state());
    }
    assertThat(writes(out)).as("settled").isEmpty();
    return out;
  }

  /** A quiet update-status (which recorded its inputs) on a ready, running worker. */
  private Outcome steady(Relation cluster) {
    Outcome quiet = settle(Event.updateStatus(), initial(cluster));
    assertThat(quiet.unitStatus()).isEqualTo(ALL_READY);
    return quiet;
  }

  @Test
  void inATrueSteadyStateTheReconcileIsSkippedWithNoRenderNoWriteAndNoExtraToolCall() {
    Relation rel = cluster(CONFIG_TEXT);
    Outcome full = steady(rel);
    assertThat(logged(full, SKIPPED)).isFalse();

    int before = renders.get();
    Outcome skipped = ctx.run(Event.updateStatus(), full.state());

    assertThat(logged(skipped, SKIPPED)).isTrue();
    assertThat(renders.get()).as("layer renders in the skipped dispatch").isEqualTo(before);
    assertThat(writes(skipped)).isEmpty();
    assertThat(skipped.hookToolCalls().size()).isLessThanOrEqualTo(full.hookToolCalls().size());
    assertThat(skipped.unitStatus()).isEqualTo(full.unitStatus());
    assertThat(skipped.callsOf("status-set")).hasSize(1);
    assertThat(skipped.state()).isEqualTo(full.state());

    // And it stays skipped: the record is left as it was.
    Outcome again = ctx.run(Event.updateStatus(), skipped.state());
    assertThat(logged(again, SKIPPED)).isTrue();
  }

  /** Runs update-status on the steady state changed by {@code change}: it must reconcile. */
  private Outcome afterChange(UnaryOperator<State> change) {
    Outcome full = steady(cluster(CONFIG_TEXT));
    int before = renders.get();
    Outcome out = ctx.run(Event.updateStatus(), change.apply(full.state()));
    assertThat(logged(out, SKIPPED)).as("skipped after the change").isFalse();
    assertThat(renders.get()).as("the reconcile rendered the layer").isGreaterThan(before);
    return out;
  }

  private static State withCluster(State state, UnaryOperator<Relation> change) {
    Relation rel = state.relations(TestWorker.ENDPOINT).get(0);
    return state.toBuilder().relation(change.apply(rel)).build();
  }

  @Test
  void oneByteOfTheCoordinatorsBagInvalidatesIt() {
    String changed = CONFIG_TEXT.replace("3200", "3201");
    Outcome out =
        afterChange(
            s ->
                withCluster(
                    s,
                    r -> {
                      Map<String, String> bag = new HashMap<>(r.remoteAppData());
                      bag.put("worker_config", bag.get("worker_config").replace("3200", "3201"));
                      return r.withRemoteAppData(bag);
                    }));
    assertThat(logged(out, CHANGED)).isTrue();
    assertThat(out.state().container("workload").orElseThrow().files())
        .containsEntry(WorkerFiles.CONFIG, changed);
  }

  @Test
  void oneByteOfThisUnitsOwnBagInvalidatesIt() {
    Outcome out =
        afterChange(
            s ->
                withCluster(
                    s,
                    r -> {
                      Map<String, String> bag = new HashMap<>(r.localUnitData());
                      bag.put("address", bag.get("address").replace("test", "tesT"));
                      return r.withLocalUnitData(bag);
                    }));
    // The reconcile puts its address back.
    assertThat(out.callsOf("relation-set")).hasSize(1);
    assertThat(out.state().relations(TestWorker.ENDPOINT).get(0).localUnitData())
        .containsEntry("address", "\"" + TestWorker.FQDN + "\"");
  }

  @Test
  void configInvalidatesIt() {
    Outcome out = afterChange(s -> s.toBuilder().config("log-level", "infO").build());
    assertThat(out.unitStatus()).isEqualTo(ALL_READY);
  }

  @Test
  void leadershipInvalidatesIt() {
    afterChange(s -> s.toBuilder().leader(false).build());
  }

  @Test
  void aUnitJoiningOrLeavingInvalidatesIt() {
    afterChange(s -> withCluster(s, r -> r.withRemoteUnit(1, Map.of())));
    afterChange(s -> withCluster(s, r -> r.withRemoteUnitsData(Map.of())));
  }

  @Test
  void theWorkloadsFilesAndServicesInvalidateIt() {
    Outcome edited =
        afterChange(
            s ->
                s.toBuilder()
                    .container(
                        s.container("workload")
                            .orElseThrow()
                            .withFile(WorkerFiles.CONFIG, CONFIG_TEXT.replace("3200", "3201")))
                    .build());
    assertThat(edited.state().container("workload").orElseThrow().files())
        .containsEntry(WorkerFiles.CONFIG, CONFIG_TEXT);

    Outcome stopped =
        afterChange(
            s ->
                s.toBuilder()
                    .container(
                        s.container("workload")
                            .orElseThrow()
                            .withServiceStatus("workload", "inactive"))
                    .build());
    assertThat(stopped.state().container("workload").orElseThrow().serviceStatuses())
        .containsEntry("workload", "active");
  }

  @Test
  void theHostFactsInvalidateIt() {
    afterChange(
        s -> {
          env.put("JUJU_CHARM_HTTP_PROXY", "http://proxy:3128");
          return s;
        });
    env.clear();
    Outcome moved =
        afterChange(
            s -> {
              fqdn[0] = "other-0.test-worker-endpoints.test.svc.cluster.local";
              return s;
            });
    assertThat(moved.state().relations(TestWorker.ENDPOINT).get(0).localUnitData())
        .containsEntry("address", "\"other-0.test-worker-endpoints.test.svc.cluster.local\"");
  }

  @Test
  void storedStateClearedOrCorruptOnlyCostsAFullReconcile() {
    afterChange(s -> s.toBuilder().storedState(RECORDS, "").build());
    Outcome corrupt = afterChange(s -> s.toBuilder().storedState(RECORDS, "7:garbage").build());
    // The full reconcile recorded again, so the next one skips.
    Outcome next = ctx.run(Event.updateStatus(), corrupt.state());
    assertThat(logged(next, SKIPPED)).isTrue();
  }

  @Test
  void anotherStoredValueInvalidatesIt() {
    afterChange(s -> s.toBuilder().storedState("Other/StoredState[x]", "1").build());
  }

  @Test
  void eachEventHasItsOwnRecordAndInstallNeverSkips() {
    Outcome full = steady(cluster(CONFIG_TEXT));
    Outcome config = ctx.run(Event.configChanged(), full.state());
    assertThat(logged(config, SKIPPED)).isFalse();
    Outcome configAgain = ctx.run(Event.configChanged(), config.state());
    assertThat(logged(configAgain, SKIPPED)).isTrue();
    // update-status's record survived config-changed's.
    assertThat(logged(ctx.run(Event.updateStatus(), configAgain.state()), SKIPPED)).isTrue();

    Outcome install = ctx.run(Event.install(), configAgain.state());
    Outcome install2 = ctx.run(Event.install(), install.state());
    assertThat(logged(install2, SKIPPED)).isFalse();
  }

  @Test
  void aDispatchThatWroteRecordsNothing() {
    Outcome first = ctx.run(Event.updateStatus(), initial(cluster(CONFIG_TEXT)));
    assertThat(writes(first)).isNotEmpty();
    assertThat(first.state().storedState(RECORDS, String.class)).isEmpty();
  }
}
