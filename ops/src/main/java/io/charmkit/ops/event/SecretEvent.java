package io.charmkit.ops.event;

import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.framework.Event;
import io.charmkit.ops.model.Model;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A secret event: changed (consumer side), rotate, remove or expired (owner side). Rotate and
 * expired cannot be deferred: Juju keeps firing them until handled.
 */
public final class SecretEvent extends Event {
  private final EventKind kind;
  private final String secretId;
  private final Optional<String> label;
  private final Optional<Integer> revision;

  /** Creates the event. */
  public SecretEvent(
      EventKind kind, String secretId, Optional<String> label, Optional<Integer> revision) {
    if (!kind.isSecret()) {
      throw new IllegalArgumentException(kind + " is not a secret event");
    }
    this.kind = kind;
    this.secretId = secretId;
    this.label = label;
    this.revision = revision;
  }

  /** Which secret event. */
  public EventKind kind() {
    return kind;
  }

  /** The secret's id. */
  public String secretId() {
    return secretId;
  }

  /** The secret's label, if it has one. */
  public Optional<String> label() {
    return label;
  }

  /** The revision (remove and expired). */
  public Optional<Integer> revision() {
    return revision;
  }

  @Override
  protected boolean deferrable() {
    return kind != EventKind.SECRET_ROTATE && kind != EventKind.SECRET_EXPIRED;
  }

  @Override
  protected Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kind", kind.name());
    s.put("id", secretId);
    label.ifPresent(v -> s.put("label", v));
    revision.ifPresent(v -> s.put("revision", v));
    return s;
  }

  /** Rebuilds the event from its snapshot. */
  public static SecretEvent restore(Map<String, Object> s, Model model) {
    return new SecretEvent(
        EventKind.valueOf((String) s.get("kind")),
        (String) s.get("id"),
        Optional.ofNullable((String) s.get("label")),
        Optional.ofNullable((Number) s.get("revision")).map(Number::intValue));
  }

  @Override
  protected String describe() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " for " + secretId;
  }
}
