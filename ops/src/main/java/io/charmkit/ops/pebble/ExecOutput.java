package io.charmkit.ops.pebble;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a command run through {@link PebbleClient#exec} printed, and how it exited.
 *
 * @param command the command that ran
 * @param exitCode its exit code: 0 when returned by {@code exec}, which throws {@link
 *     ExecException} for any other; {@code -1} when Pebble reported none
 * @param stdout the bytes it wrote on standard output
 * @param stderr the bytes it wrote on standard error
 */
public record ExecOutput(List<String> command, int exitCode, byte[] stdout, byte[] stderr) {

  /** Copies the command and the output. */
  public ExecOutput {
    command = List.copyOf(command);
    stdout = stdout == null ? new byte[0] : stdout.clone();
    stderr = stderr == null ? new byte[0] : stderr.clone();
  }

  /** Standard output (a copy). */
  @Override
  public byte[] stdout() {
    return stdout.clone();
  }

  /** Standard error (a copy). */
  @Override
  public byte[] stderr() {
    return stderr.clone();
  }

  /** Standard output decoded as UTF-8. */
  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  /** Standard error decoded as UTF-8. */
  public String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }

  /** Compares the output by content. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ExecOutput o
        && command.equals(o.command)
        && exitCode == o.exitCode
        && Arrays.equals(stdout, o.stdout)
        && Arrays.equals(stderr, o.stderr);
  }

  @Override
  public int hashCode() {
    return (Objects.hash(command, exitCode) * 31 + Arrays.hashCode(stdout)) * 31
        + Arrays.hashCode(stderr);
  }

  @Override
  public String toString() {
    return "ExecOutput"
        + command
        + " exit code "
        + exitCode
        + ", "
        + stdout.length
        + " bytes of stdout, "
        + stderr.length
        + " bytes of stderr";
  }
}
