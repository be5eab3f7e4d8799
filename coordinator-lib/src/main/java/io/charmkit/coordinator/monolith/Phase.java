package io.charmkit.coordinator.monolith;

/**
 * Where a coordinator in monolithic-fallback mode stands (see {@link HandoverState} for the
 * transitions).
 */
public enum Phase {
  /** The mode is off: the coordinator behaves as upstream's and never touches its own workload. */
  OFF,
  /**
   * No consistent worker set: the coordinator runs the product itself, alone, in role {@code all}.
   */
  MONOLITH,
  /**
   * Workers form a consistent cluster and receive the configuration, with the coordinator in their
   * ring; the coordinator's own process keeps running until the cluster has been consistent for the
   * hold time.
   */
  HANDOVER,
  /** The workers carry the work; the coordinator's own process is stopped. */
  CLUSTER;

  /**
   * Tells whether the coordinator's own process runs in this phase.
   *
   * @return true in {@link #MONOLITH} and {@link #HANDOVER}
   */
  public boolean runsProcess() {
    return this == MONOLITH || this == HANDOVER;
  }
}
