package io.charmkit.ops.framework;

import io.charmkit.ops.model.Model;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A participant in a dispatch: the charm itself, or an object the charm builds (an endpoint
 * wrapper, a library) that observes events, defines custom events and keeps stored state.
 *
 * <p>Every component has a handle path, {@code <parent>/<Class>[<key>]} under the charm's class
 * name, that identifies its observers and stored state across dispatches; two components with the
 * same path are an error.
 */
public abstract class Component {
  private final Framework framework;
  private final String handle;

  /** The root component: the charm. */
  protected Component(Framework framework) {
    this.framework = Objects.requireNonNull(framework, "framework");
    this.handle = getClass().getSimpleName();
    framework.register(this);
  }

  /**
   * A component owned by {@code parent}.
   *
   * @param key distinguishes siblings of the same class, e.g. the endpoint name
   */
  protected Component(Component parent, String key) {
    this.framework = parent.framework();
    this.handle = parent.handle() + "/" + getClass().getSimpleName() + "[" + key + "]";
    framework.register(this);
  }

  /** The handle path. */
  public final String handle() {
    return handle;
  }

  /** The framework running this dispatch. */
  public final Framework framework() {
    return framework;
  }

  /** The model of this dispatch. */
  public final Model model() {
    return framework.model();
  }

  /**
   * Calls {@code handler} whenever an event of {@code source} is emitted. Observers run in the
   * order they were registered; a deferred event comes back to the same observer.
   */
  protected final <E extends Event> void observe(
      EventSource<E> source, Consumer<? super E> handler) {
    framework.observe(source, this, handler);
  }

  /** Defines a custom event with a payload record, emitted by this component. */
  protected final <P> CustomEventSource<P> defineEvent(String name, Class<P> payloadType) {
    return new CustomEventSource<>(this, name, payloadType);
  }

  /**
   * Typed state kept between dispatches (JSON), saved only when the dispatch succeeds.
   *
   * @param name distinguishes several stored values of one component
   * @param defaults the value before anything was stored
   */
  protected final <T> StoredState<T> storedState(String name, Class<T> type, Supplier<T> defaults) {
    return framework.storedState(handle + "/StoredState[" + name + "]", type, defaults);
  }
}
