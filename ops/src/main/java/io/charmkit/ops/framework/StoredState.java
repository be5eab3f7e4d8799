package io.charmkit.ops.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;

/**
 * One typed value kept between dispatches, usually a record: read it with {@link #get()}, replace
 * it with {@link #set}. It is written (as JSON, atomically) only at the commit of a successful
 * dispatch; a failing hook leaves the previous value.
 *
 * @param <T> the value type
 */
public final class StoredState<T> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String key;
  private final Class<T> type;
  private final Supplier<T> defaults;
  private final JsonNode stored;
  private T value;
  private boolean touched;

  StoredState(String key, Class<T> type, Supplier<T> defaults, JsonNode stored) {
    this.key = key;
    this.type = type;
    this.defaults = defaults;
    this.stored = stored;
  }

  /** The key it is stored under. */
  public String key() {
    return key;
  }

  /** The current value: what was set, else what was stored, else the default. */
  public T get() {
    if (value == null) {
      if (stored == null) {
        value = defaults.get();
      } else {
        try {
          value = JSON.treeToValue(stored, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
          throw new IllegalStateException(
              "stored state "
                  + key
                  + " no longer fits "
                  + type.getSimpleName()
                  + " (was the charm upgraded with an incompatible type?): "
                  + e.getMessage(),
              e);
        }
      }
    }
    return value;
  }

  /** Replaces the value; saved at commit. */
  public void set(T newValue) {
    value = java.util.Objects.requireNonNull(newValue, "stored state value");
    touched = true;
  }

  /** The JSON to save, or the stored JSON when nothing was set. */
  JsonNode toJson() {
    if (!touched) {
      return stored;
    }
    return JSON.valueToTree(value);
  }
}
