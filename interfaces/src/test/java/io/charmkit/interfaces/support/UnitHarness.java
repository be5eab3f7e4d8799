package io.charmkit.interfaces.support;

import io.charmkit.ops.Charm;
import io.charmkit.ops.DispatchResult;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.PebbleConnector;
import io.charmkit.ops.state.StateStore;
import io.charmkit.ops.state.StoredSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One unit and the relations it sees, driven through the production {@link Dispatcher}: set up the
 * state ("a worker with these bags"), run one hook, then look at the bags and the tool calls. State
 * carries over from run to run (bags, stored state), so a test can play several hooks.
 *
 * <p>Kept close to ops.testing's state-in, event, state-out shape so that these tests can move to
 * charmkit-testing's {@code Context}/{@code State} unchanged in substance.
 */
public final class UnitHarness {
  /** A valid model UUID (version 4, lower case). */
  public static final String MODEL_UUID = "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4";

  private static final PebbleConnector NO_PEBBLE =
      c -> {
        throw new IllegalStateException("no Pebble in interface tests (container " + c + ")");
      };

  private final CharmMetadata metadata;
  private final String unitName;
  private final FakeJuju juju = new FakeJuju();
  private final MemoryStore store = new MemoryStore();

  private UnitHarness(CharmMetadata metadata, String unitName) {
    this.metadata = metadata;
    this.unitName = unitName;
    juju.localUnit = unitName;
    juju.localApp = unitName.substring(0, unitName.indexOf('/'));
  }

  /**
   * Starts a unit of the charm with this metadata.
   *
   * @param metadataYaml the charm's metadata.yaml
   * @param unitName e.g. {@code tempo-worker/0}
   * @return the harness
   */
  public static UnitHarness of(String metadataYaml, String unitName) {
    return new UnitHarness(CharmMetadata.parse(metadataYaml, "options: {}", ""), unitName);
  }

  /** Sets whether this unit leads. */
  public UnitHarness leader(boolean leader) {
    juju.leader = leader;
    return this;
  }

  /** Makes every application-bag {@code relation-set} fail with Juju's permission error. */
  public UnitHarness denyAppWrites(boolean deny) {
    juju.denyAppWrites = deny;
    return this;
  }

  /** Adds a relation with its remote application and units. */
  public UnitHarness relation(String endpoint, int id, String remoteApp, String... remoteUnits) {
    juju.relations.put(
        id, new FakeJuju.RelationState(endpoint, id, remoteApp, Arrays.asList(remoteUnits)));
    juju.relationOrder.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(id);
    return this;
  }

  /** Sets the order {@code relation-ids} lists an endpoint's relations in. */
  public UnitHarness listRelations(String endpoint, Integer... ids) {
    juju.relationOrder.put(endpoint, new ArrayList<>(Arrays.asList(ids)));
    return this;
  }

  /** Sets the order {@code relation-list} lists a relation's units in. */
  public UnitHarness listUnits(int id, String... units) {
    FakeJuju.RelationState r = juju.relation(id);
    r.remoteUnits.clear();
    r.remoteUnits.addAll(Arrays.asList(units));
    return this;
  }

  /** Replaces the bag of {@code owner} (a unit or application name) in relation {@code id}. */
  public UnitHarness bag(int id, String owner, Map<String, String> data) {
    juju.relation(id).bags.put(owner, new TreeMap<>(data));
    return this;
  }

  /** Replaces the remote application's bag. */
  public UnitHarness remoteAppData(int id, Map<String, String> data) {
    return bag(id, juju.relation(id).remoteApp, data);
  }

  /** Adds a secret this unit can read. */
  public UnitHarness secret(String id, Map<String, String> content) {
    juju.secrets.put(FakeJuju.uniqueId(id), Map.copyOf(content));
    return this;
  }

  /** Runs {@code <endpoint>-relation-<hook>} for relation {@code id}, about {@code remoteUnit}. */
  public DispatchResult relationHook(
      String hook, int id, String remoteUnit, Function<Framework, ? extends Charm> charm) {
    FakeJuju.RelationState r = juju.relation(id);
    Map<String, String> env = env("hooks/" + r.endpoint + "-relation-" + hook);
    env.put("JUJU_RELATION", r.endpoint);
    env.put("JUJU_RELATION_ID", r.endpoint + ":" + id);
    env.put("JUJU_REMOTE_APP", r.remoteApp);
    if (remoteUnit != null) {
      env.put("JUJU_REMOTE_UNIT", remoteUnit);
    }
    return run(env, charm);
  }

  /** Runs {@code secret-changed} for the secret {@code id}. */
  public DispatchResult secretChanged(String id, Function<Framework, ? extends Charm> charm) {
    Map<String, String> env = env("hooks/secret-changed");
    env.put("JUJU_SECRET_ID", id);
    return run(env, charm);
  }

  /** Runs a hook with no relation or secret, e.g. {@code update-status}. */
  public DispatchResult hook(String name, Function<Framework, ? extends Charm> charm) {
    return run(env("hooks/" + name), charm);
  }

  /** This application's bag in relation {@code id}, as Juju holds it. */
  public Map<String, String> localAppData(int id) {
    return Map.copyOf(juju.relation(id).bags.getOrDefault(juju.localApp, Map.of()));
  }

  /** This unit's bag in relation {@code id}, as Juju holds it. */
  public Map<String, String> localUnitData(int id) {
    return Map.copyOf(juju.relation(id).bags.getOrDefault(unitName, Map.of()));
  }

  /** Every {@code relation-set} so far. */
  public List<FakeJuju.RelationSet> relationSets() {
    return List.copyOf(juju.relationSets);
  }

  /** Every {@code secret-get} so far. */
  public List<FakeJuju.SecretRead> secretReads() {
    return List.copyOf(juju.secretReads);
  }

  /** Every {@code secret-grant} so far. */
  public List<FakeJuju.SecretGrant> secretGrants() {
    return List.copyOf(juju.secretGrants);
  }

  /** Every tool call so far, as {@code tool args}. */
  public List<String> calls() {
    return List.copyOf(juju.calls);
  }

  /** Forgets the calls recorded so far (state is kept). */
  public UnitHarness clearCalls() {
    juju.calls.clear();
    juju.relationSets.clear();
    juju.secretReads.clear();
    juju.secretGrants.clear();
    return this;
  }

  private Map<String, String> env(String dispatchPath) {
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_DISPATCH_PATH", dispatchPath);
    env.put("JUJU_UNIT_NAME", unitName);
    env.put("JUJU_MODEL_NAME", "cos");
    env.put("JUJU_MODEL_UUID", MODEL_UUID);
    env.put("JUJU_CHARM_DIR", "/tmp/interfaces-test-charm");
    env.put("JUJU_VERSION", "3.6.14");
    return env;
  }

  private DispatchResult run(Map<String, String> env, Function<Framework, ? extends Charm> charm) {
    return Dispatcher.run(
        JujuContext.fromEnvironment(env), metadata, juju, NO_PEBBLE, store, charm);
  }

  /** Stored state kept in memory between runs. */
  private static final class MemoryStore implements StateStore {
    private StoredSnapshot snapshot = StoredSnapshot.empty();

    @Override
    public StoredSnapshot load() {
      return snapshot;
    }

    @Override
    public void save(StoredSnapshot next) {
      snapshot = next;
    }
  }
}
