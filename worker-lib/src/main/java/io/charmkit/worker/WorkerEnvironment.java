package io.charmkit.worker;

import io.charmkit.ops.context.HostFqdn;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a worker takes from the machine it runs on rather than from Juju's model: its fully
 * qualified domain name, the process environment (for Juju's proxy settings), and the clock and
 * sleeper that pace restart retries. {@link #system()} is the real one; tests build their own.
 *
 * @param fqdn this unit's FQDN, asked for once per dispatch when first needed ({@link
 *     HostFqdn#resolve} in production)
 * @param env the process environment ({@code JUJU_CHARM_HTTP_PROXY}, …)
 * @param clock the clock that measures how long restarts have been retried
 * @param sleeper waits between restart attempts
 */
public record WorkerEnvironment(
    Supplier<String> fqdn, Map<String, String> env, Clock clock, Sleeper sleeper) {

  /** Checks every part is present and copies the environment. */
  public WorkerEnvironment {
    Objects.requireNonNull(fqdn, "fqdn");
    env = Map.copyOf(env);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * The running process's environment: the host's canonical name, {@link System#getenv()}, the
   * system clock and {@link Thread#sleep}.
   *
   * @return the environment
   */
  public static WorkerEnvironment system() {
    Map<String, String> env = System.getenv();
    return new WorkerEnvironment(
        () -> HostFqdn.resolve(env), env, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
  }
}
