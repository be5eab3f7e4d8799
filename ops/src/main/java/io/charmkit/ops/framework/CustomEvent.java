package io.charmkit.ops.framework;

import java.util.Map;
import java.util.Objects;

/**
 * An event that charm code defines, carrying a payload record (for example {@code
 * SchemaChanged(boolean schemaReady)}). The payload is what is stored when the event is deferred,
 * so it must be a record or bean that Jackson can write and read.
 *
 * @param <P> the payload type
 */
public final class CustomEvent<P> extends Event {
  private final P payload;
  private final Map<String, Object> snapshot;

  CustomEvent(P payload, Map<String, Object> snapshot) {
    this.payload = Objects.requireNonNull(payload, "payload");
    this.snapshot = snapshot;
  }

  /** The payload. */
  public P payload() {
    return payload;
  }

  @Override
  protected Map<String, Object> snapshot() {
    return snapshot;
  }

  @Override
  protected String describe() {
    return "custom event " + payload;
  }
}
