package io.charmkit.testing.juju;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: scenario files in src/test/resources/juju/scenarios. */
class EmbeddedJujuCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return EmbeddedJujuCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static String scenario(String name) {
    return TestCharms.charm("provider").resolve("../../scenarios/" + name).normalize().toString();
  }

  @Test
  void runsAScenarioAndPrintsStatusDatabagsAndFigures() {
    assertThat(run("--hook-bound", "100", scenario("pair.yaml"))).isZero();

    assertThat(out())
        .contains("deployed provider (2 units)")
        .contains("related consumer:db provider:db (relation 1)")
        .containsPattern("settled after \\d+ hooks\n")
        .contains("Model  Controller  Cloud/Region    Version\ndemo ")
        .contains("provider/0*  active    idle   10.1.0.1  serving 1 units")
        .contains("relation 1 (consumer:db provider:db, dbi)")
        .doesNotContain("unit provider/1:")
        .containsPattern("(?m)^db-relation-departed +\\d+ +0 ");
    assertThat(err()).isEmpty();
  }

  @Test
  void aRunActionStepPrintsTheOutcomeAndStopsWhenItEndsOtherwiseThanExpected() {
    assertThat(run(scenario("actions.yaml"))).isEqualTo(1);

    assertThat(out())
        .containsPattern(
            "action greet on actor/0 \\(id \\d+\\): completed\n"
                + "  log: greeting ada 2 times\n"
                + "  greeting: hello ada\n"
                + "  times: 2\n")
        .containsPattern("action refuse on actor/0 \\(id \\d+\\): failed\n  message: not today\n")
        .doesNotContain("Model  Controller");
    assertThat(err())
        .isEqualTo("embedded-juju: action refuse on actor/0 failed, expected completed\n");
  }

  @Test
  void aFlappingScenarioExitsOneAndNamesTheKeys() {
    assertThat(run("--hook-bound", "20", scenario("flapping.yaml"))).isEqualTo(1);

    assertThat(err()).contains("did not settle within 20 hooks").contains("counter");
    assertThat(out()).doesNotContain("Model  Controller");
  }

  @Test
  void badUsageAndScenariosExitTwoWithAReason(@TempDir Path dir) throws IOException {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("no scenario file given").contains("usage: embedded-juju");

    Path bad = Files.writeString(dir.resolve("bad.yaml"), "steps:\n  - relate: [only-one]\n");
    err.reset();
    assertThat(run(bad.toString())).isEqualTo(2);
    assertThat(err()).contains("step 1 (relate): needs a list of two endpoints");

    Path broken = Files.writeString(dir.resolve("broken.yaml"), "steps: [\n");
    err.reset();
    assertThat(run(broken.toString())).isEqualTo(2);
    assertThat(err()).contains("is not valid YAML (line");

    Path missing =
        Files.writeString(
            dir.resolve("missing.yaml"), "steps:\n  - deploy: {app: x, charm: nowhere}\n");
    err.reset();
    assertThat(run(missing.toString())).isEqualTo(1);
    assertThat(err())
        .contains("step 1 (deploy) failed: charm directory")
        .contains("does not exist");
  }

  @Test
  void helpPrintsTheUsage() {
    assertThat(run("--help")).isZero();
    assertThat(out())
        .startsWith("usage: embedded-juju [options] <scenario.yaml>")
        .contains("--hook-bound");
  }
}
