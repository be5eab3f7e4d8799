package io.charmkit.testing.juju;

/**
 * A hook queued for a unit, with the context Juju would give it. Fields that do not apply are null.
 */
record PendingHook(
    long sequence,
    String unit,
    String hook,
    Integer relationId,
    String remoteApp,
    String remoteUnit,
    String departingUnit,
    String workload,
    String secretId,
    String secretLabel,
    Integer secretRevision) {

  static PendingHook simple(long sequence, String unit, String hook) {
    return new PendingHook(sequence, unit, hook, null, null, null, null, null, null, null, null);
  }

  static PendingHook relation(
      long sequence,
      String unit,
      String hook,
      int relationId,
      String remoteApp,
      String remoteUnit,
      String departingUnit) {
    return new PendingHook(
        sequence,
        unit,
        hook,
        relationId,
        remoteApp,
        remoteUnit,
        departingUnit,
        null,
        null,
        null,
        null);
  }

  static PendingHook workload(long sequence, String unit, String container) {
    return new PendingHook(
        sequence,
        unit,
        container + "-pebble-ready",
        null,
        null,
        null,
        null,
        container,
        null,
        null,
        null);
  }

  static PendingHook secret(
      long sequence, String unit, String hook, String secretId, String label, Integer revision) {
    return new PendingHook(
        sequence, unit, hook, null, null, null, null, null, secretId, label, revision);
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
