package io.charmkit.testing.juju;

import io.charmkit.testing.LogLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One running hook: which unit and hook, the tool calls it made, and working copies of everything
 * Juju commits only on exit 0 (relation data, charm state, ports, secrets, leadership settings).
 * Copies are taken on first use, so the unit sees its own writes while nothing leaks to the
 * committed model until {@link Model#commit} applies them.
 */
final class HookContext {
  final Model model;
  final String id;
  final PendingHook hook;
  final Unit unit;
  final Map<String, Integer> toolCalls = new TreeMap<>();

  /** Relation id to its working databags. */
  final Map<Integer, Map<String, Map<String, String>>> bags = new HashMap<>();

  Map<String, String> state;
  TreeSet<String> ports;
  Map<String, Secret> secrets;

  /** The secrets as they were when this hook first touched them. */
  Map<String, Secret> secretsBefore;

  Map<String, String> leaderSettings;

  /** The action this hook runs, or null for a hook. */
  Action action;

  // What Juju records whether or not the hook succeeds.
  final List<LogLine> logs = new ArrayList<>();
  final List<WorkloadStatus> unitStatuses = new ArrayList<>();
  final List<WorkloadStatus> appStatuses = new ArrayList<>();
  final Map<String, String> actionResults = new LinkedHashMap<>();
  final List<String> actionLogs = new ArrayList<>();
  String actionFailure;

  /** A running action: its name, its id ({@code JUJU_ACTION_UUID}) and its parameters. */
  record Action(String name, String id, Map<String, Object> params) {}

  HookContext(Model model, String id, PendingHook hook, Unit unit) {
    this.model = model;
    this.id = id;
    this.hook = hook;
    this.unit = unit;
  }

  Map<String, Map<String, String>> bags(Relation relation) {
    return bags.computeIfAbsent(relation.id, id -> Relation.copyBags(relation.bags));
  }

  Map<String, String> state() {
    if (state == null) {
      state = new TreeMap<>(unit.state);
    }
    return state;
  }

  TreeSet<String> ports() {
    if (ports == null) {
      ports = new TreeSet<>(unit.ports);
    }
    return ports;
  }

  Map<String, Secret> secrets() {
    if (secrets == null) {
      secrets = new LinkedHashMap<>();
      secretsBefore = new LinkedHashMap<>();
      model.secrets.forEach((k, v) -> secrets.put(k, v.copy()));
      model.secrets.forEach((k, v) -> secretsBefore.put(k, v.copy()));
    }
    return secrets;
  }

  Map<String, String> leaderSettings() {
    if (leaderSettings == null) {
      leaderSettings = new TreeMap<>(unit.app.leaderSettings);
    }
    return leaderSettings;
  }
}
