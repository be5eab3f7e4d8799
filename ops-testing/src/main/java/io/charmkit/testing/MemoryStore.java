package io.charmkit.testing;

import io.charmkit.ops.state.StateStore;
import io.charmkit.ops.state.StoredSnapshot;

/** Stored state and deferred events in memory, seeded from a {@link State}. */
final class MemoryStore implements StateStore {
  private StoredSnapshot snapshot;

  MemoryStore(StoredSnapshot initial) {
    this.snapshot = initial;
  }

  @Override
  public StoredSnapshot load() {
    return snapshot;
  }

  @Override
  public void save(StoredSnapshot next) {
    snapshot = next;
  }

  /** What a dispatch saved, or the initial snapshot when it saved nothing. */
  StoredSnapshot snapshot() {
    return snapshot;
  }
}
