package io.charmkit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.Change;
import io.charmkit.ops.pebble.ChangeErrorException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleConnectionException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Restart retries, paced by a clock the test controls: nothing really sleeps. */
class RestartLoopTest {
  private static final RestartPolicy POLICY =
      new RestartPolicy(Duration.ofSeconds(60), Duration.ofSeconds(5));

  private final ManualClock clock = new ManualClock();
  private final List<Status> statuses = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();
  private final RestartLoop loop =
      new RestartLoop(
          POLICY,
          clock,
          d -> {
            sleeps.add(d);
            clock.advance(d);
          },
          statuses::add);
  private int attempts;

  /** A Pebble whose restart answers with {@code outcome(attempt)}: null for success. */
  private PebbleClient pebble(IntFunction<RuntimeException> outcome) {
    return (PebbleClient)
        Proxy.newProxyInstance(
            PebbleClient.class.getClassLoader(),
            new Class<?>[] {PebbleClient.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("restart")) {
                throw new UnsupportedOperationException(method.getName());
              }
              RuntimeException failure = outcome.apply(++attempts);
              if (failure != null) {
                throw failure;
              }
              return change(null);
            });
  }

  private static Change change(String err) {
    return new Change(
        "1",
        "restart",
        "Restart service",
        err == null ? "Done" : "Error",
        null,
        true,
        err,
        null,
        null);
  }

  private static ChangeErrorException changeError() {
    return new ChangeErrorException(change("cannot start service: exited quickly with code 1"));
  }

  @Test
  void aServiceThatStartsAtOnceTakesOneAttempt() {
    loop.restart(pebble(n -> null), List.of("tempo"));

    assertThat(attempts).isEqualTo(1);
    assertThat(statuses).containsExactly(Status.maintenance("restarting... (attempt #1)"));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void changeErrorsAreRetriedAfterTheIntervalUntilTheServiceStarts() {
    loop.restart(pebble(n -> n < 3 ? changeError() : null), List.of("tempo"));

    assertThat(attempts).isEqualTo(3);
    assertThat(statuses)
        .containsExactly(
            Status.maintenance("restarting... (attempt #1)"),
            Status.maintenance("restarting... (attempt #2)"),
            Status.maintenance("restarting... (attempt #3)"));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void aPersistentChangeErrorFailsOnceTheTimeoutHasPassed() {
    assertThatThrownBy(() -> loop.restart(pebble(n -> changeError()), List.of("tempo")))
        .isInstanceOf(ChangeErrorException.class)
        .hasMessageContaining("exited quickly");

    // Attempts at 0 s, 5 s, ..., 60 s: the one that fails at 60 s is the last.
    assertThat(attempts).isEqualTo(13);
    assertThat(statuses).last().isEqualTo(Status.maintenance("restarting... (attempt #13)"));
  }

  @Test
  void aLostContainerEndsTheRestartQuietly() {
    PebbleConnectionException gone =
        new PebbleConnectionException(
            "tempo", Path.of("/charm/containers/tempo/pebble.socket"), "gone", null);

    loop.restart(pebble(n -> gone), List.of("tempo"));

    assertThat(attempts).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void theDefaultPolicyHoldsAHookForAFewSecondsAtMost() {
    assertThat(RestartPolicy.DEFAULT)
        .isEqualTo(new RestartPolicy(Duration.ofSeconds(3), Duration.ofSeconds(1)));
  }

  @Test
  void theDefaultPolicyGivesUpAfterFourAttemptsAndThreeSecondsOfWaiting() {
    RestartLoop bounded =
        new RestartLoop(
            RestartPolicy.DEFAULT,
            clock,
            d -> {
              sleeps.add(d);
              clock.advance(d);
            },
            statuses::add);
    ChangeErrorException failure = new ChangeErrorException(change("exited quickly with code 1"));

    assertThatThrownBy(() -> bounded.restart(pebble(n -> failure), List.of("tempo")))
        .isSameAs(failure);
    assertThat(attempts).isEqualTo(4);
    assertThat(sleeps).containsOnly(Duration.ofSeconds(1)).hasSize(3);
  }
}
