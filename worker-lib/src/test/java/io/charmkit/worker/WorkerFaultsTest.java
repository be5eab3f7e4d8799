package io.charmkit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import io.charmkit.testing.UncaughtCharmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a failing workload is a status, never a failed hook. Each test starts from a state,
 * lets Pebble fail one way, and checks that the hook commits, the unit still publishes what the
 * coordinator needs, the status names the container and Pebble's reason, and the next event tries
 * again.
 */
class WorkerFaultsTest {
  private static final String CONFIG_TEXT = "server:\n  http_listen_port: 3200\n";

  private final ManualClock clock = new ManualClock();
  private final Context ctx =
      new Context(
              fw -> new TestWorker(fw, TestWorker.environment(new HashMap<>(), clock)),
              TestWorker.META)
          .withAppName("test-worker");

  private static Relation cluster() {
    Map<String, String> bag =
        new HashMap<>(
            CoordinatorAppData.CODEC.write(CoordinatorAppData.builder(CONFIG_TEXT).build()));
    bag.values().removeIf(String::isEmpty);
    return Relation.of(TestWorker.ENDPOINT).withRemoteApp("coordinator").withRemoteAppData(bag);
  }

  private static State state(Relation rel, Container container) {
    return State.builder().leader(true).relation(rel).container(container).build();
  }

  private static Container workload(Outcome out) {
    return out.state().container(TestWorker.CONTAINER).orElseThrow();
  }

  /** The unit still told the coordinator who it is. */
  private static void assertPublished(Outcome out, Relation rel) {
    Relation after = out.state().relation(rel.id()).orElseThrow();
    assertThat(after.localAppData()).containsEntry("role", "\"all\"");
    assertThat(after.localUnitData()).containsKeys("address", "juju_topology");
  }

  @Test
  void aMissingExecutableBlocksWithPebblesReasonAndTheHookCommits() {
    Relation rel = cluster();
    Container broken = Container.connected(TestWorker.CONTAINER);

    Outcome out = ctx.run(Event.relationChanged(rel), state(rel, broken));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "[workload] service \"workload\" failed to start:"
                    + " fork/exec /bin/workload: no such file or directory"));
    assertPublished(out, rel);
    assertThat(workload(out).files()).containsEntry(WorkerFiles.CONFIG, CONFIG_TEXT);
    assertThat(workload(out).serviceStatuses()).containsEntry("workload", "inactive");
    // Bounded: four attempts, three one-second waits, never the Python worker's 5 minutes.
    assertThat(out.unitStatusHistory())
        .contains(Status.maintenance("restarting... (attempt #4)"))
        .doesNotContain(Status.maintenance("restarting... (attempt #5)"));
  }

  @Test
  void theNextEventStartsTheWorkloadOnceTheImageIsFixed() {
    Relation rel = cluster();
    Container broken = Container.connected(TestWorker.CONTAINER);
    Outcome failed = ctx.run(Event.relationChanged(rel), state(rel, broken));
    Container before = workload(failed);
    Container fixed = before.withExecutables("/bin/workload").withExec(TestWorker.UPDATE_CA);

    Outcome out =
        ctx.run(Event.updateStatus(), failed.state().toBuilder().container(fixed).build());

    assertThat(workload(out).serviceStatuses()).containsEntry("workload", "active");
    assertThat(out.unitStatus()).isEqualTo(Status.active("(all roles) ready."));
  }

  @Test
  void whileTheImageIsBrokenEveryEventTriesAgainAndStaysBlocked() {
    Relation rel = cluster();
    Container broken = Container.connected(TestWorker.CONTAINER);
    Outcome first = ctx.run(Event.relationChanged(rel), state(rel, broken));

    Outcome second = ctx.run(Event.updateStatus(), first.state());

    assertThat(second.unitStatusHistory())
        .contains(Status.maintenance("restarting... (attempt #1)"));
    assertThat(second.unitStatus().name()).isEqualTo(Status.blocked("").name());
    assertThat(second.unitStatus().message()).startsWith("[workload] service \"workload\"");
  }

  @Test
  void aPushThatFailsBlocksNamingTheFileAndTheHookCommits() {
    Relation rel = cluster();
    // /etc/worker is a file, so nothing can be written under it.
    Container container =
        Container.connected(TestWorker.CONTAINER)
            .withExecutables("/bin/workload")
            .withExec(TestWorker.UPDATE_CA)
            .withFile("/etc/worker", "not a directory");

    Outcome out = ctx.run(Event.relationChanged(rel), state(rel, container));

    assertThat(out.unitStatus().name()).isEqualTo(Status.blocked("").name());
    assertThat(out.unitStatus().message()).startsWith("[workload] cannot write ");
    assertPublished(out, rel);
    assertThat(workload(out).files()).containsOnlyKeys("/etc/worker");
  }

  @Test
  void aPullThatFailsBlocksNamingTheFileAndTheHookCommits() {
    Relation rel = cluster();
    // The config path is a directory: Pebble cannot read it as a file.
    Container container =
        Container.connected(TestWorker.CONTAINER)
            .withExecutables("/bin/workload")
            .withExec(TestWorker.UPDATE_CA)
            .withFile(WorkerFiles.CONFIG + "/x", "");

    Outcome out = ctx.run(Event.relationChanged(rel), state(rel, container));

    assertThat(out.unitStatus().name()).isEqualTo(Status.blocked("").name());
    assertThat(out.unitStatus().message())
        .startsWith("[workload] cannot write " + WorkerFiles.CONFIG + ": ");
    assertPublished(out, rel);
  }

  @Test
  void anUnreachablePebbleWaitsAndStillPublishes() {
    Relation rel = cluster();

    Outcome out =
        ctx.run(
            Event.relationChanged(rel), state(rel, Container.disconnected(TestWorker.CONTAINER)));

    assertThat(out.unitStatus()).isEqualTo(Status.waiting("Waiting for `workload` container"));
    assertPublished(out, rel);
  }

  @Test
  void aDownCheckBlocksAndTheHookCommits() {
    Relation rel = cluster();
    Outcome first =
        ctx.run(
            Event.relationChanged(rel),
            state(
                rel,
                Container.connected(TestWorker.CONTAINER)
                    .withExecutables("/bin/workload")
                    .withExec(TestWorker.UPDATE_CA)));
    Container down = workload(first).withCheckStatus("ready", "down");

    Outcome out = ctx.run(Event.updateStatus(), first.state().toBuilder().container(down).build());

    assertThat(out.unitStatus()).isEqualTo(Status.blocked("Pebble check [ready] is 'DOWN'."));
  }

  @Test
  void aCharmsOwnBugStillFailsTheHook() {
    Context buggy =
        new Context(
            fw ->
                new TestWorkerWithBug(
                    fw, TestWorker.environment(new HashMap<>(), new ManualClock())),
            TestWorker.META);
    Relation rel = cluster();

    UncaughtCharmException failure =
        catchThrowableOfType(
            UncaughtCharmException.class,
            () ->
                buggy.run(
                    Event.relationChanged(rel),
                    state(
                        rel,
                        Container.connected(TestWorker.CONTAINER)
                            .withExecutables("/bin/workload")
                            .withExec(TestWorker.UPDATE_CA))));

    assertThat(failure).hasRootCauseInstanceOf(IllegalStateException.class);
  }

  /** A worker whose layer code is broken: a bug, which must fail the hook. */
  private static final class TestWorkerWithBug extends WorkerCharm {
    TestWorkerWithBug(Framework framework, HostEnvironment environment) {
      super(framework, TestWorker.CONTAINER, TestWorker.ENDPOINT, environment);
    }

    @Override
    protected Optional<Layer> layer() {
      throw new IllegalStateException("a bug in the charm's layer code");
    }
  }
}
