package io.charmkit.testing;

import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.hooktools.GoalState;
import io.charmkit.ops.hooktools.HookToolException;
import io.charmkit.ops.hooktools.HookTools;
import io.charmkit.ops.hooktools.NetworkInfo;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.hooktools.SecretInfo;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.hooktools.StatusReading;
import io.charmkit.ops.hooktools.StorageInfo;
import io.charmkit.ops.hooktools.ToolArguments;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.metadata.ConfigOption;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.model.StatusName;
import io.charmkit.ops.state.StoredSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Juju's hook tools answering from a {@link State}, the way the unit agent answers: the same output
 * shapes and the same failures (with Juju's error text, mapped to the same exception types as the
 * production backend maps them). Every call is recorded as the production argv.
 *
 * <p>Like Juju, relation data, secret, port and charm-state changes are held in a working copy that
 * the hook itself sees at once but that reaches the output state only through {@link #output},
 * which the harness calls only when the dispatch succeeded. Status, logs and action output are
 * recorded either way.
 */
final class StateHookTools implements HookTools {
  private static final Set<String> SETTABLE = Set.of("active", "blocked", "maintenance", "waiting");
  private static final String SECRET_FILE = "#file=<private file>";

  private final State input;
  private final CharmMetadata metadata;
  private final JujuContext context;
  private final Map<String, Object> actionParams;

  private final Map<Integer, Relation> relations = new LinkedHashMap<>();
  private final Map<String, Secret> secrets = new LinkedHashMap<>();
  private final Set<Port> ports = new LinkedHashSet<>();
  private final Map<String, String> charmState = new TreeMap<>();
  private final Map<String, String> leaderSettings = new TreeMap<>();

  private final List<HookToolCall> calls = new ArrayList<>();
  private final List<LogLine> logs = new ArrayList<>();
  private final List<Status> unitStatuses = new ArrayList<>();
  private final List<Status> appStatuses = new ArrayList<>();
  private final Map<String, String> actionResults = new LinkedHashMap<>();
  private final List<String> actionLogs = new ArrayList<>();
  private Optional<String> actionFailure = Optional.empty();
  private Status unitStatus;
  private Status appStatus;
  private String workloadVersion;

  StateHookTools(
      State input, CharmMetadata metadata, JujuContext context, Map<String, Object> actionParams) {
    this.input = input;
    this.metadata = metadata;
    this.context = context;
    this.actionParams = actionParams;
    input.relations().forEach(r -> relations.put(r.id(), r));
    input.secrets().forEach(s -> secrets.put(Secret.bare(s.id()), s));
    ports.addAll(input.openedPorts());
    unitStatus = input.unitStatus();
    appStatus = input.appStatus();
    workloadVersion = input.workloadVersion();
  }

  // --- what the harness reads back
  // ----------------------------------------------------------------

  /**
   * The state after a successful hook: the input with every buffered change applied, the
   * containers, stored state and deferred events given by the harness.
   */
  State output(List<Container> containers, StoredSnapshot stored) {
    return new State(
        input.leader(),
        input.config(),
        new ArrayList<>(relations.values()),
        containers,
        new ArrayList<>(secrets.values()),
        input.storages(),
        stored.values(),
        stored.notices(),
        ports,
        unitStatus,
        appStatus,
        workloadVersion,
        input.modelName(),
        input.modelUuid(),
        input.networks());
  }

  List<HookToolCall> calls() {
    return List.copyOf(calls);
  }

  List<LogLine> logs() {
    return List.copyOf(logs);
  }

  List<Status> unitStatusHistory() {
    return List.copyOf(unitStatuses);
  }

  List<Status> appStatusHistory() {
    return List.copyOf(appStatuses);
  }

  ActionOutput actionOutput() {
    return new ActionOutput(actionResults, actionLogs, actionFailure);
  }

  // --- relations
  // -----------------------------------------------------------------------------------

  @Override
  public List<Integer> relationIds(String endpoint) {
    call("relation-ids", endpoint, "--format=json");
    return relations.values().stream()
        .filter(r -> r.endpoint().equals(endpoint))
        .map(Relation::id)
        .sorted()
        .toList();
  }

  @Override
  public List<String> relationList(RelationRef ref) {
    List<String> argv = call("relation-list", "--format=json", "-r", ref.argument());
    Relation r = relation(ref, argv);
    Optional<String> departing = isCurrent(r) ? context.departingUnit() : Optional.empty();
    List<String> units = new ArrayList<>();
    for (int n : r.remoteUnitsData().keySet()) {
      String name = remoteAppOf(r) + "/" + n;
      if (departing.filter(name::equals).isEmpty()) {
        units.add(name);
      }
    }
    return units;
  }

  @Override
  public String relationRemoteApp(RelationRef ref) {
    List<String> argv = call("relation-list", "--format=json", "--app", "-r", ref.argument());
    return remoteAppOf(relation(ref, argv));
  }

  @Override
  public Map<String, String> relationGet(RelationRef ref, String owner, boolean app) {
    List<String> argv = new ArrayList<>(List.of("--format=json", "-r", ref.argument()));
    if (app) {
      argv.add("--app");
    }
    argv.add("-");
    argv.add(owner);
    List<String> full = call("relation-get", argv.toArray(String[]::new));
    Relation r = relation(ref, full);
    if (app) {
      if (owner.equals(context.appName())) {
        if (!r.isPeer() && !input.leader()) {
          throw error(full, "ERROR permission denied");
        }
        return r.localAppData();
      }
      if (!r.isPeer() && owner.equals(r.remoteApp())) {
        return r.remoteAppData();
      }
      throw error(
          full,
          "ERROR cannot read settings for application \""
              + owner
              + "\" in relation \""
              + ref.argument()
              + "\": application \""
              + owner
              + "\" is not in this relation");
    }
    if (owner.equals(context.unitName())) {
      return r.localUnitData();
    }
    for (Map.Entry<Integer, Map<String, String>> u : r.remoteUnitsData().entrySet()) {
      if (owner.equals(remoteAppOf(r) + "/" + u.getKey())) {
        return u.getValue();
      }
    }
    throw error(
        full,
        "ERROR cannot read settings for unit \""
            + owner
            + "\" in relation \""
            + ref.argument()
            + "\": unit \""
            + owner
            + "\": settings not found");
  }

  @Override
  public void relationSet(RelationRef ref, boolean app, Map<String, String> changes) {
    if (changes.isEmpty()) {
      return; // the production backend spawns nothing for an empty change
    }
    List<String> argv = new ArrayList<>(List.of("-r", ref.argument()));
    if (app) {
      argv.add("--app");
    }
    argv.add("--file");
    argv.add("-");
    List<String> full = callWithStdin("relation-set", json(changes), argv);
    Relation r = relation(ref, full);
    if (app && !input.leader()) {
      throw error(full, "ERROR cannot write relation settings");
    }
    Map<String, String> bag = new TreeMap<>(app ? r.localAppData() : r.localUnitData());
    changes.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            bag.remove(k);
          } else {
            bag.put(k, v);
          }
        });
    relations.put(r.id(), app ? r.withLocalAppData(bag) : r.withLocalUnitData(bag));
  }

  // --- config, leadership, status, logs ---------------------------------------------------------

  @Override
  public Map<String, Object> configGet() {
    call("config-get", "--format=json");
    Map<String, Object> out = new TreeMap<>();
    for (ConfigOption option : metadata.options().values()) {
      option.defaultValue().ifPresent(d -> out.put(option.name(), d));
    }
    input
        .config()
        .forEach(
            (k, v) -> {
              if (v == null) {
                out.remove(k);
              } else {
                out.put(k, v);
              }
            });
    return out;
  }

  @Override
  public boolean isLeader() {
    call("is-leader", "--format=json");
    return input.leader();
  }

  @Override
  public StatusReading statusGet(boolean app) {
    List<String> argv =
        call("status-get", "--include-data", "--format=json", "--application=" + app);
    if (app && !input.leader()) {
      throw error(argv, "ERROR finding application status: this unit is not the leader");
    }
    Status s = app ? appStatus : unitStatus;
    return new StatusReading(s.name().juju(), s.message());
  }

  @Override
  public void statusSet(String status, String message, boolean app) {
    if (!SETTABLE.contains(status)) {
      throw new IllegalArgumentException(
          "status '" + status + "' cannot be set: use active, blocked, maintenance or waiting");
    }
    List<String> args =
        new ArrayList<>(List.of("--application=" + (app ? "True" : "False"), status));
    if (message != null) {
      args.add("--");
      args.add(message);
    }
    List<String> argv = call("status-set", args.toArray(String[]::new));
    if (app && !input.leader()) {
      throw error(argv, "ERROR this unit is not the leader");
    }
    Status s = new Status(StatusName.parse(status), message);
    if (app) {
      appStatus = s;
      appStatuses.add(s);
    } else {
      unitStatus = s;
      unitStatuses.add(s);
    }
  }

  @Override
  public void jujuLog(String level, String message) {
    if (message == null || message.isEmpty()) {
      return;
    }
    call("juju-log", "--log-level", level, "--", message);
    logs.add(new LogLine(level, message));
  }

  @Override
  public void applicationVersionSet(String version) {
    call("application-version-set", "--", version);
    workloadVersion = version;
  }

  // --- network, goal state, resources ---------------------------------------------------------

  @Override
  public NetworkInfo networkGet(String binding, Optional<Integer> relationId) {
    List<String> args = new ArrayList<>(List.of("--format=json"));
    relationId.ifPresent(id -> args.addAll(List.of("-r", Integer.toString(id))));
    args.add(binding);
    List<String> argv = call("network-get", args.toArray(String[]::new));
    if (relationId.isPresent() && !relations.containsKey(relationId.get())) {
      throw error(
          argv,
          "ERROR invalid value \"" + relationId.get() + "\" for option -r: relation not found");
    }
    NetworkInfo info = input.networks().get(binding);
    if (info != null) {
      return info;
    }
    if (metadata.endpoints().containsKey(binding) || binding.equals("juju-info")) {
      return Network.defaults();
    }
    throw error(argv, "ERROR no network config found for binding \"" + binding + "\"");
  }

  @Override
  public GoalState goalState() {
    call("goal-state", "--format=json");
    Map<String, GoalState.Entry> units = new TreeMap<>();
    units.put(context.unitName(), new GoalState.Entry("active", ""));
    Map<String, Map<String, GoalState.Entry>> byEndpoint = new TreeMap<>();
    for (Relation r : relations.values()) {
      Map<String, GoalState.Entry> members =
          byEndpoint.computeIfAbsent(r.endpoint(), e -> new TreeMap<>());
      String app = remoteAppOf(r);
      if (!r.isPeer()) {
        members.put(app, new GoalState.Entry("joined", ""));
      }
      for (int n : r.remoteUnitsData().keySet()) {
        members.put(app + "/" + n, new GoalState.Entry("joined", ""));
        if (r.isPeer()) {
          units.put(app + "/" + n, new GoalState.Entry("active", ""));
        }
      }
    }
    return new GoalState(units, byEndpoint);
  }

  @Override
  public Path resourceGet(String name) {
    List<String> argv = call("resource-get", name);
    throw error(
        argv,
        "ERROR could not download resource: resource#"
            + context.appName()
            + "/"
            + name
            + " not found");
  }

  // --- controller-side charm state
  // ----------------------------------------------------------------

  @Override
  public Map<String, String> stateGet() {
    call("state-get", "--format=json");
    return new TreeMap<>(charmState);
  }

  @Override
  public void stateSet(Map<String, String> entries) {
    if (entries.isEmpty()) {
      return;
    }
    callWithStdin("state-set", json(entries), List.of("--file", "-"));
    charmState.putAll(entries);
  }

  @Override
  public void stateDelete(String key) {
    call("state-delete", key);
    charmState.remove(key);
  }

  // --- legacy leadership settings -------------------------------------------------------------

  @Override
  public Optional<String> leaderGet(String key) {
    call("leader-get", "--format=json", key);
    return Optional.ofNullable(leaderSettings.get(key));
  }

  @Override
  public void leaderSet(Map<String, String> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>();
    entries.keySet().forEach(k -> args.add(k + "=<redacted>"));
    List<String> argv = call("leader-set", args.toArray(String[]::new));
    if (!input.leader()) {
      throw error(
          argv, "ERROR cannot write leadership settings: cannot write settings: not the leader");
    }
    leaderSettings.putAll(entries);
  }

  // --- secrets --------------------------------------------------------------------------------

  @Override
  public String secretAdd(Map<String, String> content, SecretOptions options) {
    ToolArguments.checkSecretContent(content);
    if (content.isEmpty()) {
      throw new IllegalArgumentException("secret content must have at least one key");
    }
    List<String> args = secretOptionArgs(options);
    content.keySet().forEach(k -> args.add(k + SECRET_FILE));
    List<String> argv = call("secret-add", args.toArray(String[]::new));
    if (options.owner().equals("application") && !input.leader()) {
      throw error(argv, "ERROR this unit is not the leader");
    }
    Secret created =
        new Secret(
            Secret.newId(),
            Optional.of(options.owner()),
            options.label(),
            options.description(),
            options.expire(),
            options.rotate(),
            1,
            content,
            content,
            Map.of());
    secrets.put(Secret.bare(created.id()), created);
    return created.id();
  }

  @Override
  public Map<String, String> secretGet(
      Optional<String> id, Optional<String> label, boolean refresh, boolean peek) {
    List<String> args = new ArrayList<>(List.of("--format=json"));
    id.ifPresent(args::add);
    label.ifPresent(l -> args.addAll(List.of("--label", l)));
    if (refresh) {
      args.add("--refresh");
    }
    if (peek) {
      args.add("--peek");
    }
    List<String> argv = call("secret-get", args.toArray(String[]::new));
    Secret s = findSecret(id, label, argv);
    if (id.isPresent() && label.isPresent() && !s.isOwned()) {
      // A consumer naming both gives the secret its own label.
      s = s.withMetadata(label, Optional.empty(), Optional.empty(), Optional.empty());
      secrets.put(Secret.bare(s.id()), s);
    }
    if (s.isOwned() || peek) {
      return s.latestContent();
    }
    if (refresh) {
      secrets.put(Secret.bare(s.id()), s.withTracked(s.latestContent()));
      return s.latestContent();
    }
    return s.trackedContent();
  }

  @Override
  public SecretInfo secretInfoGet(Optional<String> id, Optional<String> label) {
    List<String> args = new ArrayList<>(List.of("--format=json"));
    id.ifPresent(args::add);
    label.ifPresent(l -> args.addAll(List.of("--label", l)));
    List<String> argv = call("secret-info-get", args.toArray(String[]::new));
    Secret s = findSecret(id, label, argv);
    if (!s.isOwned()) {
      throw notFound(argv, id.orElse(label.orElse("")));
    }
    return new SecretInfo(s.id(), s.revision(), s.label(), s.description(), s.expire(), s.rotate());
  }

  @Override
  public void secretSet(String id, Map<String, String> content, SecretOptions options) {
    ToolArguments.checkSecretContent(content);
    List<String> args = secretOptionArgs(options);
    args.add(id);
    content.keySet().forEach(k -> args.add(k + SECRET_FILE));
    List<String> argv = call("secret-set", args.toArray(String[]::new));
    Secret s = owned(id, argv);
    s = s.withMetadata(options.label(), options.description(), options.expire(), options.rotate());
    if (!content.isEmpty()) {
      s = s.withNewRevision(content);
    }
    secrets.put(Secret.bare(s.id()), s);
  }

  @Override
  public void secretGrant(String id, int relationId, Optional<String> unit) {
    List<String> args = new ArrayList<>(List.of("--relation", Integer.toString(relationId)));
    unit.ifPresent(u -> args.addAll(List.of("--unit", u)));
    args.add(id);
    List<String> argv = call("secret-grant", args.toArray(String[]::new));
    Secret s = owned(id, argv);
    Relation r = relations.get(relationId);
    if (r == null) {
      throw error(
          argv,
          "ERROR invalid value \"" + relationId + "\" for option --relation: relation not found");
    }
    Map<Integer, Set<String>> grants = new TreeMap<>(s.grants());
    Set<String> who = new TreeSet<>(grants.getOrDefault(relationId, Set.of()));
    who.add(unit.orElse(remoteAppOf(r)));
    grants.put(relationId, who);
    secrets.put(Secret.bare(s.id()), s.withGrants(grants));
  }

  @Override
  public void secretRevoke(String id, int relationId, Optional<String> app, Optional<String> unit) {
    List<String> args = new ArrayList<>(List.of("--relation", Integer.toString(relationId)));
    app.ifPresent(a -> args.addAll(List.of("--app", a)));
    unit.ifPresent(u -> args.addAll(List.of("--unit", u)));
    args.add(id);
    List<String> argv = call("secret-revoke", args.toArray(String[]::new));
    Secret s = owned(id, argv);
    Map<Integer, Set<String>> grants = new TreeMap<>(s.grants());
    if (app.isEmpty() && unit.isEmpty()) {
      grants.remove(relationId);
    } else {
      Set<String> who = new TreeSet<>(grants.getOrDefault(relationId, Set.of()));
      app.ifPresent(who::remove);
      unit.ifPresent(who::remove);
      if (who.isEmpty()) {
        grants.remove(relationId);
      } else {
        grants.put(relationId, who);
      }
    }
    secrets.put(Secret.bare(s.id()), s.withGrants(grants));
  }

  @Override
  public void secretRemove(String id, Optional<Integer> revision) {
    List<String> args = new ArrayList<>(List.of(id));
    revision.ifPresent(r -> args.addAll(List.of("--revision", Integer.toString(r))));
    List<String> argv = call("secret-remove", args.toArray(String[]::new));
    Secret s = owned(id, argv);
    if (revision.isEmpty()) {
      secrets.remove(Secret.bare(s.id()));
    }
    // Removing one old revision changes nothing this state models: only the latest is kept.
  }

  @Override
  public List<String> secretIds() {
    call("secret-ids", "--format=json");
    return secrets.values().stream().filter(Secret::isOwned).map(Secret::id).toList();
  }

  // --- ports --------------------------------------------------------------------------------

  @Override
  public void openPort(Port port) {
    List<String> argv = call("open-port", port.argument());
    checkPort(port, argv);
    ports.add(port);
  }

  @Override
  public void closePort(Port port) {
    List<String> argv = call("close-port", port.argument());
    checkPort(port, argv);
    ports.remove(port);
  }

  @Override
  public List<Port> openedPorts() {
    call("opened-ports", "--format=json");
    return List.copyOf(ports);
  }

  // --- actions --------------------------------------------------------------------------------

  @Override
  public Map<String, Object> actionGet() {
    List<String> argv = call("action-get", "--format=json");
    requireAction(argv);
    Map<String, Object> params = new LinkedHashMap<>();
    metadata
        .actions()
        .get(context.actionName().orElseThrow())
        .params()
        .forEach(
            (name, spec) -> {
              if (spec instanceof Map<?, ?> s && s.containsKey("default")) {
                params.put(name, s.get("default"));
              }
            });
    params.putAll(actionParams);
    return params;
  }

  @Override
  public void actionSet(Map<String, Object> results) {
    Map<String, String> flat = ToolArguments.actionResults(results);
    if (flat.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>();
    flat.keySet().forEach(k -> args.add(k + "=<redacted>"));
    List<String> argv = call("action-set", args.toArray(String[]::new));
    requireAction(argv);
    actionResults.putAll(flat);
  }

  @Override
  public void actionFail(String message) {
    List<String> argv = message == null ? call("action-fail") : call("action-fail", "--", message);
    requireAction(argv);
    actionFailure = Optional.of(message == null ? "" : message);
  }

  @Override
  public void actionLog(String message) {
    List<String> argv = call("action-log", "--", message);
    requireAction(argv);
    actionLogs.add(message);
  }

  // --- storage --------------------------------------------------------------------------------

  @Override
  public List<String> storageList(Optional<String> name) {
    List<String> args = new ArrayList<>(List.of("--format=json"));
    name.ifPresent(args::add);
    call("storage-list", args.toArray(String[]::new));
    return input.storages().stream()
        .filter(s -> name.isEmpty() || s.name().equals(name.get()))
        .map(Storage::id)
        .toList();
  }

  @Override
  public StorageInfo storageGet(String storageId) {
    List<String> argv = call("storage-get", "--format=json", "-s", storageId);
    return input.storages().stream()
        .filter(s -> s.id().equals(storageId))
        .findFirst()
        .map(s -> new StorageInfo("filesystem", s.location()))
        .orElseThrow(
            () ->
                error(
                    argv,
                    "ERROR invalid value \""
                        + storageId
                        + "\" for option -s: storage instance \""
                        + storageId
                        + "\" not found"));
  }

  // --- helpers --------------------------------------------------------------------------------

  private List<String> call(String tool, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(tool);
    argv.addAll(List.of(args));
    calls.add(new HookToolCall(argv, Optional.empty()));
    return argv;
  }

  private List<String> callWithStdin(String tool, String stdin, List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add(tool);
    argv.addAll(args);
    calls.add(new HookToolCall(argv, Optional.of(stdin)));
    return argv;
  }

  /**
   * The exception the production backend raises when a tool exits 1 with {@code stderr}: the same
   * precedence as its error mapping (JUJU.md §8), so charm code sees the same types.
   */
  static HookToolException error(List<String> argv, String stderr) {
    return ToolArguments.failure(argv.get(0), argv, 1, stderr);
  }

  private Relation relation(RelationRef ref, List<String> argv) {
    Relation r = relations.get(ref.id());
    if (r == null || (ref.endpoint() != null && !ref.endpoint().equals(r.endpoint()))) {
      throw error(
          argv, "ERROR invalid value \"" + ref.argument() + "\" for option -r: relation not found");
    }
    return r;
  }

  private boolean isCurrent(Relation r) {
    return context.relation().filter(c -> c.id() == r.id()).isPresent();
  }

  private String remoteAppOf(Relation r) {
    return r.isPeer() ? context.appName() : r.remoteApp();
  }

  private Secret findSecret(Optional<String> id, Optional<String> label, List<String> argv) {
    // An id that names no secret is not found, even if some secret has no label either.
    Optional<Secret> found =
        id.isPresent()
            ? Optional.ofNullable(secrets.get(Secret.bare(id.get())))
            : secrets.values().stream()
                .filter(s -> label.isPresent() && s.label().equals(label))
                .findFirst();
    return found.orElseThrow(() -> notFound(argv, id.orElse(label.orElse(""))));
  }

  private Secret owned(String id, List<String> argv) {
    Secret s = secrets.get(Secret.bare(id));
    if (s == null || !s.isOwned()) {
      throw notFound(argv, id);
    }
    if (s.owner().orElseThrow().equals("application") && !input.leader()) {
      throw error(argv, "ERROR this unit is not the leader");
    }
    return s;
  }

  private static HookToolException notFound(List<String> argv, String what) {
    return error(argv, "ERROR secret \"" + what + "\" not found");
  }

  private static List<String> secretOptionArgs(SecretOptions options) {
    List<String> args = new ArrayList<>();
    options.label().ifPresent(v -> args.addAll(List.of("--label", v)));
    options.description().ifPresent(v -> args.addAll(List.of("--description", v)));
    options.expire().ifPresent(v -> args.addAll(List.of("--expire", v)));
    options.rotate().ifPresent(v -> args.addAll(List.of("--rotate", v)));
    args.addAll(List.of("--owner", options.owner()));
    return args;
  }

  private static void checkPort(Port port, List<String> argv) {
    boolean icmp = port.protocol().equals("icmp");
    if (!icmp && !port.protocol().equals("tcp") && !port.protocol().equals("udp")) {
      throw error(
          argv,
          "ERROR invalid protocol \""
              + port.protocol()
              + "\", expected \"tcp\","
              + " \"udp\", or \"icmp\"");
    }
    if (!icmp && (port.from() < 1 || port.to() > 65535 || port.from() > port.to())) {
      throw error(argv, "ERROR invalid port range " + port.argument());
    }
  }

  private void requireAction(List<String> argv) {
    if (context.kind() != EventKind.ACTION) {
      throw error(argv, "ERROR not running an action");
    }
  }

  /** The stdin text the production backend sends, byte for byte. */
  static String json(Map<String, String> map) {
    return ToolArguments.jsonStdin(map);
  }
}
