package io.charmkit.testing.juju;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static io.charmkit.testing.juju.TestCharms.charm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Actions run on the embedded Juju through the shell test charm {@code actor}. */
class EmbeddedActionTest {
  private EmbeddedJuju juju;

  @BeforeEach
  void start() throws IOException {
    juju = EmbeddedJuju.builder().modelName("test").build();
    juju.deploy("actor", charm("actor"), 2, Map.of());
    assertThat(juju.settle().failed()).isEmpty();
  }

  @AfterEach
  void stop() throws IOException {
    juju.close();
  }

  // tour:embedded-action
  @Test
  void greetsThroughThePackagedCharmsDispatch() {
    ActionResult greeting = juju.runAction("actor/leader", "greet", Map.of("name", "ada"));

    assertThat(greeting).succeeded().hasResult("greeting", "hello ada");
    assertThat(greeting).logs().containsExactly("greeting ada 1 times"); // times: default 1
    assertThatThrownBy(
            () -> juju.runAction("actor/0", "greet", Map.of("name", "ada", "loud", true)))
        .hasMessageContaining("parameter 'loud' is not declared"); // juju run refuses it too
  }

  // tour:end

  @Test
  void anActionRunsThroughDispatchWithItsParametersDefaultsAndTools() throws IOException {
    ActionResult r = juju.runAction("actor/1", "greet", Map.of("name", "ada"));

    assertThat(r.status()).isEqualTo("completed");
    assertThat(r.results()).isEqualTo(Map.of("greeting", "hello ada", "times", "1"));
    assertThat(r.output().logs()).containsExactly("greeting ada 1 times");
    assertThat(r.message()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("greeted ada\n");
    String env = Files.readString(juju.unitDir("actor/1").resolve("charm/env-greet"));
    assertThat(env)
        .contains("JUJU_DISPATCH_PATH=actions/greet\n")
        .contains("JUJU_ACTION_NAME=greet\n")
        .contains("JUJU_ACTION_UUID=" + r.id() + "\n")
        .contains("JUJU_HOOK_NAME=\n")
        .contains("JUJU_UNIT_NAME=actor/1\n");
  }

  @Test
  void theLeaderSyntaxPicksTheLeader() {
    ActionResult r = juju.runAction("actor/leader", "greet", Map.of("name", "bo", "times", 2));

    assertThat(r.unit()).isEqualTo(juju.leader("actor"));
    assertThat(r.results()).containsEntry("times", "2");
  }

  @Test
  void parametersThatDoNotFitActionsYamlAreRefusedAndNothingRuns() {
    assertThatThrownBy(() -> juju.runAction("actor/0", "greet", Map.of("times", "two")))
        .isInstanceOf(EmbeddedJujuException.class)
        .hasMessage(
            "juju run actor/0 greet refused: action 'greet': parameter 'times': string found,"
                + " integer expected (given: \"two\"); action 'greet': parameter 'name' is"
                + " required but not given");
    assertThatThrownBy(() -> juju.runAction("actor/0", "dance", Map.of()))
        .isInstanceOf(EmbeddedJujuException.class)
        .hasMessageContaining("action 'dance' is not defined in actions.yaml");
    assertThat(juju.unitDir("actor/0").resolve("charm/env-greet")).doesNotExist();
  }

  @Test
  void actionFailReportsAFailedActionWithItsMessage() {
    ActionResult r = juju.runAction("actor/0", "refuse", Map.of());

    assertThat(r.status()).isEqualTo("failed");
    assertThat(r.message()).isEqualTo(Optional.of("not today"));
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void anActionCommitsOnlyWhenDispatchSucceedsAndNeverPutsTheUnitInError() {
    ActionResult kept = juju.runAction("actor/0", "remember", Map.of("note", "first"));
    assertThat(kept.status()).isEqualTo("completed");
    assertThat(juju.unitState("actor/0")).containsEntry("note", "first");

    ActionResult crashed =
        juju.runAction("actor/0", "remember", Map.of("note", "second", "crash", true));

    assertThat(crashed.status()).isEqualTo("failed");
    assertThat(crashed.message()).isEqualTo(Optional.of("exit status 3"));
    assertThat(crashed.stderr()).isEqualTo("crashing as asked\n");
    assertThat(juju.unitState("actor/0")).containsEntry("note", "first");
    assertThat(juju.unitStatus("actor/0")).isEqualTo(new WorkloadStatus("active", "ready"));
    assertThat(juju.settle().runs()).isEmpty();
  }
}
