package io.charmkit.ops.model;

import java.util.Objects;

/**
 * A workload status: a name and a message, e.g. {@code blocked} with {@code [s3] Missing S3
 * integration.}.
 *
 * @param name the status name
 * @param message the message shown by {@code juju status}; empty when none
 */
public record Status(StatusName name, String message) {

  /** Normalises a null message to empty. */
  public Status {
    Objects.requireNonNull(name, "name");
    message = message == null ? "" : message;
  }

  /** {@code active} with a message. */
  public static Status active(String message) {
    return new Status(StatusName.ACTIVE, message);
  }

  /** {@code active} with no message. */
  public static Status active() {
    return new Status(StatusName.ACTIVE, "");
  }

  /** {@code blocked}: a human must act. */
  public static Status blocked(String message) {
    return new Status(StatusName.BLOCKED, message);
  }

  /** {@code waiting}: something will come by itself. */
  public static Status waiting(String message) {
    return new Status(StatusName.WAITING, message);
  }

  /** {@code maintenance}: the charm is working. */
  public static Status maintenance(String message) {
    return new Status(StatusName.MAINTENANCE, message);
  }

  /** {@code unknown}. */
  public static Status unknown() {
    return new Status(StatusName.UNKNOWN, "");
  }

  @Override
  public String toString() {
    return name.juju() + (message.isEmpty() ? "" : ": " + message);
  }
}
