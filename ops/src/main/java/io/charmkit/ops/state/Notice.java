package io.charmkit.ops.state;

import java.util.Map;

/**
 * A deferred event waiting for the next dispatch: which kind of event, which observer deferred it,
 * and the event's snapshot.
 *
 * @param eventPath the event source's path, e.g. {@code MyCharm/on/config_changed}
 * @param observer the observer's identity, e.g. {@code MyCharm#MyCharm/on/config_changed#0}
 * @param snapshot the event's arguments
 */
public record Notice(String eventPath, String observer, Map<String, Object> snapshot) {}
