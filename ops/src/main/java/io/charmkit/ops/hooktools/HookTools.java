package io.charmkit.ops.hooktools;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Juju's hook tools, one method per tool: the single seam between a charm and the unit agent.
 *
 * <p>Production runs the real executables ({@link ProcessHookTools}); tests swap in a backend that
 * answers from a state object. Nothing above this interface knows which one it talks to, so the
 * dispatch loop under test is the production loop. Each method is one tool call: callers cache.
 *
 * <p>Every method may throw a {@link HookToolException} subtype when the tool exits non-zero.
 */
public interface HookTools {

  // --- relations -------------------------------------------------------------------------

  /** {@code relation-ids <endpoint> --format=json}: the ids of the endpoint's relations. */
  List<Integer> relationIds(String endpoint);

  /** {@code relation-list --format=json -r REF}: the remote units, departing unit excluded. */
  List<String> relationList(RelationRef relation);

  /** {@code relation-list --format=json --app -r REF}: the remote application's name. */
  String relationRemoteApp(RelationRef relation);

  /**
   * {@code relation-get --format=json -r REF [--app] - <unit-or-app>}: a whole databag.
   *
   * @param owner the unit or application whose bag is read
   * @param app true to read an application bag
   */
  Map<String, String> relationGet(RelationRef relation, String owner, boolean app);

  /**
   * {@code relation-set -r REF [--app] --file -}: merges {@code changes} into the bag; an empty
   * value deletes its key. The map goes to stdin as a JSON object.
   */
  void relationSet(RelationRef relation, boolean app, Map<String, String> changes);

  // --- config, leadership, status, logs ---------------------------------------------------

  /** {@code config-get --format=json}: the options that are set or have a non-null default. */
  Map<String, Object> configGet();

  /** {@code is-leader --format=json}. */
  boolean isLeader();

  /** {@code status-get --include-data --format=json --application=<bool>}. */
  StatusReading statusGet(boolean app);

  /**
   * {@code status-set --application=<True|False> <status> [-- <message>]}.
   *
   * @param status one of {@code active}, {@code blocked}, {@code maintenance}, {@code waiting}
   */
  void statusSet(String status, String message, boolean app);

  /** {@code juju-log --log-level <LEVEL> -- <message>}; long messages are split. */
  void jujuLog(String level, String message);

  /** {@code application-version-set -- <version>}. */
  void applicationVersionSet(String version);

  // --- network, goal state, resources ------------------------------------------------------

  /** {@code network-get --format=json [-r <id>] <binding>}. */
  NetworkInfo networkGet(String binding, Optional<Integer> relationId);

  /** {@code goal-state --format=json}. */
  GoalState goalState();

  /** {@code resource-get <name>}: the local path of the resource file. */
  Path resourceGet(String name);

  // --- controller-side charm state ---------------------------------------------------------

  /** {@code state-get --format=json}: the whole charm state (empty when none). */
  Map<String, String> stateGet();

  /** {@code state-set --file -}: merges the entries (JSON on stdin). */
  void stateSet(Map<String, String> entries);

  /** {@code state-delete <key>}. */
  void stateDelete(String key);

  // --- legacy leadership settings: Juju 2.x only ---------------------------------------------

  /**
   * {@code leader-get --format=json <key>}: the value, or empty when unset.
   *
   * <p><b>Juju 2.x only</b> (2.9 is the last series that has it): Juju 3.0 removed leadership
   * settings. On a Juju 3 agent ({@code JUJU_VERSION} 3 or later) {@link ProcessHookTools} throws a
   * {@link HookToolException} that says so, without running anything. Share application-wide data
   * through the application databag of a peer relation instead (the leader writes, every unit
   * reads). See {@link JujuToolSet}.
   */
  Optional<String> leaderGet(String key);

  /**
   * {@code leader-set k=v …}; only the leader may call it.
   *
   * <p><b>Juju 2.x only</b>, as {@link #leaderGet}: on a Juju 3 agent it fails before running
   * anything; write a peer relation's application databag instead.
   */
  void leaderSet(Map<String, String> entries);

  // --- secrets ------------------------------------------------------------------------------

  /**
   * {@code secret-add … --owner <application|unit> <key>#file=<path> …}. Values travel through
   * private temporary files, never argv.
   *
   * @return the new secret's URI
   */
  String secretAdd(Map<String, String> content, SecretOptions options);

  /**
   * {@code secret-get --format=json [<id>] [--label L] [--refresh|--peek]}.
   *
   * @param id the secret id, or empty to look up by label alone
   */
  Map<String, String> secretGet(
      Optional<String> id, Optional<String> label, boolean refresh, boolean peek);

  /** {@code secret-info-get --format=json <id>} or {@code --label L} (never both). */
  SecretInfo secretInfoGet(Optional<String> id, Optional<String> label);

  /** {@code secret-set … --owner application <id> <key>#file=<path> …}. */
  void secretSet(String id, Map<String, String> content, SecretOptions options);

  /** {@code secret-grant --relation <id> [--unit <unit>] <secret-id>}. */
  void secretGrant(String id, int relationId, Optional<String> unit);

  /** {@code secret-revoke --relation <id> [--app <app>] [--unit <unit>] <secret-id>}. */
  void secretRevoke(String id, int relationId, Optional<String> app, Optional<String> unit);

  /** {@code secret-remove <id> [--revision N]}. */
  void secretRemove(String id, Optional<Integer> revision);

  /** {@code secret-ids --format=json}: the secrets this unit or app owns. */
  List<String> secretIds();

  // --- ports --------------------------------------------------------------------------------

  /** {@code open-port [--endpoints a,b] <port>[-<to>][/<protocol>]} or {@code open-port icmp}. */
  void openPort(Port port);

  /** {@code close-port …}, the counterpart of {@link #openPort}. */
  void closePort(Port port);

  /** {@code opened-ports --format=json}. */
  List<Port> openedPorts();

  // --- actions ------------------------------------------------------------------------------

  /** {@code action-get --format=json}: the action's parameters, nested. */
  Map<String, Object> actionGet();

  /**
   * {@code action-set k1=v1 k2.sub=v2 …}: nested maps are flattened to dotted keys.
   *
   * @param results values are strings or nested maps
   */
  void actionSet(Map<String, Object> results);

  /** {@code action-fail [-- <message>]}. */
  void actionFail(String message);

  /** {@code action-log -- <message>}. */
  void actionLog(String message);

  // --- storage ------------------------------------------------------------------------------

  /** {@code storage-list --format=json [<name>]}: ids such as {@code data/0}. */
  List<String> storageList(Optional<String> name);

  /** {@code storage-get --format=json -s <name>/<index>}. */
  StorageInfo storageGet(String storageId);
}
