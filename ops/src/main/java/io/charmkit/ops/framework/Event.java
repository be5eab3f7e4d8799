package io.charmkit.ops.framework;

import java.util.Map;

/**
 * Something that happened, handed to the observers of its {@link EventSource}.
 *
 * <p>An observer that cannot handle the event yet calls {@link #defer()}: the event is stored and
 * handed again to that observer (and only that one) at the start of the next dispatch, restored
 * from its {@link #snapshot()}. Deferring only sets a flag; the observer should return after it.
 */
public abstract class Event {
  private boolean deferred;

  /** Creates an event. */
  protected Event() {}

  /**
   * Asks for this event to be handed to the current observer again at the next dispatch.
   *
   * @throws IllegalStateException for events Juju does not let a charm defer (actions, stop,
   *     remove, secret-rotate, secret-expired, collect-status)
   */
  public void defer() {
    if (!deferrable()) {
      throw new IllegalStateException(describe() + " cannot be deferred");
    }
    deferred = true;
  }

  /** Whether the current observer deferred it. */
  public boolean isDeferred() {
    return deferred;
  }

  void resetDeferral() {
    deferred = false;
  }

  /** Whether {@link #defer()} is allowed. */
  protected boolean deferrable() {
    return true;
  }

  /**
   * The event's arguments as simple values (strings, numbers, booleans, lists and maps), enough to
   * rebuild it in a later dispatch. Model objects are saved by name or id and looked up again.
   */
  protected abstract Map<String, Object> snapshot();

  /** A short description for messages and logs. */
  protected String describe() {
    return getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return describe();
  }
}
