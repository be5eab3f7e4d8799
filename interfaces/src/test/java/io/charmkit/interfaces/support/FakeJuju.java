package io.charmkit.interfaces.support;

import io.charmkit.ops.hooktools.GoalState;
import io.charmkit.ops.hooktools.HookTools;
import io.charmkit.ops.hooktools.NetworkInfo;
import io.charmkit.ops.hooktools.PermissionDeniedException;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.hooktools.RelationNotFoundException;
import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.hooktools.SecretInfo;
import io.charmkit.ops.hooktools.SecretNotFoundException;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.hooktools.StatusReading;
import io.charmkit.ops.hooktools.StorageInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory Juju for one unit: answers relation, secret and leadership tools from maps, applies
 * {@code relation-set} to the bags at once (as Juju shows a unit its own writes), and records every
 * call. Tools these endpoints never use throw, so a test notices when one is reached.
 */
public final class FakeJuju implements HookTools {

  /** One relation as this unit sees it. */
  public static final class RelationState {
    final String endpoint;
    final int id;
    final String remoteApp;
    final List<String> remoteUnits;
    final Map<String, Map<String, String>> bags = new LinkedHashMap<>();

    RelationState(String endpoint, int id, String remoteApp, List<String> remoteUnits) {
      this.endpoint = endpoint;
      this.id = id;
      this.remoteApp = remoteApp;
      this.remoteUnits = new ArrayList<>(remoteUnits);
    }
  }

  /** A {@code relation-set} as it was called. */
  public record RelationSet(int relationId, boolean app, Map<String, String> changes) {}

  /** A {@code secret-get} as it was called. */
  public record SecretRead(String id, boolean refresh) {}

  /** A {@code secret-grant} as it was called. */
  public record SecretGrant(String id, int relationId) {}

  final Map<Integer, RelationState> relations = new TreeMap<>();
  final Map<String, List<Integer>> relationOrder = new LinkedHashMap<>();
  final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  final List<RelationSet> relationSets = new ArrayList<>();
  final List<SecretRead> secretReads = new ArrayList<>();
  final List<SecretGrant> secretGrants = new ArrayList<>();
  boolean leader;
  boolean denyAppWrites;
  String localUnit;
  String localApp;

  RelationState relation(int id) {
    RelationState r = relations.get(id);
    if (r == null) {
      throw new RelationNotFoundException(
          "relation-get", List.of("relation-get", "-r", String.valueOf(id)), 2, "ERROR not found");
    }
    return r;
  }

  @Override
  public List<Integer> relationIds(String endpoint) {
    calls.add("relation-ids " + endpoint);
    return List.copyOf(relationOrder.getOrDefault(endpoint, List.of()));
  }

  @Override
  public List<String> relationList(RelationRef ref) {
    calls.add("relation-list " + ref);
    return List.copyOf(relation(ref.id()).remoteUnits);
  }

  @Override
  public String relationRemoteApp(RelationRef ref) {
    calls.add("relation-list --app " + ref);
    return relation(ref.id()).remoteApp;
  }

  @Override
  public Map<String, String> relationGet(RelationRef ref, String owner, boolean app) {
    calls.add("relation-get " + ref + (app ? " --app " : " ") + owner);
    return new TreeMap<>(relation(ref.id()).bags.getOrDefault(owner, Map.of()));
  }

  @Override
  public void relationSet(RelationRef ref, boolean app, Map<String, String> changes) {
    calls.add("relation-set " + ref + (app ? " --app" : ""));
    if (app && denyAppWrites) {
      throw new PermissionDeniedException(
          "relation-set",
          List.of("relation-set", "-r", ref.argument(), "--app"),
          1,
          "ERROR permission denied (unauthorized access)");
    }
    relationSets.add(new RelationSet(ref.id(), app, Map.copyOf(changes)));
    RelationState r = relation(ref.id());
    String owner = app ? localApp : localUnit;
    Map<String, String> bag = r.bags.computeIfAbsent(owner, o -> new TreeMap<>());
    changes.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            bag.remove(k);
          } else {
            bag.put(k, v);
          }
        });
  }

  @Override
  public boolean isLeader() {
    calls.add("is-leader");
    return leader;
  }

  @Override
  public Map<String, String> secretGet(
      Optional<String> id, Optional<String> label, boolean refresh, boolean peek) {
    String key = id.orElseThrow(() -> new UnsupportedOperationException("secrets by label"));
    calls.add("secret-get " + key + (refresh ? " --refresh" : ""));
    secretReads.add(new SecretRead(key, refresh));
    Map<String, String> content = secrets.get(uniqueId(key));
    if (content == null) {
      throw new SecretNotFoundException(
          "secret-get", List.of("secret-get", key), 1, "ERROR secret not found");
    }
    return Map.copyOf(content);
  }

  @Override
  public SecretInfo secretInfoGet(Optional<String> id, Optional<String> label) {
    calls.add("secret-info-get");
    return new SecretInfo(
        id.orElseThrow(), 1, label, Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public void secretGrant(String id, int relationId, Optional<String> unit) {
    calls.add("secret-grant " + id + " " + relationId);
    secretGrants.add(new SecretGrant(id, relationId));
  }

  @Override
  public void jujuLog(String level, String message) {
    calls.add("juju-log " + level);
  }

  @Override
  public StatusReading statusGet(boolean app) {
    return new StatusReading("unknown", "");
  }

  @Override
  public void statusSet(String status, String message, boolean app) {
    calls.add("status-set " + status + " " + message);
  }

  // --- tools these endpoints never call -------------------------------------------------------

  @Override
  public Map<String, Object> configGet() {
    return Map.of();
  }

  @Override
  public void applicationVersionSet(String version) {
    throw unused("application-version-set");
  }

  @Override
  public NetworkInfo networkGet(String binding, Optional<Integer> relationId) {
    throw unused("network-get");
  }

  @Override
  public GoalState goalState() {
    throw unused("goal-state");
  }

  @Override
  public Path resourceGet(String name) {
    throw unused("resource-get");
  }

  @Override
  public Map<String, String> stateGet() {
    throw unused("state-get");
  }

  @Override
  public void stateSet(Map<String, String> entries) {
    throw unused("state-set");
  }

  @Override
  public void stateDelete(String key) {
    throw unused("state-delete");
  }

  @Override
  public Optional<String> leaderGet(String key) {
    throw unused("leader-get");
  }

  @Override
  public void leaderSet(Map<String, String> entries) {
    throw unused("leader-set");
  }

  @Override
  public String secretAdd(Map<String, String> content, SecretOptions options) {
    throw unused("secret-add");
  }

  @Override
  public void secretSet(String id, Map<String, String> content, SecretOptions options) {
    throw unused("secret-set");
  }

  @Override
  public void secretRevoke(String id, int relationId, Optional<String> app, Optional<String> unit) {
    throw unused("secret-revoke");
  }

  @Override
  public void secretRemove(String id, Optional<Integer> revision) {
    throw unused("secret-remove");
  }

  @Override
  public List<String> secretIds() {
    throw unused("secret-ids");
  }

  @Override
  public void openPort(Port port) {
    throw unused("open-port");
  }

  @Override
  public void closePort(Port port) {
    throw unused("close-port");
  }

  @Override
  public List<Port> openedPorts() {
    throw unused("opened-ports");
  }

  @Override
  public Map<String, Object> actionGet() {
    throw unused("action-get");
  }

  @Override
  public void actionSet(Map<String, Object> results) {
    throw unused("action-set");
  }

  @Override
  public void actionFail(String message) {
    throw unused("action-fail");
  }

  @Override
  public void actionLog(String message) {
    throw unused("action-log");
  }

  @Override
  public List<String> storageList(Optional<String> name) {
    throw unused("storage-list");
  }

  @Override
  public StorageInfo storageGet(String storageId) {
    throw unused("storage-get");
  }

  /** Juju accepts {@code secret:<id>} and {@code secret://<model>/<id>} for the same secret. */
  static String uniqueId(String id) {
    int slash = id.lastIndexOf('/');
    return slash >= 0 ? id.substring(slash + 1) : id.replaceFirst("^secret:", "");
  }

  private static UnsupportedOperationException unused(String tool) {
    return new UnsupportedOperationException(tool + " is not modelled by FakeJuju");
  }
}
