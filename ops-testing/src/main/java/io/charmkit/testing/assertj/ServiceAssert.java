package io.charmkit.testing.assertj;

import io.charmkit.ops.pebble.Service;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;

/**
 * Assertions on one planned Pebble service and its current state; start with {@link
 * ContainerAssert#service(String)}.
 */
public final class ServiceAssert extends AbstractObjectAssert<ServiceAssert, Service> {
  private final String where;
  private final String status;

  ServiceAssert(String container, String name, Service actual, String status) {
    super(actual, ServiceAssert.class);
    this.where = "service " + name + " in container " + container;
    this.status = status;
  }

  /** Asserts that the service is running (Pebble's {@code active}). */
  public ServiceAssert isRunning() {
    return hasStatus("active");
  }

  /** Asserts that the service is stopped or was never started (Pebble's {@code inactive}). */
  public ServiceAssert isInactive() {
    return hasStatus("inactive");
  }

  /** Asserts the service's Pebble status: {@code active}, {@code inactive}, {@code error}, … */
  public ServiceAssert hasStatus(String expected) {
    if (!status.equals(expected)) {
      throw failure("expected %s to be %s, but it is %s", where, expected, status);
    }
    return this;
  }

  /** Asserts the command the plan runs. */
  public ServiceAssert hasCommand(String expected) {
    if (!Objects.equals(actual.command(), expected)) {
      throw failure(
          "expected %s to run%n  %s%nbut it runs%n  %s", where, expected, actual.command());
    }
    return this;
  }

  /** Asserts that Pebble starts the service on its own ({@code startup: enabled}). */
  public ServiceAssert startsAutomatically() {
    if (!"enabled".equals(actual.startup())) {
      throw failure("expected %s to have startup enabled, but it is %s", where, actual.startup());
    }
    return this;
  }

  /** The service's environment. */
  public MapAssert<String, String> environment() {
    return Assertions.assertThat(actual.environment()).as("environment of %s", where);
  }
}
