package io.charmkit.ops.framework;

import com.fasterxml.jackson.databind.JsonNode;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.state.Notice;
import io.charmkit.ops.state.StateStore;
import io.charmkit.ops.state.StoredSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loop of one dispatch: who observes what, emitting events to observers, deferral and
 * re-emission, and stored state.
 *
 * <p>An observer's identity is its component's handle, the event source's path and its position
 * among that component's observers of that source. Charm constructors register observers in the
 * same order on every dispatch, so a deferred event finds its observer again in the next process.
 */
public final class Framework {
  private static final Logger LOG = LoggerFactory.getLogger(Framework.class);

  private final Model model;
  private final StateStore store;
  private final StoredSnapshot loaded;
  private final Map<String, Component> components = new LinkedHashMap<>();
  private final Map<String, List<Observer<?>>> observersBySource = new HashMap<>();
  private final Map<String, Observer<?>> observersById = new HashMap<>();
  private final Map<String, StoredState<?>> states = new LinkedHashMap<>();
  private final List<Notice> notices;
  private final List<String> emitted = new ArrayList<>();
  private final List<Runnable> beforeCommit = new ArrayList<>();

  private record Observer<E extends Event>(
      String id, EventSource<E> source, Consumer<? super E> handler) {
    void run(Event event) {
      handler.accept(source.type().cast(event));
    }
  }

  /** A framework over {@code model}, with state loaded from {@code store}. */
  public Framework(Model model, StateStore store) {
    this.model = Objects.requireNonNull(model, "model");
    this.store = Objects.requireNonNull(store, "store");
    this.loaded = store.load();
    this.notices = new ArrayList<>(loaded.notices());
  }

  /** The model of this dispatch. */
  public Model model() {
    return model;
  }

  /** The paths of the events emitted so far, in order (a record for tests and figures). */
  public List<String> emitted() {
    return Collections.unmodifiableList(emitted);
  }

  /** Stored state and deferred events as loaded at the start of the dispatch. */
  public StoredSnapshot storedAtStart() {
    return loaded;
  }

  /**
   * Runs {@code action} at {@link #commit()}, before stored state is saved (after the model's
   * relation writes): a last chance to set stored state from what the whole dispatch did.
   */
  public void beforeCommit(Runnable action) {
    beforeCommit.add(Objects.requireNonNull(action, "action"));
  }

  /** The deferred events that will be stored at commit. */
  public List<Notice> deferred() {
    return Collections.unmodifiableList(notices);
  }

  void register(Component component) {
    Component previous = components.putIfAbsent(component.handle(), component);
    if (previous != null) {
      throw new IllegalStateException(
          "two objects have the handle "
              + component.handle()
              + ": give each component of one class a distinct key");
    }
  }

  <E extends Event> void observe(
      EventSource<E> source, Component observer, Consumer<? super E> handler) {
    List<Observer<?>> list =
        observersBySource.computeIfAbsent(source.path(), p -> new ArrayList<>());
    long mine = list.stream().filter(o -> o.id().startsWith(observer.handle() + "#")).count();
    String id = observer.handle() + "#" + source.path() + "#" + mine;
    Observer<E> entry = new Observer<>(id, source, handler);
    list.add(entry);
    observersById.put(id, entry);
  }

  /** Whether anything observes {@code source}. */
  public boolean isObserved(EventSource<?> source) {
    return !observersBySource.getOrDefault(source.path(), List.of()).isEmpty();
  }

  <E extends Event> void emit(EventSource<E> source, E event) {
    emitted.add(source.path());
    for (Observer<?> observer :
        List.copyOf(observersBySource.getOrDefault(source.path(), List.of()))) {
      event.resetDeferral();
      observer.run(event);
      if (event.isDeferred()) {
        queue(new Notice(source.path(), observer.id(), event.snapshot()));
      }
    }
  }

  /**
   * Hands every event deferred by earlier dispatches back to the observer that deferred it, in
   * order. Events deferred again stay queued; an event whose observer no longer exists (the charm
   * changed) or whose model objects are gone is dropped with a warning.
   */
  public void reemitDeferred() {
    List<Notice> queued = List.copyOf(notices);
    notices.clear();
    for (Notice notice : queued) {
      Observer<?> observer = observersById.get(notice.observer());
      if (observer == null) {
        LOG.warn(
            "dropping deferred {}: its observer {} is no longer registered",
            notice.eventPath(),
            notice.observer());
        continue;
      }
      Event event;
      try {
        event = observer.source().restore(notice.snapshot(), model);
      } catch (RuntimeException e) {
        LOG.warn(
            "dropping deferred {}: it cannot be restored: {}", notice.eventPath(), e.toString());
        continue;
      }
      emitted.add(notice.eventPath());
      event.resetDeferral();
      observer.run(event);
      if (event.isDeferred()) {
        queue(new Notice(notice.eventPath(), notice.observer(), event.snapshot()));
      }
    }
  }

  private void queue(Notice notice) {
    // Duplicate suppression, as ops does by default: an identical notice waits only once.
    if (!notices.contains(notice)) {
      notices.add(notice);
    }
  }

  @SuppressWarnings("unchecked")
  <T> StoredState<T> storedState(String key, Class<T> type, Supplier<T> defaults) {
    StoredState<?> existing = states.get(key);
    if (existing != null) {
      return (StoredState<T>) existing;
    }
    StoredState<T> state = new StoredState<>(key, type, defaults, loaded.values().get(key));
    states.put(key, state);
    return state;
  }

  /**
   * Saves stored state and deferred events, if they changed. The runtime calls this only when the
   * dispatch succeeded.
   */
  public void commit() {
    beforeCommit.forEach(Runnable::run);
    Map<String, JsonNode> values = new HashMap<>(loaded.values());
    for (StoredState<?> state : states.values()) {
      JsonNode json = state.toJson();
      if (json != null) {
        values.put(state.key(), json);
      }
    }
    StoredSnapshot next = new StoredSnapshot(values, notices);
    if (!next.equals(loaded)) {
      store.save(next);
    }
  }
}
