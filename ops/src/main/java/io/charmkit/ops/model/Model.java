package io.charmkit.ops.model;

import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.hooktools.HookTools;
import io.charmkit.ops.hooktools.PermissionDeniedException;
import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.hooktools.StatusReading;
import io.charmkit.ops.hooktools.StorageInfo;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.metadata.EndpointSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charm's view of its Juju model during one dispatch: this unit and application, the relations
 * of every endpoint, config, leadership, secrets, network and resources.
 *
 * <p>Every read goes through {@link HookTools}, at most once per dispatch (results are cached);
 * relation writes are buffered and flushed by {@link #commit()}, which the runtime calls only when
 * the charm returned normally.
 */
public final class Model {
  private static final Logger LOG = LoggerFactory.getLogger(Model.class);

  private final JujuContext context;
  private final CharmMetadata metadata;
  private final HookTools tools;
  private final Map<String, Unit> units = new HashMap<>();
  private final Map<String, Application> apps = new HashMap<>();
  private final Map<String, List<Relation>> relationsByEndpoint = new HashMap<>();
  private final Map<Integer, Relation> relationsById = new LinkedHashMap<>();
  private final PebbleConnector pebble;
  private final Map<String, Container> containers = new HashMap<>();
  private Boolean leader;
  private Config config;

  /** Creates the model of one dispatch; the runtime does this, and so do test harnesses. */
  public Model(
      JujuContext context, CharmMetadata metadata, HookTools tools, PebbleConnector pebble) {
    this.context = context;
    this.metadata = metadata;
    this.tools = tools;
    this.pebble = pebble;
  }

  /**
   * A workload container of this unit.
   *
   * @throws IllegalArgumentException when the charm's metadata declares no such container
   */
  public Container container(String name) {
    if (!metadata.containers().contains(name)) {
      throw new IllegalArgumentException(
          "the charm declares no container '"
              + name
              + "' (declared: "
              + String.join(", ", metadata.containers())
              + ")");
    }
    return containers.computeIfAbsent(name, n -> new Container(n, pebble));
  }

  /**
   * The journal of this dispatch's reads, when the runtime put one between the model and the hook
   * tools (it always does; a model built by hand over bare tools has none).
   */
  public Optional<io.charmkit.ops.inputs.InputJournal> journal() {
    return tools instanceof io.charmkit.ops.inputs.InputJournal journal
        ? Optional.of(journal)
        : Optional.empty();
  }

  /** The model name. */
  public String name() {
    return context.modelName();
  }

  /** The model UUID. */
  public String uuid() {
    return context.modelUuid();
  }

  /** The charm's metadata. */
  public CharmMetadata metadata() {
    return metadata;
  }

  /** The charm directory. */
  public Path charmDir() {
    return context.charmDir();
  }

  /** This unit. */
  public Unit unit() {
    return unitNamed(context.unitName());
  }

  /** This application. */
  public Application app() {
    return appNamed(context.appName());
  }

  /** Whether this unit leads its application; asked once per dispatch. */
  public boolean isLeader() {
    if (leader == null) {
      leader = tools.isLeader();
    }
    return leader;
  }

  /** The typed config, read with one {@code config-get} on first use. */
  public Config config() {
    if (config == null) {
      config = new Config(metadata.options(), tools.configGet());
    }
    return config;
  }

  /**
   * The relations of an endpoint, in id order. During relation-broken the broken relation is left
   * out, as in Juju.
   *
   * @throws IllegalArgumentException when the charm declares no such endpoint
   */
  public List<Relation> relations(String endpoint) {
    EndpointSpec spec = requireEndpoint(endpoint);
    return relationsByEndpoint.computeIfAbsent(
        endpoint,
        e -> {
          List<Relation> out = new ArrayList<>();
          for (int id : tools.relationIds(e)) {
            if (brokenRelationId().filter(b -> b == id).isPresent()) {
              continue;
            }
            out.add(relationsById.computeIfAbsent(id, i -> new Relation(this, spec, i, true)));
          }
          out.sort(java.util.Comparator.comparingInt(Relation::id));
          return Collections.unmodifiableList(out);
        });
  }

  /**
   * The single relation of an endpoint, if there is one.
   *
   * @throws IllegalStateException when the endpoint has more than one relation
   */
  public Optional<Relation> relation(String endpoint) {
    List<Relation> all = relations(endpoint);
    if (all.size() > 1) {
      throw new IllegalStateException(
          "endpoint " + endpoint + " has " + all.size() + " relations; use relations()");
    }
    return all.stream().findFirst();
  }

  /** The relation with this id on this endpoint, including the one being broken (inactive then). */
  public Relation relation(String endpoint, int id) {
    EndpointSpec spec = requireEndpoint(endpoint);
    boolean broken = brokenRelationId().filter(b -> b == id).isPresent();
    return relationsById.computeIfAbsent(id, i -> new Relation(this, spec, i, !broken));
  }

  /** A unit by name (remote units are known by name only). */
  public Unit unitNamed(String name) {
    return units.computeIfAbsent(name, n -> new Unit(this, n));
  }

  /** An application by name. */
  public Application appNamed(String name) {
    return apps.computeIfAbsent(name, n -> new Application(this, n));
  }

  /** A secret by id; its content is read at once, as ops does, so a missing secret fails here. */
  public Secret secret(String id) {
    return secret(id, false);
  }

  /**
   * A secret by id, its content read at once with one {@code secret-get}; with {@code refresh} this
   * unit starts tracking the latest revision ({@code --refresh}), as a consumer that must follow
   * rotations does.
   */
  public Secret secret(String id, boolean refresh) {
    Map<String, String> content =
        tools.secretGet(Optional.of(Secret.normalise(id)), Optional.empty(), refresh, false);
    return new Secret(this, Optional.of(id), Optional.empty(), content);
  }

  /** A secret by the label its owner (or this consumer) gave it. */
  public Secret secretByLabel(String label) {
    Map<String, String> content =
        tools.secretGet(Optional.empty(), Optional.of(label), false, false);
    return new Secret(this, Optional.empty(), Optional.of(label), content);
  }

  /** The addresses of a binding (usually an endpoint name). */
  public Network network(String binding) {
    return new Network(tools.networkGet(binding, Optional.empty()));
  }

  /** The addresses of a binding as seen by one relation. */
  public Network network(String binding, Relation relation) {
    return new Network(tools.networkGet(binding, Optional.of(relation.id())));
  }

  /**
   * The storage instances attached to this unit under a storage name, with their locations (one
   * {@code storage-list} plus one {@code storage-get} per instance).
   */
  public Map<String, StorageInfo> storages(String storageName) {
    if (!metadata.storages().contains(storageName)) {
      throw new IllegalArgumentException(
          "the charm declares no storage '"
              + storageName
              + "' (declared: "
              + String.join(", ", metadata.storages())
              + ")");
    }
    Map<String, StorageInfo> out = new LinkedHashMap<>();
    for (String id : tools.storageList(Optional.of(storageName))) {
      out.put(id, tools.storageGet(id));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The local path of a resource. */
  public Path resource(String name) {
    return tools.resourceGet(name);
  }

  /**
   * The hook tools this model reads through: for the model's own objects only. Charm code goes
   * through the model, so every read is cached for the dispatch and every relation write waits for
   * {@link #commit()}.
   */
  HookTools tools() {
    return tools;
  }

  /**
   * Flushes buffered relation writes: one {@code relation-set} per databag whose keys changed,
   * carrying only the changed keys; nothing when nothing changed.
   *
   * <p>Juju refuses a leader's application-bag writes before {@code install} has run (cos-lib #93),
   * although {@code is-leader} already says true. That refusal is not the charm's bug: the bag is
   * left unwritten, a warning is logged, and a later event (whose charm code writes the same keys
   * again) sends them. Any other failure still fails the hook.
   */
  public void commit() {
    for (Relation relation : relationsById.values()) {
      for (Databag bag : relation.loadedBags()) {
        try {
          Map<String, String> changes = bag.changes();
          if (!changes.isEmpty()) {
            tools.relationSet(relation.ref(), bag.isApplicationBag(), changes);
            bag.committed(changes);
          }
        } catch (PermissionDeniedException e) {
          if (!bag.isApplicationBag()) {
            throw e;
          }
          LOG.warn(
              "cannot write the {} yet ({}); a later event will write it", bag, e.getMessage());
        }
      }
    }
  }

  // --- package-private plumbing for the model's objects ------------------------------------

  String unitName() {
    return context.unitName();
  }

  String appName() {
    return context.appName();
  }

  boolean installing() {
    return !context.dispatchPath().action() && context.dispatchPath().juju().equals("install");
  }

  Status readStatus(boolean app) {
    StatusReading r = tools.statusGet(app);
    return new Status(StatusName.parse(r.status()), r.message());
  }

  void writeStatus(Status status, boolean app) {
    if (status.name() == StatusName.ERROR || status.name() == StatusName.UNKNOWN) {
      throw new IllegalArgumentException(
          "a charm cannot set status '" + status.name().juju() + "'; Juju sets it");
    }
    tools.statusSet(status.name().juju(), status.message(), app);
  }

  Secret addSecret(Map<String, String> content, SecretOptions options) {
    String id = tools.secretAdd(content, options);
    return new Secret(this, Optional.of(id), options.label(), Map.copyOf(content));
  }

  Optional<Application> remoteAppOf(Relation relation, Set<Unit> remoteUnits) {
    if (relation.isPeer()) {
      return Optional.of(app());
    }
    Optional<RelationRef> current = context.relation();
    if (current.isPresent() && current.get().id() == relation.id()) {
      return context.remoteApp().map(this::appNamed);
    }
    if (!remoteUnits.isEmpty()) {
      return Optional.of(remoteUnits.iterator().next().app());
    }
    if (!relation.isActive()) {
      return Optional.empty();
    }
    String name = tools.relationRemoteApp(relation.ref());
    return name == null || name.isEmpty() ? Optional.empty() : Optional.of(appNamed(name));
  }

  private Optional<Integer> brokenRelationId() {
    if (context.kind() == EventKind.RELATION_BROKEN) {
      return context.relation().map(RelationRef::id);
    }
    return Optional.empty();
  }

  private EndpointSpec requireEndpoint(String endpoint) {
    return metadata
        .endpoint(endpoint)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the charm declares no endpoint '"
                        + endpoint
                        + "' (declared: "
                        + String.join(", ", metadata.endpoints().keySet())
                        + ")"));
  }
}
