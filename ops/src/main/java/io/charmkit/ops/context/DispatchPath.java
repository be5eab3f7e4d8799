package io.charmkit.ops.context;

import java.util.List;

/**
 * What {@code JUJU_DISPATCH_PATH} names: a hook ({@code hooks/db-relation-changed}) or an action
 * ({@code actions/do-backup}), and the event name derived from it the way ops derives it (last path
 * component, {@code -} replaced by {@code _}, {@code _action} appended for actions).
 *
 * @param raw the path as Juju gave it
 * @param action whether it names an action
 * @param juju the hook or action name as Juju spells it ({@code db-relation-changed})
 * @param eventName the derived event name ({@code db_relation_changed}, {@code do_backup_action})
 */
public record DispatchPath(String raw, boolean action, String juju, String eventName) {

  // Longest suffixes first: "-pebble-check-recovered" must win over a shorter match.
  private static final List<Suffix> SUFFIXES =
      List.of(
          new Suffix("-relation-created", EventKind.RELATION_CREATED),
          new Suffix("-relation-joined", EventKind.RELATION_JOINED),
          new Suffix("-relation-changed", EventKind.RELATION_CHANGED),
          new Suffix("-relation-departed", EventKind.RELATION_DEPARTED),
          new Suffix("-relation-broken", EventKind.RELATION_BROKEN),
          new Suffix("-pebble-ready", EventKind.PEBBLE_READY),
          new Suffix("-pebble-custom-notice", EventKind.PEBBLE_CUSTOM_NOTICE),
          new Suffix("-pebble-check-failed", EventKind.PEBBLE_CHECK_FAILED),
          new Suffix("-pebble-check-recovered", EventKind.PEBBLE_CHECK_RECOVERED),
          new Suffix("-storage-attached", EventKind.STORAGE_ATTACHED),
          new Suffix("-storage-detaching", EventKind.STORAGE_DETACHING));

  private record Suffix(String text, EventKind kind) {}

  /**
   * Parses a dispatch path.
   *
   * @throws IllegalArgumentException when the path is empty
   */
  public static DispatchPath parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("empty dispatch path");
    }
    String trimmed = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    int slash = trimmed.lastIndexOf('/');
    String last = trimmed.substring(slash + 1);
    String parent = slash < 0 ? "" : trimmed.substring(0, slash);
    int parentSlash = parent.lastIndexOf('/');
    boolean action = parent.substring(parentSlash + 1).equals("actions");
    String event = last.replace('-', '_') + (action ? "_action" : "");
    return new DispatchPath(raw, action, last, event);
  }

  /** The event family this path names. */
  public EventKind kind() {
    if (action) {
      return EventKind.ACTION;
    }
    switch (juju) {
      case "secret-changed":
        return EventKind.SECRET_CHANGED;
      case "secret-rotate":
        return EventKind.SECRET_ROTATE;
      case "secret-remove":
        return EventKind.SECRET_REMOVE;
      case "secret-expired":
        return EventKind.SECRET_EXPIRED;
      default:
        break;
    }
    for (Suffix suffix : SUFFIXES) {
      if (juju.endsWith(suffix.text()) && juju.length() > suffix.text().length()) {
        return suffix.kind();
      }
    }
    return EventKind.HOOK;
  }

  /**
   * The name before the event suffix: the endpoint of a relation event, the container of a workload
   * event, the storage of a storage event, the action name; the hook name otherwise.
   */
  public String subject() {
    if (action) {
      return juju;
    }
    for (Suffix suffix : SUFFIXES) {
      if (juju.endsWith(suffix.text()) && juju.length() > suffix.text().length()) {
        return juju.substring(0, juju.length() - suffix.text().length());
      }
    }
    return juju;
  }
}
