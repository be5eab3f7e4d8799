package io.charmkit.testing.juju;

/**
 * {@link EmbeddedJuju#settle()} ran more hooks than its bound without the model going quiet: some
 * charms keep changing their databags (flapping). The message names the hooks that kept firing and
 * the databag keys that kept changing.
 */
public class SettleBoundExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The runs up to the point settle gave up (not serialised). */
  private final transient SettleReport report;

  /** Creates the exception with its explanation and the runs so far. */
  public SettleBoundExceededException(String message, SettleReport report) {
    super(message);
    this.report = report;
  }

  /** The hooks that ran before settle gave up. */
  public SettleReport report() {
    return report;
  }
}
