package io.charmkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime as Juju sees it: the packaged probe charm ({@code target/charm/}) is run through its
 * {@code dispatch} script as a process, with the Juju environment and hook-tool executables on
 * {@code PATH}, and judged by the tool calls it makes, what it commits and its exit code.
 */
class PackagedCharmDispatchTest {
  @TempDir Path work;
  private FakeJuju juju;

  @BeforeEach
  void setUp() throws Exception {
    Path packaged = Path.of(System.getProperty("charmkit.charms"), "probe", "target", "charm");
    assertThat(packaged.resolve("dispatch")).isExecutable();
    juju = new FakeJuju(work, packaged);
    juju.answer("is-leader", "true")
        .answer("relation-ids", "[\"db:7\"]")
        .answer("relation-list", "[\"postgresql/0\"]")
        .answer("relation-get", "{}")
        .answer("status-get", "{\"status\": \"unknown\", \"message\": \"\"}");
  }

  @Test
  void aSuccessfulHookWritesEachChangedBagOnceAndCommitsItsState() throws Exception {
    juju.answer("config-get", "{\"greeting\": \"hi there\", \"fail\": false}");

    FakeJuju.Run run = juju.dispatch("config-changed", juju.noEnv());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(juju.calls())
        .contains(
            "relation-ids db --format=json",
            "relation-set -r db:7 --file -",
            "relation-set stdin: {\"greeting\": \"hi there\"}",
            "relation-set -r db:7 --app --file -",
            "relation-set stdin: {\"leader\": \"probe/0\"}",
            "status-set --application=False active -- probing",
            "juju-log --log-level INFO -- configured; 1 config changes so far")
        .containsOnlyOnce("is-leader --format=json", "config-get --format=json");
    assertThat(Files.readString(juju.charmDir.resolve(".charmkit-state.json")))
        .contains("\"ProbeCharm/StoredState[counters]\":{\"configChanges\":1}");
  }

  @Test
  void aHookThatThrowsCommitsNothingLogsTheErrorAndExitsNonZero() throws Exception {
    juju.answer("config-get", "{\"greeting\": \"hi\", \"fail\": true}");

    FakeJuju.Run run = juju.dispatch("config-changed", juju.noEnv());

    assertThat(run.exitCode()).isNotZero();
    assertThat(juju.calls()).noneMatch(c -> c.startsWith("relation-set"));
    assertThat(juju.calls()).noneMatch(c -> c.startsWith("status-set"));
    assertThat(juju.calls())
        .contains(
            "juju-log --log-level ERROR -- hook config-changed failed; nothing was committed",
            "java.lang.IllegalStateException: asked to fail by the 'fail' option");
    assertThat(juju.charmDir.resolve(".charmkit-state.json")).doesNotExist();
  }

  @Test
  void aLegacyHookLinkRunsTheSameCharm() throws Exception {
    juju.answer("config-get", "{}");
    FakeJuju.Run run = juju.dispatch("install", juju.noEnv());
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(juju.charmDir.resolve("hooks/install")).isSymbolicLink();
    assertThat(juju.calls()).contains("status-set --application=False active -- probing");
  }

  @Test
  void withoutTheJujuEnvironmentItSaysWhichVariableIsMissing() throws Exception {
    FakeJuju.Run run = juju.dispatch("install", java.util.Map.of("JUJU_MODEL_UUID", ""));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output()).contains("JUJU_MODEL_UUID is not set");
  }
}
