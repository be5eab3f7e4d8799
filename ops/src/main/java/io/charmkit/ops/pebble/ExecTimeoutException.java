package io.charmkit.ops.pebble;

import java.time.Duration;
import java.util.List;

/**
 * A command run through {@link PebbleClient#exec} did not finish in time: Pebble killed it when its
 * {@linkplain ExecRequest#timeout() timeout} passed, or Pebble itself stopped answering. Carries
 * what the command printed before that.
 */
public class ExecTimeoutException extends PebbleException {
  private static final long serialVersionUID = 1L;

  private final transient ExecOutput partialOutput;
  private final transient Duration timeout;

  /**
   * Creates the exception.
   *
   * @param partialOutput the command and what it printed before it was stopped (exit code -1)
   * @param timeout the time limit that passed
   * @param reason what timed out, e.g. Pebble's task error
   * @param cause the underlying error, or {@code null}
   */
  public ExecTimeoutException(
      ExecOutput partialOutput, Duration timeout, String reason, Throwable cause) {
    super(
        "timed out after "
            + timeout.toMillis() / 1000.0
            + "s executing "
            + partialOutput.command()
            + " ("
            + reason
            + "), stdout so far="
            + ExecException.quote(partialOutput.stdout())
            + ", stderr so far="
            + ExecException.quote(partialOutput.stderr()),
        cause);
    this.partialOutput = partialOutput;
    this.timeout = timeout;
  }

  /** The command that timed out. */
  public List<String> command() {
    return partialOutput.command();
  }

  /** The time limit that passed. */
  public Duration timeout() {
    return timeout;
  }

  /** What the command printed before it was stopped. */
  public ExecOutput partialOutput() {
    return partialOutput;
  }
}
