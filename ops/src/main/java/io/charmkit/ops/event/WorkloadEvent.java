package io.charmkit.ops.event;

import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.framework.Event;
import io.charmkit.ops.model.Model;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A workload container event: pebble-ready, pebble-custom-notice, pebble-check-failed or
 * pebble-check-recovered.
 */
public final class WorkloadEvent extends Event {
  private final EventKind kind;
  private final String container;
  private final Optional<String> noticeId;
  private final Optional<String> noticeType;
  private final Optional<String> noticeKey;
  private final Optional<String> checkName;

  /** Creates the event. */
  public WorkloadEvent(
      EventKind kind,
      String container,
      Optional<String> noticeId,
      Optional<String> noticeType,
      Optional<String> noticeKey,
      Optional<String> checkName) {
    if (!kind.isWorkload()) {
      throw new IllegalArgumentException(kind + " is not a workload event");
    }
    this.kind = kind;
    this.container = container;
    this.noticeId = noticeId;
    this.noticeType = noticeType;
    this.noticeKey = noticeKey;
    this.checkName = checkName;
  }

  /** Which workload event. */
  public EventKind kind() {
    return kind;
  }

  /** The container name. */
  public String container() {
    return container;
  }

  /** The notice id (custom notice only). */
  public Optional<String> noticeId() {
    return noticeId;
  }

  /** The notice type (custom notice only). */
  public Optional<String> noticeType() {
    return noticeType;
  }

  /** The notice key (custom notice only). */
  public Optional<String> noticeKey() {
    return noticeKey;
  }

  /** The check name (check failed or recovered only). */
  public Optional<String> checkName() {
    return checkName;
  }

  @Override
  protected Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kind", kind.name());
    s.put("container", container);
    noticeId.ifPresent(v -> s.put("notice_id", v));
    noticeType.ifPresent(v -> s.put("notice_type", v));
    noticeKey.ifPresent(v -> s.put("notice_key", v));
    checkName.ifPresent(v -> s.put("check_name", v));
    return s;
  }

  /** Rebuilds the event from its snapshot. */
  public static WorkloadEvent restore(Map<String, Object> s, Model model) {
    return new WorkloadEvent(
        EventKind.valueOf((String) s.get("kind")),
        (String) s.get("container"),
        Optional.ofNullable((String) s.get("notice_id")),
        Optional.ofNullable((String) s.get("notice_type")),
        Optional.ofNullable((String) s.get("notice_key")),
        Optional.ofNullable((String) s.get("check_name")));
  }

  @Override
  protected String describe() {
    return container + " " + kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
