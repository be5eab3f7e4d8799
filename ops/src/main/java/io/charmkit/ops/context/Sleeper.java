package io.charmkit.ops.context;

import java.time.Duration;

/**
 * Waits between restart attempts. Production sleeps; tests advance a clock instead, so that no test
 * ever really waits.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long to wait
   * @throws InterruptedException if the wait is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
