package io.charmkit.ops.pebble;

/**
 * Which of Pebble's changes {@link PebbleClient#changes} lists: the {@code select} of {@code GET
 * /v1/changes}.
 */
public enum ChangeSelect {
  /** Every change Pebble still remembers. */
  ALL("all"),
  /** The changes not yet ready (Pebble's default). */
  IN_PROGRESS("in-progress"),
  /** The changes that are ready: done, failed, or otherwise finished. */
  READY("ready");

  private final String wire;

  ChangeSelect(String wire) {
    this.wire = wire;
  }

  /**
   * Returns the value of the {@code select} query parameter.
   *
   * @return {@code all}, {@code in-progress} or {@code ready}
   */
  public String wire() {
    return wire;
  }
}
