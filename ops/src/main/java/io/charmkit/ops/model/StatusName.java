package io.charmkit.ops.model;

import java.util.Locale;

/**
 * Juju's workload status names, ordered by the priority collect-status uses to pick one: error
 * beats blocked beats maintenance beats waiting beats active beats unknown.
 */
public enum StatusName {
  /** The workload is broken; only Juju sets it. */
  ERROR(5),
  /** A human must act. */
  BLOCKED(4),
  /** The charm is doing work. */
  MAINTENANCE(3),
  /** The charm waits on something that will come by itself. */
  WAITING(2),
  /** Ready. */
  ACTIVE(1),
  /** Nothing known. */
  UNKNOWN(0);

  private final int priority;

  StatusName(int priority) {
    this.priority = priority;
  }

  /** Higher wins in collect-status. */
  public int priority() {
    return priority;
  }

  /** The name as Juju spells it: {@code active}, {@code blocked}, … */
  public String juju() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a Juju status name.
   *
   * @throws IllegalArgumentException for a name Juju does not use
   */
  public static StatusName parse(String text) {
    for (StatusName s : values()) {
      if (s.juju().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown status '" + text + "'");
  }
}
