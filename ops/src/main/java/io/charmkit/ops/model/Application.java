package io.charmkit.ops.model;

import io.charmkit.ops.hooktools.GoalState;
import io.charmkit.ops.hooktools.SecretOptions;
import java.util.Map;

/** An application: this charm's own (whose leader sets its status) or a remote one. */
public final class Application {
  private final Model model;
  private final String name;

  Application(Model model, String name) {
    this.model = model;
    this.name = name;
  }

  /** The application name. */
  public String name() {
    return name;
  }

  /** Whether this is the application running the charm. */
  public boolean isLocal() {
    return name.equals(model.appName());
  }

  /**
   * The application status. Only the leader may read its own; a remote application's status is
   * always unknown.
   */
  public Status status() {
    if (!isLocal()) {
      return Status.unknown();
    }
    requireLeader("read");
    return model.readStatus(true);
  }

  /** Sets the application status; only the leader may. */
  public void setStatus(Status status) {
    if (!isLocal()) {
      throw new IllegalStateException("cannot set the status of remote application " + name);
    }
    requireLeader("set");
    model.writeStatus(status, true);
  }

  /** The number of units Juju plans for this (local) application: those not dying. */
  public int plannedUnits() {
    if (!isLocal()) {
      throw new IllegalStateException("planned units are known only for the local application");
    }
    GoalState goal = model.tools().goalState();
    return (int) goal.units().values().stream().filter(e -> !"dying".equals(e.status())).count();
  }

  /** Creates a secret owned by this application (leader only). */
  public Secret addSecret(Map<String, String> content, SecretOptions options) {
    requireLeader("create secrets of");
    SecretOptions owned =
        new SecretOptions(
            options.label(),
            options.description(),
            options.expire(),
            options.rotate(),
            "application");
    return model.addSecret(content, owned);
  }

  private void requireLeader(String verb) {
    if (!model.isLeader()) {
      throw new IllegalStateException(
          model.unitName() + " is not leader and cannot " + verb + " the application " + name);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
