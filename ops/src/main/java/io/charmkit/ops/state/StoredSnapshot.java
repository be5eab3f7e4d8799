package io.charmkit.ops.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Everything the runtime keeps between dispatches: each stored-state value by key, and the queue of
 * deferred events in order.
 *
 * @param values stored state, by key
 * @param notices deferred events, oldest first
 */
public record StoredSnapshot(Map<String, JsonNode> values, List<Notice> notices) {

  /** Copies the collections. */
  public StoredSnapshot {
    values = Map.copyOf(values);
    notices = List.copyOf(notices);
  }

  /** Nothing stored. */
  public static StoredSnapshot empty() {
    return new StoredSnapshot(Map.of(), List.of());
  }
}
