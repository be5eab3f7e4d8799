package io.charmkit.testing;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.ExecException;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.PebbleApiException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.testing.junit.CharmTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A charm running commands in its workload, answered by the state's scripted exec results. */
@CharmTest(charm = ExecThroughStateTest.Workload.class, metadata = "/charms/demo")
class ExecThroughStateTest {

  /** Asks the workload for its version, migrates its schema, and reports what happened. */
  static final class Workload extends Charm {
    Workload(Framework framework) {
      super(framework);
      observe(on().pebbleReady("workload"), e -> version());
      observe(on().configChanged(), e -> migrate());
      observe(on().upgradeCharm(), e -> pebble().exec(ExecRequest.of("not-scripted")));
    }

    private PebbleClient pebble() {
      return model().container("workload").pebble();
    }

    private void version() {
      String version = pebble().exec(ExecRequest.of("demo", "--version")).stdoutText().strip();
      unit().setStatus(Status.active("demo " + version));
    }

    private void migrate() {
      try {
        pebble()
            .exec(
                ExecRequest.of("demo-sql-tool", "setup-schema", "--db", "main")
                    .withEnvironment(Map.of("SQL_PASSWORD", "s3cret"))
                    .withStdin("CREATE TABLE t;\n"));
        unit().setStatus(Status.active("schema ready"));
      } catch (ExecException e) {
        unit()
            .setStatus(Status.blocked("schema: exit " + e.exitCode() + ": " + e.stderr().strip()));
      }
    }
  }

  @Test
  void theLongestMatchingPrefixAnswersTheCommand(Context ctx) {
    Container workload =
        Container.connected("workload")
            .withExec(ExecResult.ok(List.of("demo"), "generic\n"))
            .withExec(ExecResult.ok(List.of("demo", "--version"), "1.2.3\n"));

    Outcome out = ctx.run(Event.pebbleReady(workload), State.builder().container(workload).build());

    assertThat(out).unitStatus().isEqualTo(Status.active("demo 1.2.3"));
    assertThat(out.execs("workload"))
        .singleElement()
        .satisfies(r -> assertThat(r.command()).containsExactly("demo", "--version"));
  }

  @Test
  void eachExecIsRecordedWithItsEnvironmentAndStdin(Context ctx) {
    Container workload =
        Container.connected("workload")
            .withExec(ExecResult.ok(List.of("demo-sql-tool", "setup-schema"), "done\n"));

    Outcome out = ctx.run(Event.configChanged(), State.builder().container(workload).build());

    assertThat(out).unitStatus().isEqualTo(Status.active("schema ready"));
    ExecRequest call = out.execHistory().get("workload").get(0);
    assertThat(call.command()).containsExactly("demo-sql-tool", "setup-schema", "--db", "main");
    assertThat(call.environment()).containsExactly(Map.entry("SQL_PASSWORD", "s3cret"));
    assertThat(call.stdinText()).isEqualTo("CREATE TABLE t;\n");
  }

  @Test
  void aScriptedNonZeroExitIsAnExecExceptionWithItsStreams(Context ctx) {
    Container workload =
        Container.connected("workload")
            .withExec(ExecResult.failed(List.of("demo-sql-tool"), 2, "database is locked\n"));

    Outcome out = ctx.run(Event.configChanged(), State.builder().container(workload).build());

    assertThat(out).unitStatus().isEqualTo(Status.blocked("schema: exit 2: database is locked"));
    assertThat(out.execs("workload")).hasSize(1);
  }

  @Test
  void anUnscriptedCommandFailsAsAMissingExecutable(Context ctx) {
    State in = State.builder().container(Container.connected("workload")).build();

    UncaughtCharmException e =
        catchThrowableOfType(UncaughtCharmException.class, () -> ctx.run(Event.upgradeCharm(), in));

    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            PebbleApiException.class,
            p -> {
              assertThat(p.statusCode()).isEqualTo(400);
              assertThat(p.apiMessage()).isEqualTo("cannot find executable \"not-scripted\"");
            });
    assertThat(e.outcome().execHistory()).isEmpty();
  }

  @Test
  void aContainerWhereNothingRanHasNoHistory(Context ctx) {
    Outcome out =
        ctx.run(
            Event.updateStatus(),
            State.builder().container(Container.connected("workload")).build());

    assertThat(out.execHistory()).isEmpty();
    assertThat(out.execs("workload")).isEmpty();
  }
}
