package io.charmkit.coordinator.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hysteresis as a pure function (the charm-level tests are in MonolithicFallbackTest). */
class HandoverStateTest {
  private static final Duration HOLD = Duration.ofMinutes(5);
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  private static HandoverState at(Phase phase, Instant since) {
    return new HandoverState(phase, since.toEpochMilli());
  }

  @Test
  void anInconsistentClusterAlwaysLeadsToMonolith() {
    for (Phase phase : Phase.values()) {
      assertThat(at(phase, T0).next(false, T0.plusSeconds(1), HOLD))
          .isEqualTo(new HandoverState(Phase.MONOLITH, 0));
    }
  }

  @Test
  void turningTheModeOnUnderAConsistentClusterLeavesItAlone() {
    assertThat(HandoverState.OFF.next(true, T0, HOLD))
        .isEqualTo(new HandoverState(Phase.CLUSTER, 0));
  }

  @Test
  void monolithHandsOverAndTheHoldStartsNow() {
    assertThat(at(Phase.MONOLITH, Instant.EPOCH).next(true, T0, HOLD))
        .isEqualTo(at(Phase.HANDOVER, T0));
  }

  @Test
  void handoverEndsExactlyWhenTheHoldHasElapsed() {
    HandoverState handover = at(Phase.HANDOVER, T0);
    assertThat(handover.next(true, T0.plus(HOLD).minusMillis(1), HOLD)).isEqualTo(handover);
    assertThat(handover.next(true, T0.plus(HOLD), HOLD))
        .isEqualTo(new HandoverState(Phase.CLUSTER, 0));
    assertThat(handover.remaining(T0.plusSeconds(60), HOLD)).isEqualTo(Duration.ofSeconds(240));
  }

  @Test
  void aZeroHoldGoesStraightToCluster() {
    assertThat(at(Phase.MONOLITH, Instant.EPOCH).next(true, T0, Duration.ZERO))
        .isEqualTo(new HandoverState(Phase.CLUSTER, 0));
  }

  @Test
  void aClockGoingBackwardsRestartsTheHold() {
    HandoverState handover = at(Phase.HANDOVER, T0);
    Instant earlier = T0.minusSeconds(3600);
    assertThat(handover.next(true, earlier, HOLD)).isEqualTo(at(Phase.HANDOVER, earlier));
  }

  @Test
  void onlyMonolithAndHandoverRunTheProcess() {
    assertThat(Phase.OFF.runsProcess()).isFalse();
    assertThat(Phase.MONOLITH.runsProcess()).isTrue();
    assertThat(Phase.HANDOVER.runsProcess()).isTrue();
    assertThat(Phase.CLUSTER.runsProcess()).isFalse();
  }
}
