package io.charmkit.ops.event;

import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.framework.Event;
import io.charmkit.ops.model.Model;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A storage event: attached or detaching. */
public final class StorageEvent extends Event {
  private final EventKind kind;
  private final String storageId;
  private final Optional<String> location;

  /** Creates the event for storage {@code storageId} ({@code data/0}). */
  public StorageEvent(EventKind kind, String storageId, Optional<String> location) {
    if (!kind.isStorage()) {
      throw new IllegalArgumentException(kind + " is not a storage event");
    }
    this.kind = kind;
    this.storageId = storageId;
    this.location = location;
  }

  /** Which storage event. */
  public EventKind kind() {
    return kind;
  }

  /** The storage id, e.g. {@code data/0}. */
  public String storageId() {
    return storageId;
  }

  /** The storage name: the part of the id before {@code /}. */
  public String storageName() {
    int slash = storageId.indexOf('/');
    return slash < 0 ? storageId : storageId.substring(0, slash);
  }

  /** The mount location, if Juju gave it. */
  public Optional<String> location() {
    return location;
  }

  @Override
  protected Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kind", kind.name());
    s.put("id", storageId);
    location.ifPresent(v -> s.put("location", v));
    return s;
  }

  /** Rebuilds the event from its snapshot. */
  public static StorageEvent restore(Map<String, Object> s, Model model) {
    return new StorageEvent(
        EventKind.valueOf((String) s.get("kind")),
        (String) s.get("id"),
        Optional.ofNullable((String) s.get("location")));
  }
}
