package io.charmkit.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Juju event to run: a hook or an action, with the arguments Juju passes in its environment.
 * Build one with the factories ({@link #configChanged()}, {@link #relationChanged(Relation)},
 * {@link #pebbleReady(Container)}, {@link #action(String, Map)}, …); {@link Context#run} turns it
 * into the environment Juju would set (JUJU.md §2).
 *
 * @param dispatchPath {@code hooks/<hook>} or {@code actions/<action>}
 * @param relation the relation of a relation event
 * @param remoteUnit the remote unit number ({@code JUJU_REMOTE_UNIT}) of a relation event
 * @param departingUnit the departing unit number of relation-departed
 * @param environment the other event variables ({@code JUJU_WORKLOAD_NAME}, {@code JUJU_SECRET_ID},
 *     …)
 * @param params the action's parameters (empty for hooks)
 */
public record Event(
    String dispatchPath,
    Optional<Relation> relation,
    Optional<Integer> remoteUnit,
    Optional<Integer> departingUnit,
    Map<String, String> environment,
    Map<String, Object> params) {

  /** Copies the maps. */
  public Event {
    Objects.requireNonNull(dispatchPath, "dispatchPath");
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** An event of no relation, with its event variables and no parameters. */
  private Event(String dispatchPath, Map<String, String> environment) {
    this(dispatchPath, Optional.empty(), Optional.empty(), Optional.empty(), environment, Map.of());
  }

  /** The hook or action name as Juju spells it, e.g. {@code db-relation-changed}. */
  public String name() {
    return dispatchPath.substring(dispatchPath.indexOf('/') + 1);
  }

  /** Whether this is an action. */
  public boolean isAction() {
    return dispatchPath.startsWith("actions/");
  }

  /** This event with other action parameters. */
  public Event withParams(Map<String, ?> newParams) {
    return new Event(
        dispatchPath,
        relation,
        remoteUnit,
        departingUnit,
        environment,
        new LinkedHashMap<>(newParams));
  }

  @Override
  public String toString() {
    return (isAction() ? "action " : "hook ") + name();
  }

  // --- plain hooks ----------------------------------------------------------------------------

  /** {@code install}. */
  public static Event install() {
    return hook("install");
  }

  /** {@code start}. */
  public static Event start() {
    return hook("start");
  }

  /** {@code stop}. */
  public static Event stop() {
    return hook("stop");
  }

  /** {@code remove}. */
  public static Event remove() {
    return hook("remove");
  }

  /** {@code config-changed}. */
  public static Event configChanged() {
    return hook("config-changed");
  }

  /** {@code upgrade-charm}. */
  public static Event upgradeCharm() {
    return hook("upgrade-charm");
  }

  /** {@code update-status}. */
  public static Event updateStatus() {
    return hook("update-status");
  }

  /** {@code leader-elected}. */
  public static Event leaderElected() {
    return hook("leader-elected");
  }

  /** {@code leader-settings-changed}. */
  public static Event leaderSettingsChanged() {
    return hook("leader-settings-changed");
  }

  /** {@code collect-metrics}, a restricted context (no deferred events, no collect-status). */
  public static Event collectMetrics() {
    return hook("collect-metrics");
  }

  // --- relations ------------------------------------------------------------------------------

  /** {@code <endpoint>-relation-created}. */
  public static Event relationCreated(Relation relation) {
    return relationEvent("created", relation, Optional.empty(), Optional.empty());
  }

  /** {@code <endpoint>-relation-joined} from the relation's first remote unit. */
  public static Event relationJoined(Relation relation) {
    int first =
        relation.remoteUnitsData().keySet().stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "relation-joined needs a remote unit, but relation "
                            + relation.ref()
                            + " has none; add one with withRemoteUnit"));
    return relationJoined(relation, first);
  }

  /** {@code <endpoint>-relation-joined} from remote unit number {@code unit}. */
  public static Event relationJoined(Relation relation, int unit) {
    return relationEvent("joined", relation, Optional.of(unit), Optional.empty());
  }

  /**
   * {@code <endpoint>-relation-changed} from the relation's first remote unit, or an
   * application-level change when it has none.
   */
  public static Event relationChanged(Relation relation) {
    return relationEvent(
        "changed",
        relation,
        relation.remoteUnitsData().keySet().stream().findFirst(),
        Optional.empty());
  }

  /** {@code <endpoint>-relation-changed} from remote unit number {@code unit}. */
  public static Event relationChanged(Relation relation, int unit) {
    return relationEvent("changed", relation, Optional.of(unit), Optional.empty());
  }

  /** {@code <endpoint>-relation-departed}: remote unit number {@code unit} leaves. */
  public static Event relationDeparted(Relation relation, int unit) {
    return relationEvent("departed", relation, Optional.of(unit), Optional.of(unit));
  }

  /** {@code <endpoint>-relation-broken}. */
  public static Event relationBroken(Relation relation) {
    return relationEvent("broken", relation, Optional.empty(), Optional.empty());
  }

  // --- workloads ------------------------------------------------------------------------------

  /** {@code <container>-pebble-ready}. */
  public static Event pebbleReady(Container container) {
    return workload(container, "-pebble-ready", Map.of());
  }

  /** {@code <container>-pebble-custom-notice} for a custom notice with {@code key}, id 1. */
  public static Event pebbleCustomNotice(Container container, String key) {
    return workload(
        container,
        "-pebble-custom-notice",
        Map.of("JUJU_NOTICE_ID", "1", "JUJU_NOTICE_TYPE", "custom", "JUJU_NOTICE_KEY", key));
  }

  /** {@code <container>-pebble-check-failed} for {@code check}. */
  public static Event pebbleCheckFailed(Container container, String check) {
    return workload(container, "-pebble-check-failed", Map.of("JUJU_PEBBLE_CHECK_NAME", check));
  }

  /** {@code <container>-pebble-check-recovered} for {@code check}. */
  public static Event pebbleCheckRecovered(Container container, String check) {
    return workload(container, "-pebble-check-recovered", Map.of("JUJU_PEBBLE_CHECK_NAME", check));
  }

  // --- secrets --------------------------------------------------------------------------------

  /** {@code secret-changed}: a granted secret has a new revision. */
  public static Event secretChanged(Secret secret) {
    return secretEvent("secret-changed", secret, Optional.empty());
  }

  /** {@code secret-rotate}: an owned secret is due for rotation. */
  public static Event secretRotate(Secret secret) {
    return secretEvent("secret-rotate", secret, Optional.empty());
  }

  /** {@code secret-remove}: no consumer tracks {@code revision} of an owned secret any more. */
  public static Event secretRemove(Secret secret, int revision) {
    return secretEvent("secret-remove", secret, Optional.of(revision));
  }

  /** {@code secret-expired}: {@code revision} of an owned secret expired. */
  public static Event secretExpired(Secret secret, int revision) {
    return secretEvent("secret-expired", secret, Optional.of(revision));
  }

  // --- storage and actions ----------------------------------------------------------------------

  /** {@code <storage>-storage-attached}. */
  public static Event storageAttached(Storage storage) {
    return storageEvent(storage, "-storage-attached");
  }

  /** {@code <storage>-storage-detaching}. */
  public static Event storageDetaching(Storage storage) {
    return storageEvent(storage, "-storage-detaching");
  }

  /** The action {@code name} with no parameters. */
  public static Event action(String name) {
    return action(name, Map.of());
  }

  /** The action {@code name} with {@code params} ({@code actions.yaml} defaults apply too). */
  public static Event action(String name, Map<String, ?> params) {
    return new Event("actions/" + name, Map.of("JUJU_ACTION_NAME", name)).withParams(params);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static Event hook(String name) {
    return hook(name, Map.of());
  }

  /** A hook that is not a relation event, with its event variables. */
  private static Event hook(String name, Map<String, String> environment) {
    return new Event("hooks/" + name, environment);
  }

  private static Event relationEvent(
      String what, Relation relation, Optional<Integer> unit, Optional<Integer> departing) {
    return new Event(
        "hooks/" + relation.endpoint() + "-relation-" + what,
        Optional.of(relation),
        unit,
        departing,
        Map.of(),
        Map.of());
  }

  private static Event workload(Container container, String suffix, Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("JUJU_WORKLOAD_NAME", container.name());
    env.putAll(extra);
    return hook(container.name() + suffix, env);
  }

  private static Event secretEvent(String hook, Secret secret, Optional<Integer> revision) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("JUJU_SECRET_ID", secret.id());
    env.put("JUJU_SECRET_LABEL", secret.label().orElse(""));
    revision.ifPresent(r -> env.put("JUJU_SECRET_REVISION", Integer.toString(r)));
    return hook(hook, env);
  }

  private static Event storageEvent(Storage storage, String suffix) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("JUJU_STORAGE_ID", storage.id());
    env.put("JUJU_STORAGE_LOCATION", storage.location());
    env.put("JUJU_STORAGE_KIND", "filesystem");
    return hook(storage.name() + suffix, env);
  }
}
