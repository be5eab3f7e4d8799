package io.charmkit.ops.framework;

import java.util.Objects;

/**
 * A kind of event that an object offers to observers: the charm's Juju events ({@code
 * charm.on().configChanged()}) and the custom events that endpoint objects define.
 *
 * <p>Its {@link #path()} ({@code <owner handle>/on/<name>}) identifies the kind across dispatches,
 * so deferred events find their way back.
 *
 * @param <E> the event type
 */
public class EventSource<E extends Event> {
  private final Component owner;
  private final String name;
  private final Class<E> type;
  private final EventRestorer<E> restorer;

  /**
   * Creates a source; charm code gets sources from {@code on()} or {@link Component#defineEvent}.
   */
  public EventSource(Component owner, String name, Class<E> type, EventRestorer<E> restorer) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.restorer = Objects.requireNonNull(restorer, "restorer");
  }

  /** The event name, e.g. {@code db_relation_changed} or {@code schema_changed}. */
  public String name() {
    return name;
  }

  /** The object that defines the event. */
  public Component owner() {
    return owner;
  }

  /** The event class. */
  public Class<E> type() {
    return type;
  }

  /** The stable identity of this kind of event: {@code <owner handle>/on/<name>}. */
  public String path() {
    return owner.handle() + "/on/" + name;
  }

  /**
   * Emits an event now: every observer runs at once, nested in the current handler, as custom
   * events do in ops.
   */
  public void emit(E event) {
    owner.framework().emit(this, event);
  }

  E restore(java.util.Map<String, Object> snapshot, io.charmkit.ops.model.Model model) {
    return restorer.restore(snapshot, model);
  }

  @Override
  public String toString() {
    return path();
  }
}
