package io.charmkit.ops.event;

import io.charmkit.ops.framework.Event;
import io.charmkit.ops.hooktools.HookTools;
import java.util.Map;
import java.util.Optional;

/**
 * An action run by an operator. Parameters come from {@code action-get} (once, when first asked
 * for); results, log lines and failure reach Juju at once. Actions cannot be deferred.
 */
public final class ActionEvent extends Event {
  private final String action;
  private final Optional<String> id;
  private final HookTools tools;
  private Map<String, Object> params;
  private boolean failed;

  /** Creates the event for the action {@code action}. */
  public ActionEvent(String action, Optional<String> id, HookTools tools) {
    this.action = action;
    this.id = id;
    this.tools = tools;
  }

  /** The action name. */
  public String action() {
    return action;
  }

  /** The action id Juju gave. */
  public Optional<String> id() {
    return id;
  }

  /** The parameters, nested as the operator gave them (with actions.yaml defaults applied). */
  public Map<String, Object> params() {
    if (params == null) {
      params = Map.copyOf(tools.actionGet());
    }
    return params;
  }

  /** A string parameter. */
  public Optional<String> param(String name) {
    Object v = params().get(name);
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }

  /** Reports results (nested maps become dotted keys). */
  public void setResults(Map<String, Object> results) {
    tools.actionSet(results);
  }

  /** Streams a progress line to the operator. */
  public void log(String message) {
    tools.actionLog(message);
  }

  /** Marks the action failed with a message; the hook itself still succeeds. */
  public void fail(String message) {
    failed = true;
    tools.actionFail(message);
  }

  /** Whether {@link #fail} was called. */
  public boolean failed() {
    return failed;
  }

  @Override
  protected boolean deferrable() {
    return false;
  }

  @Override
  protected Map<String, Object> snapshot() {
    return Map.of("action", action);
  }

  @Override
  protected String describe() {
    return action + " action";
  }
}
