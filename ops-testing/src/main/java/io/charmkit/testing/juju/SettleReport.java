package io.charmkit.testing.juju;

import java.util.List;

/**
 * What one {@link EmbeddedJuju#settle()} did.
 *
 * @param runs every hook run, in order
 * @param failed the runs that exited non-zero (their units are held in error)
 */
public record SettleReport(List<HookRun> runs, List<HookRun> failed) {

  /** Whether every hook succeeded. */
  public boolean clean() {
    return failed.isEmpty();
  }
}
