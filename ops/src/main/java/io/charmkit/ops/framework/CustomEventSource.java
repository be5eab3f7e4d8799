package io.charmkit.ops.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The source of a {@link CustomEvent}: call {@link #emit(Object)} with a payload.
 *
 * @param <P> the payload type
 */
public final class CustomEventSource<P> extends EventSource<CustomEvent<P>> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Class<P> payloadType;

  @SuppressWarnings({"unchecked", "rawtypes"})
  CustomEventSource(Component owner, String name, Class<P> payloadType) {
    super(
        owner,
        name,
        (Class<CustomEvent<P>>) (Class) CustomEvent.class,
        (snapshot, model) -> new CustomEvent<>(JSON.convertValue(snapshot, payloadType), snapshot));
    this.payloadType = payloadType;
  }

  /** The payload type. */
  public Class<P> payloadType() {
    return payloadType;
  }

  /** Emits an event carrying {@code payload} to every observer, at once. */
  @SuppressWarnings("unchecked")
  public void emit(P payload) {
    Map<String, Object> snapshot;
    try {
      snapshot = JSON.convertValue(payload, Map.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the payload of " + path() + " must be a record or bean Jackson can store: " + e, e);
    }
    emit(new CustomEvent<>(payload, snapshot));
  }
}
