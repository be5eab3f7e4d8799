package io.charmkit.ops.state;

/**
 * Where stored state and deferred events live between dispatches. The runtime loads it once at the
 * start of a dispatch and saves it only at a successful commit, so a failed hook leaves it as it
 * was, matching Juju's transaction.
 */
public interface StateStore {
  /** Reads what the last successful dispatch saved (empty when nothing was). */
  StoredSnapshot load();

  /** Replaces what is stored, atomically. */
  void save(StoredSnapshot snapshot);
}
