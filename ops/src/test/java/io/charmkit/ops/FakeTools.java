package io.charmkit.ops;

import io.charmkit.ops.hooktools.GoalState;
import io.charmkit.ops.hooktools.HookTools;
import io.charmkit.ops.hooktools.NetworkInfo;
import io.charmkit.ops.hooktools.PermissionDeniedException;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.hooktools.RelationNotFoundException;
import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.hooktools.SecretInfo;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.hooktools.StatusReading;
import io.charmkit.ops.hooktools.StorageInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory hook-tool backend for the runtime's own unit tests: it answers from plain maps and
 * records every call as {@code tool args…}, so tests can assert which tools ran.
 */
final class FakeTools implements HookTools {
  final List<String> calls = new ArrayList<>();
  boolean leader = true;

  /** Refuse relation-set for application bags (unit bags too), as Juju can before install. */
  boolean refuseAppWrites;

  boolean refuseUnitWrites;
  final Map<String, Object> config = new LinkedHashMap<>();

  /** endpoint → relation ids. */
  final Map<String, List<Integer>> relationIds = new LinkedHashMap<>();

  /** relation id → remote unit names. */
  final Map<Integer, List<String>> relationUnits = new LinkedHashMap<>();

  /** "id/owner" → bag. */
  final Map<String, Map<String, String>> bags = new LinkedHashMap<>();

  final List<String> statusSets = new ArrayList<>();
  final Map<String, String> state = new TreeMap<>();
  final Set<Port> ports = new LinkedHashSet<>();
  final List<String> storageIds = new ArrayList<>();

  void relation(String endpoint, int id, String... units) {
    relationIds.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(id);
    relationUnits.put(id, List.of(units));
  }

  Map<String, String> bag(int id, String owner) {
    return bags.computeIfAbsent(id + "/" + owner, k -> new TreeMap<>());
  }

  @Override
  public List<Integer> relationIds(String endpoint) {
    calls.add("relation-ids " + endpoint);
    return relationIds.getOrDefault(endpoint, List.of());
  }

  @Override
  public List<String> relationList(RelationRef relation) {
    calls.add("relation-list " + relation);
    List<String> units = relationUnits.get(relation.id());
    if (units == null) {
      throw new RelationNotFoundException(
          "relation-list", List.of("relation-list"), 1, "ERROR relation not found");
    }
    return units;
  }

  @Override
  public String relationRemoteApp(RelationRef relation) {
    calls.add("relation-list --app " + relation);
    return "";
  }

  @Override
  public Map<String, String> relationGet(RelationRef relation, String owner, boolean app) {
    calls.add("relation-get " + relation + (app ? " --app " : " ") + owner);
    return new TreeMap<>(bag(relation.id(), owner));
  }

  @Override
  public void relationSet(RelationRef relation, boolean app, Map<String, String> changes) {
    calls.add("relation-set " + relation + (app ? " --app " : " ") + new TreeMap<>(changes));
    if (app ? refuseAppWrites : refuseUnitWrites) {
      throw new PermissionDeniedException(
          "relation-set",
          List.of("relation-set", "-r", relation.argument()),
          1,
          "ERROR permission denied (unauthorized access)");
    }
  }

  @Override
  public Map<String, Object> configGet() {
    calls.add("config-get");
    return config;
  }

  @Override
  public boolean isLeader() {
    calls.add("is-leader");
    return leader;
  }

  @Override
  public StatusReading statusGet(boolean app) {
    calls.add("status-get");
    return new StatusReading("unknown", "");
  }

  @Override
  public void statusSet(String status, String message, boolean app) {
    calls.add("status-set");
    statusSets.add((app ? "app " : "unit ") + status + ": " + message);
  }

  @Override
  public void jujuLog(String level, String message) {
    calls.add("juju-log");
  }

  @Override
  public void applicationVersionSet(String version) {
    calls.add("application-version-set " + version);
  }

  @Override
  public NetworkInfo networkGet(String binding, Optional<Integer> relationId) {
    calls.add("network-get " + binding);
    return new NetworkInfo(List.of(), List.of(), List.of("10.0.0.1"));
  }

  @Override
  public GoalState goalState() {
    calls.add("goal-state");
    return new GoalState(Map.of(), Map.of());
  }

  @Override
  public Path resourceGet(String name) {
    calls.add("resource-get " + name);
    return Path.of("/resources", name);
  }

  @Override
  public Map<String, String> stateGet() {
    calls.add("state-get");
    return new TreeMap<>(state);
  }

  @Override
  public void stateSet(Map<String, String> entries) {
    calls.add("state-set");
    state.putAll(entries);
  }

  @Override
  public void stateDelete(String key) {
    calls.add("state-delete " + key);
    state.remove(key);
  }

  @Override
  public Optional<String> leaderGet(String key) {
    calls.add("leader-get " + key);
    return Optional.empty();
  }

  @Override
  public void leaderSet(Map<String, String> entries) {
    calls.add("leader-set");
  }

  @Override
  public String secretAdd(Map<String, String> content, SecretOptions options) {
    calls.add("secret-add");
    return "secret:abc";
  }

  @Override
  public Map<String, String> secretGet(
      Optional<String> id, Optional<String> label, boolean refresh, boolean peek) {
    calls.add("secret-get " + id.orElse("") + label.map(l -> " --label " + l).orElse(""));
    return Map.of("key", "value");
  }

  @Override
  public SecretInfo secretInfoGet(Optional<String> id, Optional<String> label) {
    calls.add("secret-info-get");
    return new SecretInfo(
        id.orElse("secret:abc"), 1, label, Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public void secretSet(String id, Map<String, String> content, SecretOptions options) {
    calls.add("secret-set " + id);
  }

  @Override
  public void secretGrant(String id, int relationId, Optional<String> unit) {
    calls.add("secret-grant " + id + " " + relationId);
  }

  @Override
  public void secretRevoke(String id, int relationId, Optional<String> app, Optional<String> unit) {
    calls.add("secret-revoke " + id + " " + relationId);
  }

  @Override
  public void secretRemove(String id, Optional<Integer> revision) {
    calls.add("secret-remove " + id);
  }

  @Override
  public List<String> secretIds() {
    calls.add("secret-ids");
    return List.of();
  }

  @Override
  public void openPort(Port port) {
    calls.add("open-port " + port.argument());
    ports.add(port);
  }

  @Override
  public void closePort(Port port) {
    calls.add("close-port " + port.argument());
    ports.remove(port);
  }

  @Override
  public List<Port> openedPorts() {
    calls.add("opened-ports");
    return List.copyOf(ports);
  }

  @Override
  public Map<String, Object> actionGet() {
    calls.add("action-get");
    return Map.of("name", "x");
  }

  @Override
  public void actionSet(Map<String, Object> results) {
    calls.add("action-set " + results);
  }

  @Override
  public void actionFail(String message) {
    calls.add("action-fail " + message);
  }

  @Override
  public void actionLog(String message) {
    calls.add("action-log " + message);
  }

  @Override
  public List<String> storageList(Optional<String> name) {
    calls.add("storage-list");
    return List.copyOf(storageIds);
  }

  @Override
  public StorageInfo storageGet(String storageId) {
    calls.add("storage-get " + storageId);
    return new StorageInfo("filesystem", "/srv/" + storageId);
  }

  /** The calls of one tool. */
  List<String> callsOf(String tool) {
    return calls.stream().filter(c -> c.equals(tool) || c.startsWith(tool + " ")).toList();
  }
}
