package io.charmkit.testing;

import java.util.List;
import java.util.Objects;

/**
 * What a command run in a workload container answers, scripted by a test (ops.testing's {@code
 * Exec}). When the charm calls {@link io.charmkit.ops.pebble.PebbleClient#exec}, the in-memory
 * Pebble answers with the result whose prefix is the longest that matches the command: its output,
 * or an {@link io.charmkit.ops.pebble.ExecException} for a non-zero exit code. A command no result
 * matches fails as a missing executable does in Pebble (an API error 400, {@code cannot find
 * executable "x"}), whatever the container's image provides: a scripted result is what stands in
 * for the program. Every command that ran is in {@link Outcome#execHistory()}.
 *
 * @param command the command prefix this result answers, e.g. {@code ["tempo", "--version"]}
 * @param exitCode the exit code
 * @param stdout what the command prints
 * @param stderr what the command prints on stderr
 */
public record ExecResult(List<String> command, int exitCode, String stdout, String stderr) {

  /** Copies the command and normalises null output to empty. */
  public ExecResult {
    command = List.copyOf(Objects.requireNonNull(command, "command"));
    if (command.isEmpty()) {
      throw new IllegalArgumentException("an exec result needs a command prefix");
    }
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  /** A successful command printing {@code stdout}. */
  public static ExecResult ok(List<String> command, String stdout) {
    return new ExecResult(command, 0, stdout, "");
  }

  /** A command that prints {@code stderr} and exits with {@code exitCode}. */
  public static ExecResult failed(List<String> command, int exitCode, String stderr) {
    return new ExecResult(command, exitCode, "", stderr);
  }
}
