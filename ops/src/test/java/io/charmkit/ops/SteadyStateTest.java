package io.charmkit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.framework.Event;
import io.charmkit.ops.framework.EventSource;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.HookTools;
import io.charmkit.ops.inputs.SteadyState;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Status;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steady-state fast path of ops through whole dispatches of a small reconciling charm: what is
 * recorded (only after a quiet, committed dispatch), which events may skip, and the inputs the
 * bases' own tests cannot reach (the charm build, secret revisions, a failed hook).
 */
class SteadyStateTest {
  @TempDir Path charmDir;

  private final FakeTools fake = new FakeTools();
  private final Fixture.MemoryStore store = new Fixture.MemoryStore();
  private final AtomicInteger fullRuns = new AtomicInteger();
  private final Map<String, String> secret = new HashMap<>(Map.of("key", "v1"));
  private final List<String> refreshes = new ArrayList<>();
  private boolean fail;
  private boolean write;

  /** The fake tools, with a secret whose content the test changes (a new revision). */
  private HookTools tools() {
    return (HookTools)
        Proxy.newProxyInstance(
            HookTools.class.getClassLoader(),
            new Class<?>[] {HookTools.class},
            (proxy, method, args) -> {
              if (method.getName().equals("secretGet")) {
                if ((boolean) args[2]) {
                  refreshes.add("refresh");
                }
                return Map.copyOf(secret);
              }
              try {
                return method.invoke(fake, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Reads config, the db relation and a secret; writes only when told to. */
  final class Reconciler extends Charm {
    private final SteadyState steady;

    Reconciler(Framework framework) {
      super(framework);
      steady = new SteadyState(this, List::of);
      for (EventSource<? extends Event> source : on().everyHook()) {
        observe(source, e -> reconcile());
      }
      observe(
          on().collectUnitStatus(),
          e -> {
            List<Status> statuses =
                steady.unchanged()
                    ? steady.recordedStatuses()
                    : List.of(Status.active("name " + model().config().string("name").orElse("")));
            steady.statuses(statuses);
            statuses.forEach(e::addStatus);
          });
    }

    private void reconcile() {
      if (steady.unchanged()) {
        return;
      }
      fullRuns.incrementAndGet();
      model().config().string("name");
      for (Relation db : model().relations("db")) {
        db.app().ifPresent(app -> db.data(app).asMap());
        if (write) {
          db.localUnitData().put("written", "yes");
        }
      }
      model().secret("secret:abc", true).content();
      if (fail) {
        throw new IllegalStateException("a charm bug");
      }
    }
  }

  private DispatchResult updateStatus() {
    return dispatch(Fixture.env("hooks/update-status"));
  }

  private DispatchResult dispatch(Map<String, String> env) {
    env.put("JUJU_CHARM_DIR", charmDir.toString());
    return Dispatcher.run(
        io.charmkit.ops.context.JujuContext.fromEnvironment(env),
        Fixture.META,
        tools(),
        Fixture.NO_PEBBLE,
        store,
        Reconciler::new);
  }

  @BeforeEach
  void relate() throws IOException {
    fake.relation("db", 3, "pg/0");
    fake.bag(3, "pg").put("host", "db.local");
    Files.writeString(charmDir.resolve("dispatch"), "build_key=aaaa\n");
  }

  /** A quiet update-status that recorded its inputs, then one that skipped. */
  private void steady() {
    assertThat(updateStatus().succeeded()).isTrue();
    int before = fullRuns.get();
    assertThat(updateStatus().succeeded()).isTrue();
    assertThat(fullRuns.get()).as("the second dispatch skipped").isEqualTo(before);
  }

  @Test
  void aQuietDispatchIsRecordedAndTheNextIdenticalOneSkipsWithTheSameStatus() {
    updateStatus();
    assertThat(fullRuns.get()).isEqualTo(1);
    int calls = fake.calls.size();
    int saves = store.saves;

    updateStatus();

    assertThat(fullRuns.get()).isEqualTo(1);
    assertThat(fake.statusSets).hasSize(2);
    assertThat(fake.statusSets.get(1)).isEqualTo(fake.statusSets.get(0));
    // Same reads (replayed), one status-set, nothing written, nothing saved.
    assertThat(fake.calls.size() - calls).isEqualTo(calls);
    assertThat(fake.callsOf("relation-set")).isEmpty();
    assertThat(store.saves).isEqualTo(saves);
  }

  @Test
  void aNewCharmBuildInvalidatesIt() throws IOException {
    steady();
    Files.writeString(charmDir.resolve("dispatch"), "build_key=aaab\n");
    updateStatus();
    assertThat(fullRuns.get()).isEqualTo(2);
    Files.writeString(charmDir.resolve("version"), "2\n");
    updateStatus();
    assertThat(fullRuns.get()).isEqualTo(3);
  }

  @Test
  void aNewSecretRevisionInvalidatesIt() {
    steady();
    int refreshed = refreshes.size();
    secret.put("key", "v2");
    updateStatus();
    assertThat(fullRuns.get()).isEqualTo(2);
    // The replay stopped at the changed answer and the charm's own --refresh was remembered: one
    // refresh for the dispatch, as without the fast path.
    assertThat(refreshes.size() - refreshed).isEqualTo(1);
  }

  @Test
  void aFailedHookRecordsNothing() {
    fail = true;
    assertThat(updateStatus().succeeded()).isFalse();
    fail = false;
    updateStatus();
    assertThat(fullRuns.get()).as("no record from the failed dispatch").isEqualTo(2);
  }

  @Test
  void aDispatchThatWritesRecordsNothing() {
    write = true;
    updateStatus();
    fake.bag(3, "demo/0").clear(); // Juju lost the write: it must be made again
    updateStatus();
    assertThat(fullRuns.get()).isEqualTo(2);
    assertThat(fake.callsOf("relation-set")).hasSize(2);
  }

  @Test
  void membershipAndTheRemoteBagInvalidateIt() {
    steady();
    fake.bag(3, "pg").put("host", "db.locaL");
    updateStatus();
    assertThat(fullRuns.get()).isEqualTo(2);
    updateStatus();
    fake.relationUnits.put(3, List.of("pg/0", "pg/1"));
    updateStatus();
    assertThat(fullRuns.get()).isEqualTo(3);
  }

  @Test
  void onlyEventsWhoseEveryInputIsHashedSkip() {
    Map<String, Map<String, String>> never =
        Map.of(
            "install", Fixture.env("hooks/install"),
            "upgrade-charm", Fixture.env("hooks/upgrade-charm"),
            "departed", Fixture.relationEnv("relation-departed", "db", 3, "pg", "pg/0"),
            "broken", Fixture.relationEnv("relation-broken", "db", 3, "pg", null));
    never.forEach(
        (name, env) -> {
          env.put("JUJU_DEPARTING_UNIT", "pg/0");
          int before = fullRuns.get();
          dispatch(new HashMap<>(env));
          dispatch(new HashMap<>(env));
          assertThat(fullRuns.get()).as(name).isEqualTo(before + 2);
        });
    Map<String, String> changed = Fixture.relationEnv("relation-changed", "db", 3, "pg", "pg/0");
    dispatch(new HashMap<>(changed));
    int before = fullRuns.get();
    dispatch(new HashMap<>(changed));
    assertThat(fullRuns.get()).isEqualTo(before);
  }
}
