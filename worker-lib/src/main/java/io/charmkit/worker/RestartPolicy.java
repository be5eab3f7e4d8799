package io.charmkit.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a worker keeps retrying to restart its workload when Pebble reports a change error (a
 * service that exits at once, usually because something it needs, such as S3, is not there yet).
 *
 * @param timeout no new attempt starts once this much time has passed since the first one; the last
 *     change error then fails the hook, so that Juju retries it later
 * @param interval the wait between attempts
 */
public record RestartPolicy(Duration timeout, Duration interval) {

  /** The coordinated-workers default: retry for 5 minutes, every 60 seconds. */
  public static final RestartPolicy DEFAULT =
      new RestartPolicy(Duration.ofMinutes(5), Duration.ofSeconds(60));

  /** Checks that both durations are present and not negative. */
  public RestartPolicy {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(interval, "interval");
    if (timeout.isNegative() || interval.isNegative()) {
      throw new IllegalArgumentException("restart durations must not be negative");
    }
  }
}
