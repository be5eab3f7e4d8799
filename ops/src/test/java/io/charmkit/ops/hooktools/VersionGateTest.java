package io.charmkit.ops.hooktools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProcessHookTools} refuses a tool the agent's {@code JUJU_VERSION} lacks before any process
 * runs, with a message that names the alternative, even when an executable of that name is on
 * {@code PATH} (as here: the fake tools directory has every tool). So every run under a Juju 3
 * {@code JUJU_VERSION} (the e2e tests, the embedded Juju) fails loudly on a Juju 2-only call.
 */
class VersionGateTest {
  @TempDir Path dir;
  FakeTools fake;

  @BeforeEach
  void setUp() {
    fake = new FakeTools(dir);
  }

  private ProcessHookTools on(String jujuVersion) {
    Map<String, String> env = new HashMap<>(fake.environment());
    env.put("JUJU_VERSION", jujuVersion);
    return new ProcessHookTools(env);
  }

  @Test
  void leaderGetOnJuju3FailsBeforeSpawningAndNamesThePeerRelation() {
    ProcessHookTools tools = on("3.6.14");

    assertThatThrownBy(() -> tools.leaderGet("interface.pgsql"))
        .isInstanceOfSatisfying(
            HookToolException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("hook tool leader-get does not exist on Juju 3.6.14")
                  .contains("peer relation");
              assertThat(e.tool()).isEqualTo("leader-get");
              assertThat(e.exitCode()).isEqualTo(-1);
            });
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void leaderSetOnJuju3FailsBeforeSpawningWithoutShowingTheValues() {
    ProcessHookTools tools = on("3.6.14");

    assertThatThrownBy(() -> tools.leaderSet(Map.of("interface.pgsql", "password: hunter2")))
        .isInstanceOfSatisfying(
            HookToolException.class,
            e -> {
              assertThat(e.getMessage()).contains("Juju 3.0 removed leadership settings");
              assertThat(e.argv()).containsExactly("leader-set", "interface.pgsql=<redacted>");
              assertThat(e.getMessage()).doesNotContain("hunter2");
            });
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void onJuju29TheLeadershipSettingsRunButSecretsAreRefused() {
    fake.stdout("leader-get", "\"x\"");
    ProcessHookTools tools = on("2.9.46");

    assertThat(tools.leaderGet("k")).isEqualTo(Optional.of("x"));
    assertThatThrownBy(() -> tools.secretIds())
        .isInstanceOf(HookToolException.class)
        .hasMessage(
            "hook tool secret-ids does not exist on Juju 2.9.46: secrets arrived in Juju 3.0");
    assertThat(fake.argvs()).containsExactly(List.of("leader-get", "--format=json", "k"));
  }

  @Test
  void toolsTheVersionHasRunAsBefore() {
    fake.stdout("relation-ids", "[\"db:3\"]");

    assertThat(on("3.6.14").relationIds("db")).containsExactly(3);
    assertThat(fake.calls()).hasSize(1);
  }

  @Test
  void withoutAKnownVersionThePathAloneDecides() {
    fake.stdout("leader-get", "\"x\"");

    assertThat(new ProcessHookTools(fake.environment()).leaderGet("k")).contains("x");
    assertThat(on("0.0.0").leaderGet("k")).contains("x");
  }
}
