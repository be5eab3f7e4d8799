package io.charmkit.worker;

import io.charmkit.ops.context.Sleeper;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.ChangeErrorException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the workload's services, retrying on Pebble change errors as the Python worker does with
 * tenacity: each attempt shows {@code restarting... (attempt #N)}; after a failed attempt the loop
 * gives up once {@link RestartPolicy#timeout()} has passed since the first attempt began, and
 * otherwise waits {@link RestartPolicy#interval()}.
 */
final class RestartLoop {
  private static final Logger LOG = LoggerFactory.getLogger(RestartLoop.class);

  private final RestartPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Consumer<Status> status;

  RestartLoop(RestartPolicy policy, Clock clock, Sleeper sleeper, Consumer<Status> status) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.status = status;
  }

  /**
   * Restarts {@code services} (starting those that are stopped).
   *
   * @param pebble the workload container's Pebble
   * @param services the services to restart; not empty
   * @throws ChangeErrorException when the services still fail to start after the timeout; the
   *     worker shows it as its status and tries again on the next event
   */
  void restart(PebbleClient pebble, List<String> services) {
    Instant start = clock.instant();
    for (int attempt = 1; ; attempt++) {
      status.accept(Status.maintenance("restarting... (attempt #" + attempt + ")"));
      try {
        pebble.restart(services);
        return;
      } catch (PebbleConnectionException e) {
        // The container went away mid-hook (a deploy or upgrade still settling); the next
        // pebble-ready reconciles again.
        LOG.debug(
            "cannot restart {}: the container is not reachable ({})", services, e.getMessage());
        return;
      } catch (ChangeErrorException e) {
        Duration elapsed = Duration.between(start, clock.instant());
        if (elapsed.compareTo(policy.timeout()) >= 0) {
          LOG.error(
              "failed to (re)start {} after {} attempts; an external resource the workload needs"
                  + " (such as S3) is probably not available: {}",
              services,
              attempt,
              e.getMessage());
          throw e;
        }
        LOG.warn("attempt #{} to (re)start {} failed: {}", attempt, services, e.getMessage());
        try {
          sleeper.sleep(policy.interval());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
