package io.charmkit.testing.juju;

/**
 * A hook queued for a unit, with the context Juju would give it. Fields that do not apply are null.
 */
record PendingHook(
    String unit,
    String hook,
    Integer relationId,
    String remoteApp,
    String remoteUnit,
    String departingUnit,
    String workload,
    String secretId,
    String secretLabel) {

  static PendingHook simple(String unit, String hook) {
    return new PendingHook(unit, hook, null, null, null, null, null, null, null);
  }

  static PendingHook relation(
      String unit, String hook, int relationId, String remoteApp, String remote, String departing) {
    return new PendingHook(unit, hook, relationId, remoteApp, remote, departing, null, null, null);
  }

  static PendingHook workload(String unit, String container) {
    return new PendingHook(
        unit, container + "-pebble-ready", null, null, null, null, container, null, null);
  }

  static PendingHook secret(String unit, String hook, String secretId, String label) {
    return new PendingHook(unit, hook, null, null, null, null, null, secretId, label);
  }

  /** A short description for reports, e.g. {@code b/0 db-relation-changed (remote a/1)}. */
  String describe() {
    StringBuilder s = new StringBuilder(unit).append(' ').append(hook);
    if (remoteUnit != null) {
      s.append(" (remote ").append(remoteUnit).append(')');
    } else if (remoteApp != null) {
      s.append(" (app ").append(remoteApp).append(')');
    }
    return s.toString();
  }
}
