package io.charmkit.ops.hooktools;

import java.util.List;

/**
 * A hook tool exited non-zero (Juju's {@code ModelError}). Carries the tool, its argv with secret
 * values redacted, the exit code and stderr, so the message says exactly what failed.
 */
public class HookToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String tool;
  private final List<String> argv;
  private final int exitCode;
  private final String stderr;

  /** Creates the exception; {@code argv} must already be redacted. */
  public HookToolException(String tool, List<String> argv, int exitCode, String stderr) {
    super(describe(argv, exitCode, stderr));
    this.tool = tool;
    this.argv = List.copyOf(argv);
    this.exitCode = exitCode;
    this.stderr = stderr == null ? "" : stderr;
  }

  /**
   * Creates the exception with an explicit message, for failures that are not a non-zero exit: a
   * tool that cannot be started, or output that cannot be read. {@code argv} must already be
   * redacted.
   */
  public HookToolException(
      String message, String tool, List<String> argv, int exitCode, String stderr) {
    super(message);
    this.tool = tool;
    this.argv = List.copyOf(argv);
    this.exitCode = exitCode;
    this.stderr = stderr == null ? "" : stderr;
  }

  private static String describe(List<String> argv, int exitCode, String stderr) {
    String err = stderr == null ? "" : stderr.strip();
    return String.join(" ", argv)
        + " failed (exit "
        + exitCode
        + ")"
        + (err.isEmpty() ? "" : ": " + err);
  }

  /** The tool's name, e.g. {@code relation-get}. */
  public String tool() {
    return tool;
  }

  /** The argv, secret values redacted. */
  public List<String> argv() {
    return argv;
  }

  /** The exit code (-1 when the tool could not be started). */
  public int exitCode() {
    return exitCode;
  }

  /** The tool's stderr. */
  public String stderr() {
    return stderr;
  }
}
