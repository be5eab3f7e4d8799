package io.charmkit.testing;

/**
 * The charm threw while handling an event (ops.testing's {@code UncaughtCharmError}). In Juju the
 * hook fails and nothing it changed is committed; {@link #outcome()} holds the same: the input
 * state unchanged, plus what Juju keeps anyway (status history, {@code juju-log} lines, action
 * output) and the hook-tool calls made. The cause is what the charm threw.
 */
public final class UncaughtCharmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Outcome outcome;

  /** Creates the exception for {@code event}. */
  public UncaughtCharmException(Event event, Outcome outcome, Throwable cause) {
    super("the charm failed handling " + event + "; nothing was committed: " + cause, cause);
    this.outcome = outcome;
  }

  /** The outcome: the input state, and the side channels Juju keeps. */
  public Outcome outcome() {
    return outcome;
  }
}
