package io.charmkit.ops.context;

/**
 * The families of Juju events, as far as the runtime needs to tell them apart: which environment
 * variables they carry and which can be deferred.
 */
public enum EventKind {
  /** A plain hook with no arguments: install, start, config-changed, update-status, … */
  HOOK,
  /** {@code <endpoint>-relation-created}. */
  RELATION_CREATED,
  /** {@code <endpoint>-relation-joined}. */
  RELATION_JOINED,
  /** {@code <endpoint>-relation-changed}. */
  RELATION_CHANGED,
  /** {@code <endpoint>-relation-departed}. */
  RELATION_DEPARTED,
  /** {@code <endpoint>-relation-broken}. */
  RELATION_BROKEN,
  /** {@code <container>-pebble-ready}. */
  PEBBLE_READY,
  /** {@code <container>-pebble-custom-notice}. */
  PEBBLE_CUSTOM_NOTICE,
  /** {@code <container>-pebble-check-failed}. */
  PEBBLE_CHECK_FAILED,
  /** {@code <container>-pebble-check-recovered}. */
  PEBBLE_CHECK_RECOVERED,
  /** {@code secret-changed}. */
  SECRET_CHANGED,
  /** {@code secret-rotate}. */
  SECRET_ROTATE,
  /** {@code secret-remove}. */
  SECRET_REMOVE,
  /** {@code secret-expired}. */
  SECRET_EXPIRED,
  /** {@code <storage>-storage-attached}. */
  STORAGE_ATTACHED,
  /** {@code <storage>-storage-detaching}. */
  STORAGE_DETACHING,
  /** {@code actions/<name>}. */
  ACTION;

  /** Whether this is one of the five relation events. */
  public boolean isRelation() {
    return this == RELATION_CREATED
        || this == RELATION_JOINED
        || this == RELATION_CHANGED
        || this == RELATION_DEPARTED
        || this == RELATION_BROKEN;
  }

  /** Whether this is one of the workload (Pebble) events. */
  public boolean isWorkload() {
    return this == PEBBLE_READY
        || this == PEBBLE_CUSTOM_NOTICE
        || this == PEBBLE_CHECK_FAILED
        || this == PEBBLE_CHECK_RECOVERED;
  }

  /** Whether this is one of the secret events. */
  public boolean isSecret() {
    return this == SECRET_CHANGED
        || this == SECRET_ROTATE
        || this == SECRET_REMOVE
        || this == SECRET_EXPIRED;
  }

  /** Whether this is a storage event. */
  public boolean isStorage() {
    return this == STORAGE_ATTACHED || this == STORAGE_DETACHING;
  }
}
