package io.charmkit.coordinator.monolith;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The monolithic-fallback mode's state, kept in stored state, and its one transition function: the
 * hysteresis that keeps a flapping worker from starting and stopping the coordinator's process.
 *
 * <p>With {@code consistent} meaning "at least one worker relation and every role of the minimal
 * deployment present" and {@code hold} the configured hold time, each reconcile (S3 ready) moves:
 *
 * <ul>
 *   <li>any phase, not consistent → {@link Phase#MONOLITH} (the work is taken back at once: the
 *       process is started if it is not running);
 *   <li>{@link Phase#OFF} (the mode was just turned on), consistent → {@link Phase#CLUSTER}: a
 *       running cluster is left alone;
 *   <li>{@link Phase#MONOLITH}, consistent → {@link Phase#HANDOVER}, the hold starting now;
 *   <li>{@link Phase#HANDOVER}, consistent → {@link Phase#CLUSTER} once {@code now - since >= hold}
 *       (with a hold of 0, straight from MONOLITH in the same reconcile), else it stays;
 *   <li>{@link Phase#CLUSTER}, consistent → stays.
 * </ul>
 *
 * <p>So the process stops only after the cluster has been consistent <em>continuously</em> for the
 * hold time (every inconsistent reconcile restarts the hold), and starts again only on leaving
 * CLUSTER: a worker joining and leaving faster than the hold starts it at most once and never stops
 * it. A clock that goes backwards restarts the hold. The hold is measured between reconciles: the
 * process stops at the first event (update-status at the latest) after it has elapsed.
 *
 * @param phase the phase
 * @param sinceMillis in {@link Phase#HANDOVER}, when the cluster became consistent (epoch
 *     milliseconds); 0 otherwise
 */
public record HandoverState(Phase phase, long sinceMillis) {

  /** The state before the mode was ever on. */
  public static final HandoverState OFF = new HandoverState(Phase.OFF, 0);

  /** Checks the phase. */
  public HandoverState {
    Objects.requireNonNull(phase, "phase");
  }

  /**
   * Returns the state after a reconcile that saw the cluster {@code consistent} or not at {@code
   * now}.
   *
   * @param consistent whether the workers form a consistent cluster
   * @param now the reconcile's time
   * @param hold how long the cluster must stay consistent before the process stops
   * @return the next state
   */
  public HandoverState next(boolean consistent, Instant now, Duration hold) {
    if (!consistent) {
      return new HandoverState(Phase.MONOLITH, 0);
    }
    return switch (phase) {
      case OFF, CLUSTER -> new HandoverState(Phase.CLUSTER, 0);
      case MONOLITH -> handover(now.toEpochMilli(), now, hold);
      case HANDOVER ->
          now.toEpochMilli() < sinceMillis
              ? handover(now.toEpochMilli(), now, hold)
              : handover(sinceMillis, now, hold);
    };
  }

  /**
   * Returns how much of the hold is left at {@code now} (zero outside {@link Phase#HANDOVER}).
   *
   * @param now the time
   * @param hold the hold time
   * @return the time left, never negative
   */
  public Duration remaining(Instant now, Duration hold) {
    if (phase != Phase.HANDOVER) {
      return Duration.ZERO;
    }
    Duration left = hold.minus(Duration.ofMillis(now.toEpochMilli() - sinceMillis));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static HandoverState handover(long since, Instant now, Duration hold) {
    HandoverState state = new HandoverState(Phase.HANDOVER, since);
    return state.remaining(now, hold).isZero() ? new HandoverState(Phase.CLUSTER, 0) : state;
  }
}
