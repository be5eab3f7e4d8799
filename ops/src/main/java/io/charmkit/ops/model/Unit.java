package io.charmkit.ops.model;

import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.hooktools.SecretOptions;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A unit: this charm's own (which can set status, open ports and own secrets) or a remote one
 * (known by name only).
 */
public final class Unit {
  private final Model model;
  private final String name;

  Unit(Model model, String name) {
    this.model = model;
    this.name = name;
  }

  /** The unit name, e.g. {@code tempo-worker/2}. */
  public String name() {
    return name;
  }

  /** The application part of the name. */
  public String appName() {
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(0, slash);
  }

  /** The unit number. */
  public int number() {
    int slash = name.indexOf('/');
    return Integer.parseInt(name.substring(slash + 1));
  }

  /** The application this unit belongs to. */
  public Application app() {
    return model.appNamed(appName());
  }

  /** Whether this is the unit running the charm. */
  public boolean isLocal() {
    return name.equals(model.unitName());
  }

  /** Whether this (local) unit is the leader; asked of Juju once per dispatch. */
  public boolean isLeader() {
    requireLocal("leadership");
    return model.isLeader();
  }

  /** This unit's workload status, from {@code status-get}. */
  public Status status() {
    requireLocal("status");
    return model.readStatus(false);
  }

  /** Sets this unit's workload status at once (status is not transactional in Juju). */
  public void setStatus(Status status) {
    requireLocal("status");
    model.writeStatus(status, false);
  }

  /** Sets the workload version shown by {@code juju status}. */
  public void setWorkloadVersion(String version) {
    requireLocal("workload version");
    model.tools().applicationVersionSet(version);
  }

  /** Opens a port; Juju applies it when the hook succeeds. */
  public void openPort(Port port) {
    requireLocal("ports");
    model.tools().openPort(port);
  }

  /** Closes a port; Juju applies it when the hook succeeds. */
  public void closePort(Port port) {
    requireLocal("ports");
    model.tools().closePort(port);
  }

  /** The ports this unit has opened. */
  public Set<Port> openedPorts() {
    requireLocal("ports");
    return Set.copyOf(model.tools().openedPorts());
  }

  /**
   * Makes exactly {@code wanted} open: closes what is open but not wanted, opens what is wanted but
   * not open, and calls nothing else (one {@code opened-ports} plus one call per difference).
   */
  public void setPorts(Set<Port> wanted) {
    Set<Port> open = openedPorts();
    for (Port p : sorted(open)) {
      if (!wanted.contains(p)) {
        closePort(p);
      }
    }
    for (Port p : sorted(wanted)) {
      if (!open.contains(p)) {
        openPort(p);
      }
    }
  }

  /** Creates a secret owned by this unit. */
  public Secret addSecret(Map<String, String> content, SecretOptions options) {
    requireLocal("secrets");
    SecretOptions owned =
        new SecretOptions(
            options.label(), options.description(), options.expire(), options.rotate(), "unit");
    return model.addSecret(content, owned);
  }

  private static TreeSet<Port> sorted(Set<Port> ports) {
    TreeSet<Port> out =
        new TreeSet<>(
            java.util.Comparator.comparing(Port::protocol)
                .thenComparingInt(Port::from)
                .thenComparingInt(Port::to));
    out.addAll(ports);
    return out;
  }

  private void requireLocal(String what) {
    if (!isLocal()) {
      throw new IllegalStateException(
          "cannot use the " + what + " of remote unit " + name + ": only of " + model.unitName());
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
