package io.charmkit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.ops.hooktools.NetworkInfo;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.state.Notice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything Juju and the unit know before (or after) one event: the input and the output of {@link
 * Context#run}. Immutable; build one with {@link #builder()} and derive another with {@link
 * #toBuilder()}.
 *
 * @param leader whether this unit leads its application
 * @param config config values by option name (defaults from {@code config.yaml} apply on top)
 * @param relations the relations of every endpoint, peers included
 * @param containers the workload containers
 * @param secrets the secrets this unit owns or was granted
 * @param storages the attached storage instances
 * @param storedState the charm's stored state by key ({@code <handle>/StoredState[<name>]}), as
 *     JSON
 * @param deferred the deferred events, oldest first
 * @param openedPorts the ports this unit has opened
 * @param unitStatus this unit's workload status
 * @param appStatus the application's status
 * @param workloadVersion the workload version, empty when never set
 * @param modelName the model name
 * @param modelUuid the model UUID
 * @param networks {@code network-get} answers by binding; unlisted endpoints get {@link
 *     Network#defaults()}
 */
public record State(
    boolean leader,
    Map<String, Object> config,
    List<Relation> relations,
    List<Container> containers,
    List<Secret> secrets,
    List<Storage> storages,
    Map<String, JsonNode> storedState,
    List<Notice> deferred,
    Set<Port> openedPorts,
    Status unitStatus,
    Status appStatus,
    String workloadVersion,
    String modelName,
    String modelUuid,
    Map<String, NetworkInfo> networks) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies every collection so a state never changes. */
  public State {
    config = Collections.unmodifiableMap(new TreeMap<>(config));
    relations = List.copyOf(relations);
    containers = List.copyOf(containers);
    secrets = List.copyOf(secrets);
    storages = List.copyOf(storages);
    storedState = Collections.unmodifiableMap(new TreeMap<>(storedState));
    deferred = List.copyOf(deferred);
    List<Port> ports = new ArrayList<>(openedPorts);
    ports.sort(
        Comparator.comparing(Port::protocol)
            .thenComparingInt(Port::from)
            .thenComparingInt(Port::to));
    openedPorts = Collections.unmodifiableSet(new LinkedHashSet<>(ports));
    Objects.requireNonNull(unitStatus, "unitStatus");
    Objects.requireNonNull(appStatus, "appStatus");
    Objects.requireNonNull(workloadVersion, "workloadVersion");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(modelUuid, "modelUuid");
    networks = Collections.unmodifiableMap(new TreeMap<>(networks));
  }

  /** An empty state: not leader, no relations, statuses unknown, model {@code test}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this state. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The relation with this id. */
  public Optional<Relation> relation(int id) {
    return relations.stream().filter(r -> r.id() == id).findFirst();
  }

  /** The relations of one endpoint, in the state's order. */
  public List<Relation> relations(String endpoint) {
    return relations.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
  }

  /** The container with this name. */
  public Optional<Container> container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The secret with this id ({@code secret:} prefix optional), or with this label. */
  public Optional<Secret> secret(String idOrLabel) {
    String bare = Secret.bare(idOrLabel);
    return secrets.stream()
        .filter(
            s ->
                Secret.bare(s.id()).equals(bare) || s.label().filter(idOrLabel::equals).isPresent())
        .findFirst();
  }

  /**
   * A stored-state value read as {@code type}.
   *
   * @param key the stored-state key, e.g. {@code MyCharm/StoredState[counters]}
   */
  public <T> Optional<T> storedState(String key, Class<T> type) {
    JsonNode node = storedState.get(key);
    try {
      return Optional.ofNullable(node).map(n -> JSON.convertValue(n, type));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "stored state " + key + " does not fit " + type.getSimpleName() + ": " + node, e);
    }
  }

  /**
   * Builds a {@link State}. Every setter that takes an entity (relation, container, secret,
   * storage) adds it, replacing one with the same id or name.
   */
  public static final class Builder {
    private boolean leader;
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final Map<Integer, Relation> relations = new LinkedHashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final Map<String, Storage> storages = new LinkedHashMap<>();
    private final Map<String, JsonNode> storedState = new LinkedHashMap<>();
    private final List<Notice> deferred = new ArrayList<>();
    private final Set<Port> openedPorts = new LinkedHashSet<>();
    private Status unitStatus = Status.unknown();
    private Status appStatus = Status.unknown();
    private String workloadVersion = "";
    private String modelName = "test";
    private String modelUuid = "f3d3b9a2-6a56-4d7b-9c3e-2b1c0e6f7a81";
    private final Map<String, NetworkInfo> networks = new LinkedHashMap<>();

    private Builder() {}

    private Builder(State s) {
      leader = s.leader;
      config.putAll(s.config);
      s.relations.forEach(this::relation);
      s.containers.forEach(this::container);
      s.secrets.forEach(this::secret);
      s.storages.forEach(this::storage);
      storedState.putAll(s.storedState);
      deferred.addAll(s.deferred);
      openedPorts.addAll(s.openedPorts);
      unitStatus = s.unitStatus;
      appStatus = s.appStatus;
      workloadVersion = s.workloadVersion;
      modelName = s.modelName;
      modelUuid = s.modelUuid;
      networks.putAll(s.networks);
    }

    /** Sets leadership. */
    public Builder leader(boolean value) {
      leader = value;
      return this;
    }

    /** Replaces the config values. */
    public Builder config(Map<String, ?> values) {
      config.clear();
      config.putAll(values);
      return this;
    }

    /** Sets one config value. */
    public Builder config(String option, Object value) {
      config.put(option, value);
      return this;
    }

    /** Adds a relation (or replaces the one with its id). */
    public Builder relation(Relation relation) {
      relations.put(relation.id(), relation);
      return this;
    }

    /** Adds a container (or replaces the one with its name). */
    public Builder container(Container container) {
      containers.put(container.name(), container);
      return this;
    }

    /** Adds a secret (or replaces the one with its id). */
    public Builder secret(Secret secret) {
      secrets.put(Secret.bare(secret.id()), secret);
      return this;
    }

    /** Adds a storage instance (or replaces the one with its id). */
    public Builder storage(Storage storage) {
      storages.put(storage.id(), storage);
      return this;
    }

    /**
     * Sets a stored-state value, written as JSON the way the runtime writes it.
     *
     * @param key the full key, e.g. {@code MyCharm/StoredState[counters]}
     * @param value a record, map or simple value
     */
    public Builder storedState(String key, Object value) {
      storedState.put(key, JSON.valueToTree(value));
      return this;
    }

    /** Sets the stored-state value that component {@code handle} keeps under {@code name}. */
    public Builder storedState(String handle, String name, Object value) {
      return storedState(handle + "/StoredState[" + name + "]", value);
    }

    /** Replaces the deferred events (usually those of an earlier run's output). */
    public Builder deferred(List<Notice> notices) {
      deferred.clear();
      deferred.addAll(notices);
      return this;
    }

    /** Adds an opened port. */
    public Builder openedPort(Port port) {
      openedPorts.add(port);
      return this;
    }

    /** Sets this unit's status. */
    public Builder unitStatus(Status status) {
      unitStatus = status;
      return this;
    }

    /** Sets the application's status. */
    public Builder appStatus(Status status) {
      appStatus = status;
      return this;
    }

    /** Sets the workload version. */
    public Builder workloadVersion(String version) {
      workloadVersion = version;
      return this;
    }

    /** Sets the model name and UUID. */
    public Builder model(String name, String uuid) {
      modelName = name;
      modelUuid = uuid;
      return this;
    }

    /** Sets what {@code network-get} answers for {@code binding}. */
    public Builder network(String binding, NetworkInfo info) {
      networks.put(binding, info);
      return this;
    }

    /** Builds the state. */
    public State build() {
      return new State(
          leader,
          config,
          new ArrayList<>(relations.values()),
          new ArrayList<>(containers.values()),
          new ArrayList<>(secrets.values()),
          new ArrayList<>(storages.values()),
          storedState,
          deferred,
          openedPorts,
          unitStatus,
          appStatus,
          workloadVersion,
          modelName,
          modelUuid,
          networks);
    }
  }
}
