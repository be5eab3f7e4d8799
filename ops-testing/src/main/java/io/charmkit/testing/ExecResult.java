package io.charmkit.testing;

import java.util.List;
import java.util.Objects;

/**
 * What a command run in a workload container answers, scripted by a test (ops.testing's {@code
 * Exec}). The in-memory Pebble matches a command by the longest declared prefix.
 *
 * <p>{@link io.charmkit.ops.pebble.PebbleClient} has no exec call yet, so nothing consults these
 * during a run today; they are kept in the container state so that tests written now keep working
 * when it gains one.
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

  /** Whether this result answers {@code argv}. */
  public boolean matches(List<String> argv) {
    return argv.size() >= command.size() && argv.subList(0, command.size()).equals(command);
  }
}
