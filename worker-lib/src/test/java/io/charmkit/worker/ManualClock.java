package io.charmkit.worker;

import io.charmkit.ops.context.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told to: the sleeper of a test advances it instead of waiting. */
final class ManualClock extends Clock {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  /** A sleeper that advances this clock by the requested time, at once. */
  Sleeper sleeper() {
    return d -> now = now.plus(d);
  }

  /** Moves the clock on. */
  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
