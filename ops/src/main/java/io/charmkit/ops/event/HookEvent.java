package io.charmkit.ops.event;

import io.charmkit.ops.framework.Event;
import java.util.Map;
import java.util.Set;

/**
 * A Juju hook that carries no arguments: install, start, stop, remove, config-changed,
 * upgrade-charm, leader-elected, leader-settings-changed, update-status and the like.
 */
public final class HookEvent extends Event {
  private static final Set<String> NOT_DEFERRABLE = Set.of("stop", "remove");

  private final String hook;

  /** An event for the hook Juju calls {@code hook} (e.g. {@code config-changed}). */
  public HookEvent(String hook) {
    this.hook = hook;
  }

  /** The hook name as Juju spells it. */
  public String hook() {
    return hook;
  }

  @Override
  protected boolean deferrable() {
    return !NOT_DEFERRABLE.contains(hook);
  }

  @Override
  protected Map<String, Object> snapshot() {
    return Map.of();
  }

  @Override
  protected String describe() {
    return hook;
  }
}
