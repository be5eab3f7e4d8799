package io.charmkit.ops;

import io.charmkit.ops.context.DispatchPath;
import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.event.ActionEvent;
import io.charmkit.ops.event.CollectStatusEvent;
import io.charmkit.ops.event.HookEvent;
import io.charmkit.ops.event.RelationEvent;
import io.charmkit.ops.event.SecretEvent;
import io.charmkit.ops.event.StorageEvent;
import io.charmkit.ops.event.WorkloadEvent;
import io.charmkit.ops.framework.Event;
import io.charmkit.ops.framework.EventSource;
import io.charmkit.ops.metadata.CharmMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The charm's Juju events, one {@link EventSource} per hook: {@code on().configChanged()}, {@code
 * on().relationChanged("db")}, {@code on().pebbleReady("workload")}, {@code on().action("backup")},
 * and the collect-status events.
 *
 * <p>Endpoint, container, storage and action names are checked against the charm's metadata, so a
 * typo fails when the charm is constructed rather than silently never firing.
 */
public final class CharmEvents {
  private static final List<String> PLAIN_HOOKS =
      List.of(
          "install",
          "start",
          "stop",
          "remove",
          "config-changed",
          "upgrade-charm",
          "leader-elected",
          "leader-settings-changed",
          "update-status",
          "pre-series-upgrade",
          "post-series-upgrade",
          "collect-metrics");

  private final Charm charm;
  private final CharmMetadata metadata;
  private final Map<String, EventSource<? extends Event>> sources = new HashMap<>();

  CharmEvents(Charm charm, CharmMetadata metadata) {
    this.charm = charm;
    this.metadata = metadata;
  }

  /** {@code install}. */
  public EventSource<HookEvent> install() {
    return hook("install");
  }

  /** {@code start}. */
  public EventSource<HookEvent> start() {
    return hook("start");
  }

  /** {@code stop} (cannot be deferred). */
  public EventSource<HookEvent> stop() {
    return hook("stop");
  }

  /** {@code remove} (cannot be deferred). */
  public EventSource<HookEvent> remove() {
    return hook("remove");
  }

  /** {@code config-changed}. */
  public EventSource<HookEvent> configChanged() {
    return hook("config-changed");
  }

  /** {@code upgrade-charm}. */
  public EventSource<HookEvent> upgradeCharm() {
    return hook("upgrade-charm");
  }

  /** {@code leader-elected}. */
  public EventSource<HookEvent> leaderElected() {
    return hook("leader-elected");
  }

  /**
   * {@code leader-settings-changed}: <b>Juju 2.x only</b>. Juju 3.0 removed leadership settings, so
   * a Juju 3 agent never fires it; observe the peer relation's {@code relation-changed} to learn of
   * application data the leader shares in the peer application databag.
   */
  public EventSource<HookEvent> leaderSettingsChanged() {
    return hook("leader-settings-changed");
  }

  /** {@code update-status}. */
  public EventSource<HookEvent> updateStatus() {
    return hook("update-status");
  }

  /** {@code collect-metrics} (a restricted context). */
  public EventSource<HookEvent> collectMetrics() {
    return hook("collect-metrics");
  }

  /** {@code <endpoint>-relation-created}. */
  public EventSource<RelationEvent> relationCreated(String endpoint) {
    return relation(endpoint, "-relation-created");
  }

  /** {@code <endpoint>-relation-joined}. */
  public EventSource<RelationEvent> relationJoined(String endpoint) {
    return relation(endpoint, "-relation-joined");
  }

  /** {@code <endpoint>-relation-changed}. */
  public EventSource<RelationEvent> relationChanged(String endpoint) {
    return relation(endpoint, "-relation-changed");
  }

  /** {@code <endpoint>-relation-departed}. */
  public EventSource<RelationEvent> relationDeparted(String endpoint) {
    return relation(endpoint, "-relation-departed");
  }

  /** {@code <endpoint>-relation-broken}. */
  public EventSource<RelationEvent> relationBroken(String endpoint) {
    return relation(endpoint, "-relation-broken");
  }

  /** {@code <container>-pebble-ready}. */
  public EventSource<WorkloadEvent> pebbleReady(String container) {
    return workload(container, "-pebble-ready");
  }

  /** {@code <container>-pebble-custom-notice}. */
  public EventSource<WorkloadEvent> pebbleCustomNotice(String container) {
    return workload(container, "-pebble-custom-notice");
  }

  /** {@code <container>-pebble-check-failed}. */
  public EventSource<WorkloadEvent> pebbleCheckFailed(String container) {
    return workload(container, "-pebble-check-failed");
  }

  /** {@code <container>-pebble-check-recovered}. */
  public EventSource<WorkloadEvent> pebbleCheckRecovered(String container) {
    return workload(container, "-pebble-check-recovered");
  }

  /** {@code secret-changed} (consumer side). */
  public EventSource<SecretEvent> secretChanged() {
    return secret("secret-changed");
  }

  /** {@code secret-rotate} (owner side; cannot be deferred). */
  public EventSource<SecretEvent> secretRotate() {
    return secret("secret-rotate");
  }

  /** {@code secret-remove} (owner side). */
  public EventSource<SecretEvent> secretRemove() {
    return secret("secret-remove");
  }

  /** {@code secret-expired} (owner side; cannot be deferred). */
  public EventSource<SecretEvent> secretExpired() {
    return secret("secret-expired");
  }

  /** {@code <storage>-storage-attached}. */
  public EventSource<StorageEvent> storageAttached(String storage) {
    return storage(storage, "-storage-attached");
  }

  /** {@code <storage>-storage-detaching}. */
  public EventSource<StorageEvent> storageDetaching(String storage) {
    return storage(storage, "-storage-detaching");
  }

  /** The action {@code name} (cannot be deferred). */
  public EventSource<ActionEvent> action(String name) {
    if (!metadata.actions().containsKey(name)) {
      throw new IllegalArgumentException(
          "the charm declares no action '"
              + name
              + "' in actions.yaml (declared: "
              + String.join(", ", metadata.actions().keySet())
              + ")");
    }
    return source(
        name.replace('-', '_') + "_action",
        ActionEvent.class,
        (s, m) -> {
          throw new IllegalStateException("actions cannot be deferred");
        });
  }

  /** Collects the unit status after every event. */
  public EventSource<CollectStatusEvent> collectUnitStatus() {
    return source(
        "collect_unit_status", CollectStatusEvent.class, (s, m) -> new CollectStatusEvent(false));
  }

  /** Collects the application status after every event, on the leader only. */
  public EventSource<CollectStatusEvent> collectAppStatus() {
    return source(
        "collect_app_status", CollectStatusEvent.class, (s, m) -> new CollectStatusEvent(true));
  }

  /**
   * Every Juju hook this charm can receive, from its metadata: the plain hooks, five relation
   * events per endpoint, the Pebble events per container, the secret events and the storage events.
   * A charm that reconciles holistically observes them all with one handler.
   */
  public List<EventSource<? extends Event>> everyHook() {
    List<EventSource<? extends Event>> out = new ArrayList<>();
    for (String h : PLAIN_HOOKS) {
      if (!h.equals("collect-metrics")) {
        out.add(hook(h));
      }
    }
    for (String ep : metadata.endpoints().keySet()) {
      out.add(relationCreated(ep));
      out.add(relationJoined(ep));
      out.add(relationChanged(ep));
      out.add(relationDeparted(ep));
      out.add(relationBroken(ep));
    }
    for (String c : metadata.containers()) {
      out.add(pebbleReady(c));
      out.add(pebbleCustomNotice(c));
      out.add(pebbleCheckFailed(c));
      out.add(pebbleCheckRecovered(c));
    }
    out.add(secretChanged());
    out.add(secretRotate());
    out.add(secretRemove());
    out.add(secretExpired());
    for (String s : metadata.storages()) {
      out.add(storageAttached(s));
      out.add(storageDetaching(s));
    }
    return out;
  }

  /**
   * The source for the hook or action a dispatch path names, or empty when the charm's metadata
   * does not declare it (Juju can run a hook of an older or newer revision; ops ignores those).
   */
  Optional<EventSource<? extends Event>> forDispatch(DispatchPath path) {
    EventKind kind = path.kind();
    String subject = path.subject();
    if (kind == EventKind.ACTION) {
      return metadata.actions().containsKey(subject)
          ? Optional.of(action(subject))
          : Optional.empty();
    }
    if (kind.isRelation()) {
      return metadata.endpoints().containsKey(subject)
          ? Optional.of(relation(subject, path.juju().substring(subject.length())))
          : Optional.empty();
    }
    if (kind.isWorkload()) {
      return metadata.containers().contains(subject)
          ? Optional.of(workload(subject, path.juju().substring(subject.length())))
          : Optional.empty();
    }
    if (kind.isStorage()) {
      return metadata.storages().contains(subject)
          ? Optional.of(storage(subject, path.juju().substring(subject.length())))
          : Optional.empty();
    }
    if (kind.isSecret()) {
      return Optional.of(secret(path.juju()));
    }
    return PLAIN_HOOKS.contains(path.juju()) ? Optional.of(hook(path.juju())) : Optional.empty();
  }

  private EventSource<HookEvent> hook(String juju) {
    return source(juju.replace('-', '_'), HookEvent.class, (s, m) -> new HookEvent(juju));
  }

  private EventSource<RelationEvent> relation(String endpoint, String suffix) {
    if (!metadata.endpoints().containsKey(endpoint)) {
      throw new IllegalArgumentException(
          "the charm declares no endpoint '"
              + endpoint
              + "' (declared: "
              + String.join(", ", metadata.endpoints().keySet())
              + ")");
    }
    return source(
        (endpoint + suffix).replace('-', '_'), RelationEvent.class, RelationEvent::restore);
  }

  private EventSource<WorkloadEvent> workload(String container, String suffix) {
    if (!metadata.containers().contains(container)) {
      throw new IllegalArgumentException(
          "the charm declares no container '"
              + container
              + "' (declared: "
              + String.join(", ", metadata.containers())
              + ")");
    }
    return source(
        (container + suffix).replace('-', '_'), WorkloadEvent.class, WorkloadEvent::restore);
  }

  private EventSource<SecretEvent> secret(String juju) {
    return source(juju.replace('-', '_'), SecretEvent.class, SecretEvent::restore);
  }

  private EventSource<StorageEvent> storage(String storage, String suffix) {
    if (!metadata.storages().contains(storage)) {
      throw new IllegalArgumentException(
          "the charm declares no storage '"
              + storage
              + "' (declared: "
              + String.join(", ", metadata.storages())
              + ")");
    }
    return source((storage + suffix).replace('-', '_'), StorageEvent.class, StorageEvent::restore);
  }

  @SuppressWarnings("unchecked")
  private <E extends Event> EventSource<E> source(
      String name, Class<E> type, io.charmkit.ops.framework.EventRestorer<E> restorer) {
    return (EventSource<E>)
        sources.computeIfAbsent(name, n -> new EventSource<>(charm, n, type, restorer));
  }
}
