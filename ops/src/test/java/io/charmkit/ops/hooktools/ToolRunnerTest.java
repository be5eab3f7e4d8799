package io.charmkit.ops.hooktools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process plumbing of one tool call: pipes, stderr, exit codes, with real child processes. */
class ToolRunnerTest {
  @TempDir Path dir;

  private ToolRunner runner(String tool, String script) throws IOException {
    Path file = dir.resolve(tool);
    Files.writeString(file, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new ToolRunner(Map.of("PATH", dir + ":/usr/bin:/bin"));
  }

  @Test
  void aToolFillingBothPipesDoesNotDeadlockAndItsStdoutArrivesWhole() throws IOException {
    // 1 MiB on each stream: far beyond a pipe's buffer, stderr written first.
    ToolRunner runner =
        runner(
            "config-get",
            "head -c 1048576 /dev/zero | tr '\\0' e >&2\nhead -c 1048576 /dev/zero | tr '\\0' o\n");
    String out = runner.run(ToolCall.of("config-get"));
    assertThat(out).hasSize(1 << 20).matches("o+");
  }

  @Test
  void eachFailedCallReportsOnlyItsOwnStderr() throws IOException {
    ToolRunner runner = runner("state-get", "echo \"ERROR call $1\" >&2\nexit 1\n");
    assertThatThrownBy(() -> runner.run(ToolCall.of("state-get", "one")))
        .isInstanceOfSatisfying(
            HookToolException.class, e -> assertThat(e.stderr()).isEqualTo("ERROR call one\n"));
    assertThatThrownBy(() -> runner.run(ToolCall.of("state-get", "two")))
        .isInstanceOfSatisfying(
            HookToolException.class, e -> assertThat(e.stderr()).isEqualTo("ERROR call two\n"));
  }

  @Test
  void aSuccessfulCallAfterAFailedOneIsNotTaintedByItsStderr() throws IOException {
    ToolRunner runner =
        runner("is-leader", "if [ \"$1\" = fail ]; then echo boom >&2; exit 1; fi\necho true\n");
    assertThatThrownBy(() -> runner.run(ToolCall.of("is-leader", "fail")))
        .isInstanceOf(HookToolException.class);
    assertThat(runner.run(ToolCall.of("is-leader", "ok"))).isEqualTo("true\n");
  }

  @Test
  void stdinReachesTheToolWhileItsOutputIsRead() throws IOException {
    ToolRunner runner = runner("relation-set", "cat\n");
    String big = "x".repeat(1 << 20);
    assertThat(runner.run(ToolCall.of("relation-set").stdin(big))).isEqualTo(big);
  }
}
