package io.charmkit.ops;

import io.charmkit.ops.state.Notice;
import java.util.List;
import java.util.Optional;

/**
 * What one dispatch did: the exit code it ends the process with, the failure if the charm threw,
 * the events emitted (paths, in order) and the events left deferred.
 *
 * @param exitCode 0 on success; non-zero when the charm failed and nothing was committed
 * @param failure what the charm threw, if anything
 * @param emitted the paths of the events emitted, deferred ones re-emitted included
 * @param deferred the events deferred at the end (saved only on success)
 */
public record DispatchResult(
    int exitCode, Optional<RuntimeException> failure, List<String> emitted, List<Notice> deferred) {

  /** Whether the dispatch succeeded. */
  public boolean succeeded() {
    return exitCode == 0;
  }
}
