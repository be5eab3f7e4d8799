package io.charmkit.testing.assertj;

import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.Service;
import io.charmkit.testing.Container;
import java.util.Map;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;

/**
 * Assertions on a workload container after a run: its Pebble plan, its services and its files.
 * Start with {@link OutcomeAssert#container(String)}.
 */
public final class ContainerAssert extends AbstractObjectAssert<ContainerAssert, Container> {
  private final Map<String, String> permissions;

  ContainerAssert(Container actual, Map<String, String> permissions) {
    super(actual, ContainerAssert.class);
    this.permissions = permissions;
  }

  /** The plan Pebble reports: every layer combined. */
  public ObjectAssert<Plan> plan() {
    isNotNull();
    return Assertions.assertThat(actual.plan()).as("plan of container %s", actual.name());
  }

  /** The service {@code name}; fails when the plan has no such service. */
  public ServiceAssert service(String name) {
    isNotNull();
    Service service = actual.plan().services().get(name);
    if (service == null) {
      throw failure(
          "expected service %s in the plan of container %s, but the plan has %s",
          name, actual.name(), actual.plan().services().keySet());
    }
    return new ServiceAssert(
        actual.name(), name, service, actual.serviceStatuses().getOrDefault(name, "inactive"));
  }

  /** Asserts that the plan has no service {@code name}. */
  public ContainerAssert hasNoService(String name) {
    isNotNull();
    if (actual.plan().services().containsKey(name)) {
      throw failure(
          "expected no service %s in container %s, but it is planned", name, actual.name());
    }
    return this;
  }

  /** The file at the absolute {@code path}; fails when there is none. */
  public FileAssert file(String path) {
    isNotNull();
    String content = actual.files().get(path);
    if (content == null) {
      throw failure(
          "expected a file %s in container %s, but its files are %s",
          path, actual.name(), actual.files().keySet());
    }
    return new FileAssert(actual.name(), path, content, permissions.get(path));
  }
}
