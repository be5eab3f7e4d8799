package io.charmkit.ops.framework;

import io.charmkit.ops.model.Model;
import java.util.Map;

/**
 * Rebuilds a deferred event from its snapshot, looking model objects up again in the current
 * dispatch's model.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventRestorer<E extends Event> {
  /** Rebuilds the event. */
  E restore(Map<String, Object> snapshot, Model model);
}
