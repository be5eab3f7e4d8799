package io.charmkit.ops.hooktools;

import java.util.Objects;

/**
 * How a hook tool ended: its exit code and everything it printed.
 *
 * @param exitCode 0 on success
 * @param stdout the standard output (JSON for {@code --format=json} calls)
 * @param stderr the standard error, Juju's {@code ERROR ...} text on failure
 */
public record ToolResult(int exitCode, String stdout, String stderr) {

  /** Checks the texts are present. */
  public ToolResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** A successful call that printed {@code stdout}. */
  public static ToolResult ok(String stdout) {
    return new ToolResult(0, stdout, "");
  }
}
