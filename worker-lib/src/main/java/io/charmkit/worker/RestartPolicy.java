package io.charmkit.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a worker keeps retrying, within one hook, to restart its workload when Pebble reports a
 * change error (a missing binary, a service that exits at once because something it needs, such as
 * S3, is not there yet). The bound is short on purpose: a hook that waits holds up every later
 * event of the unit. After it the failure is shown as a status and the next event (update-status
 * included) tries again.
 *
 * @param timeout no new attempt starts once this much time has passed since the first one; the last
 *     change error is then reported as the unit's status
 * @param interval the wait between attempts
 */
public record RestartPolicy(Duration timeout, Duration interval) {

  /**
   * Retry for 3 seconds, every second: at most 4 attempts, each taking as long as Pebble needs to
   * see a service fail (about a second). The Python worker retries for 5 minutes every 60 seconds
   * and then fails the hook; this one never blocks a hook for long and never fails it.
   */
  public static final RestartPolicy DEFAULT =
      new RestartPolicy(Duration.ofSeconds(3), Duration.ofSeconds(1));

  /** Checks that both durations are present and not negative. */
  public RestartPolicy {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(interval, "interval");
    if (timeout.isNegative() || interval.isNegative()) {
      throw new IllegalArgumentException("restart durations must not be negative");
    }
  }
}
