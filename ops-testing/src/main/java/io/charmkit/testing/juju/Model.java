package io.charmkit.testing.juju;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.metadata.EndpointRole;
import io.charmkit.ops.metadata.EndpointSpec;
import io.charmkit.ops.metadata.MetadataException;
import io.charmkit.ops.model.StatusName;
import io.charmkit.testing.Consistency;
import io.charmkit.testing.pebble.ContainerFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The deployment as Juju's controller and unit agents see it: applications, units, relations and
 * their committed databags, secrets, and the queue of hooks still to run. Lifecycle operations
 * queue hooks in Juju's order (JUJU.md §11.2); {@link #commit} applies a successful hook's changes
 * and queues what they cause on the other side. Not thread-safe: {@link EmbeddedJuju} holds its
 * lock around every call.
 */
final class Model {
  /** Directories of a packed charm that are shared (symlinked) instead of copied per unit. */
  private static final Set<String> SHARED_DIRS = Set.of("lib", "jre", "venv");

  final String name;
  final String uuid;
  final Path workDir;
  private final WorkloadContainers containers;

  final Map<String, App> apps = new LinkedHashMap<>();
  final Map<String, Unit> units = new LinkedHashMap<>();
  private final Map<Integer, Relation> relations = new TreeMap<>();
  Map<String, Secret> secrets = new LinkedHashMap<>();
  final List<PendingHook> queue = new ArrayList<>();
  final Map<String, HookContext> contexts = new HashMap<>();

  /** Per (relation, bag, key): how many commits changed it; reset by each settle. */
  final Map<String, Integer> keyChanges = new TreeMap<>();

  private int nextRelationId;
  private int nextAddress;
  private long nextSecret = 1;

  Model(String name, String uuid, Path workDir, WorkloadContainers containers) {
    this.name = name;
    this.uuid = uuid;
    this.workDir = workDir;
    this.containers = containers;
  }

  // ---------------------------------------------------------------- lookups

  App app(String app) {
    App a = apps.get(app);
    if (a == null) {
      throw new EmbeddedJujuException(
          "no application \"" + app + "\" in the model (deployed: " + apps.keySet() + ")");
    }
    return a;
  }

  Unit unit(String unit) {
    Unit u = units.get(unit);
    if (u == null) {
      throw new EmbeddedJujuException(
          "no unit \"" + unit + "\" in the model (units: " + units.keySet() + ")");
    }
    return u;
  }

  Relation relation(int id) {
    Relation r = relations.get(id);
    if (r == null) {
      throw new EmbeddedJujuException(
          "no relation with id " + id + " in the model (relations: " + relations.keySet() + ")");
    }
    return r;
  }

  /** Adds a relation as it stands (the state-transition harness builds its model this way). */
  void addRelation(Relation r) {
    relations.put(r.id, r);
    nextRelationId = Math.max(nextRelationId, r.id + 1);
  }

  Relation relationIfPresent(int id) {
    return relations.get(id);
  }

  List<Relation> relations() {
    return List.copyOf(relations.values());
  }

  /** The relations {@code unit} is in, in id order. */
  List<Relation> relationsOf(Unit unit) {
    return relations.values().stream()
        .filter(r -> r.involves(unit.app.name) && !r.left.contains(unit.name))
        .toList();
  }

  /** The app status: the leader's setting, else the most severe unit status. */
  WorkloadStatus appStatus(App app) {
    if (app.status != null) {
      return app.status;
    }
    return app.units.stream()
        .map(Unit::displayedStatus)
        .max(Comparator.comparingInt(s -> StatusName.parse(s.status()).priority()))
        .filter(s -> !s.status().equals("unknown"))
        .orElse(new WorkloadStatus("unknown", ""));
  }

  String newSecretId() {
    String n = Long.toString(nextSecret++, 32);
    return "ck" + "0".repeat(18 - n.length()) + n;
  }

  void log(Unit unit, String level, String logger, String message) {
    for (String line : message.split("\n", -1)) {
      unit.log.append(level).append(' ').append(logger).append(": ").append(line).append('\n');
    }
  }

  // ---------------------------------------------------------------- lifecycle

  App deploy(String appName, Path charmDir, int count, Map<String, Object> config) {
    if (!appName.matches("[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*")) {
      throw new EmbeddedJujuException("invalid application name \"" + appName + "\"");
    }
    if (apps.containsKey(appName)) {
      throw new EmbeddedJujuException("application \"" + appName + "\" is already deployed");
    }
    if (count < 1) {
      throw new EmbeddedJujuException("deploy " + appName + ": need at least one unit");
    }
    CharmMetadata meta = loadMetadata(charmDir);
    App app = new App(appName, charmDir.toAbsolutePath(), meta);
    checkConfig(app, config);
    app.setConfig(config);
    apps.put(appName, app);
    for (EndpointSpec ep : meta.endpoints().values()) {
      if (ep.role() == EndpointRole.PEERS) {
        int id = nextRelationId++;
        relations.put(
            id, new Relation(id, appName, ep.name(), appName, ep.name(), ep.interfaceName()));
      }
    }
    try {
      for (int i = 0; i < count; i++) {
        addUnit(app);
      }
    } catch (EmbeddedJujuException e) {
      // Leave no half-deployed application behind.
      for (Unit u : List.copyOf(app.units)) {
        stopWorkloads(u);
        units.remove(u.name);
      }
      queue.removeIf(h -> h.unit().startsWith(appName + "/"));
      relations.values().removeIf(r -> r.involves(appName));
      apps.remove(appName);
      throw e;
    }
    return app;
  }

  Unit addUnit(App app) {
    int n = app.nextUnit++;
    String unitName = app.name + "/" + n;
    Path dir = workDir.resolve(app.name + "-" + n);
    String address = "10.1." + (nextAddress / 250) + "." + (nextAddress % 250 + 1);
    nextAddress++;
    Unit unit = new Unit(unitName, app, n, dir, address);
    try {
      // A work directory kept from an earlier run may hold this unit already: start afresh.
      ContainerFiles.deleteTree(dir);
      copyCharm(app.charmDir, unit.charmDir());
      for (String c : app.metadata.containers()) {
        unit.workloads.add(
            containers.start(
                new WorkloadContainers.ContainerSpec(
                    unitName,
                    c,
                    unit.containersDir().resolve(c).resolve("pebble.socket"),
                    dir.resolve("rootfs").resolve(c))));
      }
    } catch (IOException e) {
      stopWorkloads(unit);
      throw new EmbeddedJujuException("cannot set up unit " + unitName + ": " + e.getMessage(), e);
    }
    units.put(unitName, unit);
    app.units.add(unit);
    if (app.leader == null) {
      app.leader = unitName;
    }
    enqueue(unitName, "install");
    // Peer relations first, each kind in id order.
    List<Relation> rels =
        relations.values().stream()
            .filter(r -> r.involves(app.name) && !r.dying)
            .sorted(Comparator.comparing(r -> !r.isPeer()))
            .toList();
    for (Relation r : rels) {
      r.bags.put(unitName, addressBag(unit));
      queue.add(relationHook(unit, r, "relation-created", null, null));
    }
    enqueue(unitName, unit.isLeader() ? "leader-elected" : "leader-settings-changed");
    enqueue(unitName, "config-changed");
    enqueue(unitName, "start");
    for (String c : app.metadata.containers()) {
      queue.add(PendingHook.workload(unitName, c));
    }
    for (Relation r : rels) {
      for (Unit remote : liveOn(r, unit)) {
        queue.add(relationHook(unit, r, "relation-joined", remote.name, null));
        queue.add(relationHook(unit, r, "relation-changed", remote.name, null));
        queue.add(relationHook(remote, r, "relation-joined", unitName, null));
        queue.add(relationHook(remote, r, "relation-changed", unitName, null));
      }
    }
    return unit;
  }

  void configure(App app, Map<String, Object> values) {
    checkConfig(app, values);
    Map<String, Object> before = app.effectiveConfig();
    app.setConfig(values);
    if (!before.equals(app.effectiveConfig())) {
      live(app).forEach(u -> enqueue(u.name, "config-changed"));
    }
  }

  private static CharmMetadata loadMetadata(Path charmDir) {
    if (!Files.isDirectory(charmDir)) {
      throw new EmbeddedJujuException("charm directory " + charmDir + " does not exist");
    }
    try {
      return CharmMetadata.load(charmDir);
    } catch (MetadataException e) {
      throw new EmbeddedJujuException(
          "cannot read the charm in " + charmDir + ": " + e.getMessage(), e);
    }
  }

  private static void checkConfig(App app, Map<String, Object> values) {
    List<String> problems = Consistency.configProblems(app.metadata, values);
    if (!problems.isEmpty()) {
      throw new EmbeddedJujuException(
          "application \"" + app.name + "\" refuses the config: " + String.join("; ", problems));
    }
  }

  int relate(String first, String second) {
    String[] a = resolveEndpoint(first, second);
    String[] b = resolveEndpoint(second, first);
    App appA = app(a[0]);
    App appB = app(b[0]);
    EndpointSpec epA = appA.metadata.endpoints().get(a[1]);
    EndpointSpec epB = appB.metadata.endpoints().get(b[1]);
    String what = a[0] + ":" + a[1] + " and " + b[0] + ":" + b[1];
    if (appA == appB) {
      throw new EmbeddedJujuException("cannot relate " + what + ": an application to itself");
    }
    if (epA.role() == EndpointRole.PEERS || epB.role() == EndpointRole.PEERS) {
      throw new EmbeddedJujuException("cannot relate " + what + ": peer endpoints relate alone");
    }
    if (epA.role() == epB.role()) {
      throw new EmbeddedJujuException(
          "cannot relate "
              + what
              + ": both endpoints "
              + epA.role().name().toLowerCase(Locale.ROOT));
    }
    if (!epA.interfaceName().equals(epB.interfaceName())) {
      throw new EmbeddedJujuException(
          "cannot relate %s: interfaces differ (%s vs %s)"
              .formatted(what, epA.interfaceName(), epB.interfaceName()));
    }
    for (Relation r : relations.values()) {
      if (r.involves(a[0])
          && r.involves(b[0])
          && r.endpointOf(a[0]).equals(a[1])
          && r.endpointOf(b[0]).equals(b[1])) {
        throw new EmbeddedJujuException("relation " + what + " already exists (id " + r.id + ")");
      }
    }
    checkLimit(appA, epA);
    checkLimit(appB, epB);
    // Juju keys a relation provider-last; keep requirer first so ids and keys read the same way.
    int id = nextRelationId++;
    Relation r =
        epA.role() == EndpointRole.REQUIRES
            ? new Relation(id, a[0], a[1], b[0], b[1], epA.interfaceName())
            : new Relation(id, b[0], b[1], a[0], a[1], epA.interfaceName());
    relations.put(id, r);
    List<Unit> all = new ArrayList<>(live(appA));
    all.addAll(live(appB));
    for (Unit u : all) {
      r.bags.put(u.name, addressBag(u));
      queue.add(relationHook(u, r, "relation-created", null, null));
    }
    for (Unit u : all) {
      for (Unit remote : liveOn(r, u)) {
        queue.add(relationHook(u, r, "relation-joined", remote.name, null));
        queue.add(relationHook(u, r, "relation-changed", remote.name, null));
      }
    }
    return id;
  }

  private void checkLimit(App app, EndpointSpec ep) {
    if (ep.limit().isEmpty() || ep.limit().get() <= 0) {
      return;
    }
    long used =
        relations.values().stream()
            .filter(r -> r.involves(app.name) && r.endpointOf(app.name).equals(ep.name()))
            .count();
    if (used >= ep.limit().get()) {
      throw new EmbeddedJujuException(
          "cannot relate %s:%s: endpoint limit of %d reached"
              .formatted(app.name, ep.name(), ep.limit().get()));
    }
  }

  /** {@code app:endpoint}, or {@code app} alone when one endpoint fits {@code other}. */
  private String[] resolveEndpoint(String spec, String other) {
    int colon = spec.indexOf(':');
    if (colon >= 0) {
      String appName = spec.substring(0, colon);
      String ep = spec.substring(colon + 1);
      if (!app(appName).metadata.endpoints().containsKey(ep)) {
        throw new EmbeddedJujuException(
            "application \"%s\" has no endpoint \"%s\" (endpoints: %s)"
                .formatted(appName, ep, app(appName).metadata.endpoints().keySet()));
      }
      return new String[] {appName, ep};
    }
    String otherApp = other.contains(":") ? other.substring(0, other.indexOf(':')) : other;
    Set<String> otherInterfaces =
        app(otherApp).metadata.endpoints().values().stream()
            .filter(e -> e.role() != EndpointRole.PEERS)
            .filter(
                e ->
                    !other.contains(":")
                        || e.name().equals(other.substring(other.indexOf(':') + 1)))
            .map(EndpointSpec::interfaceName)
            .collect(Collectors.toSet());
    List<String> fits =
        app(spec).metadata.endpoints().values().stream()
            .filter(e -> e.role() != EndpointRole.PEERS)
            .filter(e -> otherInterfaces.contains(e.interfaceName()))
            .map(EndpointSpec::name)
            .toList();
    if (fits.size() != 1) {
      throw new EmbeddedJujuException(
          "cannot tell which endpoint of \"%s\" to relate to \"%s\" (candidates: %s); name it as %s:<endpoint>"
              .formatted(spec, other, fits, spec));
    }
    return new String[] {spec, fits.get(0)};
  }

  void removeRelation(int id) {
    Relation r = relation(id);
    if (r.isPeer()) {
      throw new EmbeddedJujuException(
          "relation " + id + " is a peer relation; it cannot be removed");
    }
    if (r.dying) {
      throw new EmbeddedJujuException("relation " + id + " is already being removed");
    }
    r.dying = true;
    queue.removeIf(h -> Objects.equals(h.relationId(), id));
    for (Unit u : allUnits(r)) {
      if (r.left.contains(u.name)) {
        continue;
      }
      for (String member : r.membersOf(u.name)) {
        queue.add(relationHook(u, r, "relation-departed", member, member));
      }
      queue.add(relationHook(u, r, "relation-broken", null, null));
    }
  }

  /**
   * Removes an application, as {@code juju remove-application} does: each of its non-peer relations
   * is removed (departed and broken on both sides), then every unit departs its peers, stops and is
   * removed. The application disappears with its last unit.
   */
  void removeApplication(App app) {
    if (app.dying) {
      throw new EmbeddedJujuException("application " + app.name + " is already being removed");
    }
    for (Relation r : relations()) {
      if (!r.isPeer() && !r.dying && r.involves(app.name)) {
        removeRelation(r.id);
      }
    }
    app.dying = true;
    live(app).forEach(this::removeUnit);
    if (app.units.isEmpty()) {
      apps.remove(app.name);
    }
  }

  void removeUnit(Unit unit) {
    if (unit.dying) {
      throw new EmbeddedJujuException("unit " + unit.name + " is already being removed");
    }
    unit.dying = true;
    // Drop what no longer makes sense for a leaving unit, but keep the departed and broken hooks
    // of relations already being removed: those are how the unit leaves them.
    queue.removeIf(
        h ->
            (unit.name.equals(h.remoteUnit()) || unit.name.equals(h.unit()))
                && !inDyingRelation(h));
    unit.failedHook = null;
    for (Relation r : relationsOf(unit)) {
      if (r.dying) {
        // Already being removed as a whole (remove-relation or remove-application), which
        // queued this unit's departed and broken hooks.
        continue;
      }
      for (Unit other : liveOn(r, unit)) {
        if (r.membersOf(other.name).contains(unit.name)) {
          queue.add(relationHook(other, r, "relation-departed", unit.name, unit.name));
        }
      }
      for (String member : r.membersOf(unit.name)) {
        queue.add(relationHook(unit, r, "relation-departed", member, unit.name));
      }
      queue.add(relationHook(unit, r, "relation-broken", null, null));
    }
    enqueue(unit.name, "stop");
    enqueue(unit.name, "remove");
  }

  private boolean inDyingRelation(PendingHook hook) {
    Integer id = hook.relationId();
    return id != null && relations.containsKey(id) && relations.get(id).dying;
  }

  /** Forgets a unit after its remove hook: its databags go, and leadership moves on. */
  private void deleteUnit(Unit unit) {
    stopWorkloads(unit);
    units.remove(unit.name);
    unit.app.units.remove(unit);
    queue.removeIf(h -> unit.name.equals(h.unit()) || unit.name.equals(h.remoteUnit()));
    for (Relation r : relations.values()) {
      r.bags.remove(unit.name);
      r.members.remove(unit.name);
      r.members.values().forEach(m -> m.remove(unit.name));
      r.left.remove(unit.name);
    }
    dropFinishedRelations();
    if (unit.app.dying && unit.app.units.isEmpty()) {
      apps.remove(unit.app.name);
      return;
    }
    if (unit.name.equals(unit.app.leader)) {
      unit.app.leader = null;
      unit.app.units.stream().filter(u -> !u.dying).findFirst().ifPresent(this::electLeader);
    }
  }

  private void stopWorkloads(Unit unit) {
    for (WorkloadContainers.Workload w : unit.workloads) {
      try {
        w.close();
      } catch (IOException e) {
        log(unit, "WARNING", "embedded-juju", "stopping a workload failed: " + e.getMessage());
      }
    }
    unit.workloads.clear();
  }

  void electLeader(Unit unit) {
    if (unit.dying) {
      throw new EmbeddedJujuException("unit " + unit.name + " is dying and cannot lead");
    }
    if (unit.isLeader()) {
      return;
    }
    unit.app.leader = unit.name;
    enqueue(unit.name, "leader-elected");
    unit.app.units.stream()
        .filter(u -> u != unit && !u.dying)
        .forEach(u -> enqueue(u.name, "leader-settings-changed"));
  }

  void updateStatus() {
    units.values().stream().filter(u -> !u.dying).forEach(u -> enqueue(u.name, "update-status"));
  }

  /** Clears a unit's error; with {@code retry} the failed hook runs again first (juju resolve). */
  void resolve(Unit unit, boolean retry) {
    if (unit.failedHook == null) {
      throw new EmbeddedJujuException("unit " + unit.name + " is not in error");
    }
    if (retry) {
      // Juju retries the failed hook before anything else the unit has queued.
      queue.add(0, unit.failedHook);
    }
    unit.failedHook = null;
  }

  // ---------------------------------------------------------------- running hooks

  /** The next hook to run: the oldest one whose unit is not held by a failed hook. */
  PendingHook next() {
    return queue.stream()
        .filter(h -> units.containsKey(h.unit()) && units.get(h.unit()).failedHook == null)
        .findFirst()
        .orElse(null);
  }

  /** Takes {@code hook} off the queue and opens its context, updating relation membership. */
  HookContext begin(PendingHook hook, String contextId) {
    // By identity: an action runs as a hook that is not queued, though an equal one may be.
    queue.removeIf(h -> h == hook);
    Unit unit = unit(hook.unit());
    if (hook.relationId() != null && hook.remoteUnit() != null) {
      Relation r = relations.get(hook.relationId());
      if (r != null) {
        if (hook.hook().endsWith("-relation-joined")) {
          r.membersOf(unit.name).add(hook.remoteUnit());
        } else if (hook.hook().endsWith("-relation-departed")) {
          r.membersOf(unit.name).remove(hook.remoteUnit());
        }
      }
    }
    HookContext ctx = new HookContext(this, contextId, hook, unit);
    contexts.put(contextId, ctx);
    return ctx;
  }

  /** Closes a hook: commits on exit 0, otherwise holds the unit in error. */
  void finish(HookContext ctx, int exitCode) {
    contexts.remove(ctx.id);
    Unit unit = ctx.unit;
    if (exitCode != 0) {
      unit.failedHook = ctx.hook;
      return;
    }
    commit(ctx);
    String hook = ctx.hook.hook();
    if (hook.endsWith("-relation-broken")) {
      Relation r = relations.get(ctx.hook.relationId());
      if (r != null) {
        r.left.add(unit.name);
        r.members.remove(unit.name);
        dropFinishedRelations();
      }
    } else if (hook.equals("remove")) {
      deleteUnit(unit);
    }
  }

  private void dropFinishedRelations() {
    relations
        .values()
        .removeIf(r -> r.dying && allUnits(r).stream().allMatch(u -> r.left.contains(u.name)));
  }

  /** Applies a successful hook's buffered changes and queues the hooks they cause. */
  void commit(HookContext ctx) {
    Unit unit = ctx.unit;
    for (var e : ctx.bags.entrySet()) {
      Relation r = relations.get(e.getKey());
      if (r == null) {
        continue;
      }
      for (String owner : List.of(unit.name, unit.app.name)) {
        Map<String, String> before = r.bags.getOrDefault(owner, Map.of());
        Map<String, String> after = e.getValue().getOrDefault(owner, Map.of());
        if (before.equals(after)) {
          continue;
        }
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
          if (!Objects.equals(before.get(k), after.get(k))) {
            keyChanges.merge(r.ref(unit.app.name) + " " + owner + " " + k, 1, Integer::sum);
          }
        }
        r.bags.put(owner, new TreeMap<>(after));
        propagate(r, unit, owner);
      }
    }
    if (ctx.state != null) {
      unit.state = ctx.state;
    }
    if (ctx.ports != null) {
      unit.ports = ctx.ports;
    }
    if (ctx.leaderSettings != null && !ctx.leaderSettings.equals(unit.app.leaderSettings)) {
      unit.app.leaderSettings = ctx.leaderSettings;
      unit.app.units.stream()
          .filter(u -> u != unit && !u.dying)
          .forEach(u -> enqueue(u.name, "leader-settings-changed"));
    }
    if (ctx.secrets != null) {
      commitSecrets(ctx);
    }
  }

  /**
   * Applies the secrets this hook created, changed or removed (others may have changed since it
   * took its copy), and queues secret-changed for consumers behind a new revision.
   */
  private void commitSecrets(HookContext ctx) {
    Set<String> ids = new TreeSet<>(ctx.secretsBefore.keySet());
    ids.addAll(ctx.secrets.keySet());
    for (String id : ids) {
      Secret before = ctx.secretsBefore.get(id);
      Secret after = ctx.secrets.get(id);
      if (after == null) {
        secrets.remove(id);
        continue;
      }
      if (before != null && before.fingerprint().equals(after.fingerprint())) {
        continue;
      }
      secrets.put(id, after);
      if (before == null || before.latestRevision() == after.latestRevision()) {
        continue;
      }
      for (var c : after.consumers.entrySet()) {
        Unit consumer = units.get(c.getKey());
        if (consumer == null
            || consumer.dying
            || c.getValue().revision() >= after.latestRevision()) {
          continue;
        }
        boolean pending =
            hasPending(
                consumer,
                h -> h.hook().equals("secret-changed") && after.uri().equals(h.secretId()));
        if (!pending) {
          queue.add(
              PendingHook.secret(
                  consumer.name, "secret-changed", after.uri(), c.getValue().label()));
        }
      }
    }
  }

  /** Queues relation-changed on the units that see the bag {@code owner} of {@code r} change. */
  private void propagate(Relation r, Unit writer, String owner) {
    if (r.dying) {
      return;
    }
    // A unit bag's change is about that unit; an application bag's, about no unit.
    String remoteUnit = owner.contains("/") ? owner : null;
    for (Unit target : liveOn(r, writer)) {
      if (r.left.contains(target.name)
          || (remoteUnit != null && !r.membersOf(target.name).contains(owner))) {
        continue; // gone, or not joined yet: its pending joined+changed will show the data
      }
      String hook = r.endpointOf(target.app.name) + "-relation-changed";
      if (!hasPending(
          target,
          h ->
              h.hook().equals(hook)
                  && h.relationId() == r.id
                  && (remoteUnit == null || remoteUnit.equals(h.remoteUnit())))) {
        queue.add(PendingHook.relation(target.name, hook, r.id, writer.app.name, remoteUnit, null));
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private boolean hasPending(Unit unit, Predicate<PendingHook> match) {
    return queue.stream().anyMatch(h -> h.unit().equals(unit.name) && match.test(h));
  }

  private void enqueue(String unit, String hook) {
    queue.add(PendingHook.simple(unit, hook));
  }

  private static PendingHook relationHook(
      Unit unit, Relation r, String kind, String remoteUnit, String departing) {
    return PendingHook.relation(
        unit.name,
        r.endpointOf(unit.app.name) + "-" + kind,
        r.id,
        r.remoteApp(unit.app.name),
        remoteUnit,
        departing);
  }

  private List<Unit> live(App app) {
    return app.units.stream().filter(u -> !u.dying).toList();
  }

  private List<Unit> allUnits(Relation r) {
    List<Unit> out = new ArrayList<>(app(r.appA).units);
    if (!r.isPeer()) {
      out.addAll(app(r.appB).units);
    }
    return out;
  }

  /** The live units on the other side of {@code r} from {@code unit} (other peers for peers). */
  private List<Unit> liveOn(Relation r, Unit unit) {
    return live(app(r.remoteApp(unit.app.name))).stream().filter(u -> u != unit).toList();
  }

  private static Map<String, String> addressBag(Unit unit) {
    Map<String, String> bag = new TreeMap<>();
    bag.put("egress-subnets", unit.address + "/32");
    bag.put("ingress-address", unit.address);
    bag.put("private-address", unit.address);
    return bag;
  }

  /**
   * Copies a charm into a unit's directory (each unit writes its own state file there), linking the
   * big read-only payload directories instead of copying them, and making sure {@code dispatch} and
   * legacy hooks are executable (class-path resources lose the bit).
   */
  private static void copyCharm(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path rel = from.relativize(dir);
            if (rel.getNameCount() == 1 && SHARED_DIRS.contains(rel.toString())) {
              Files.createSymbolicLink(to.resolve(rel.toString()), dir.toAbsolutePath());
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(rel.toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path target = to.resolve(from.relativize(file).toString());
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            return FileVisitResult.CONTINUE;
          }
        });
    Path dispatch = to.resolve("dispatch");
    if (Files.isRegularFile(dispatch)) {
      Files.setPosixFilePermissions(dispatch, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path hooks = to.resolve("hooks");
    if (Files.isDirectory(hooks)) {
      try (var files = Files.list(hooks)) {
        for (Path h : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(h)) {
            Files.setPosixFilePermissions(h, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
      }
    }
  }
}
