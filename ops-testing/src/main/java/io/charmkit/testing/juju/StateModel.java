package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.HookToolException;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.hooktools.ToolRequest;
import io.charmkit.ops.hooktools.ToolResult;
import io.charmkit.ops.hooktools.ToolTransport;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.metadata.EndpointSpec;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.model.StatusName;
import io.charmkit.ops.state.StoredSnapshot;
import io.charmkit.testing.ActionOutput;
import io.charmkit.testing.Container;
import io.charmkit.testing.Event;
import io.charmkit.testing.HookToolCall;
import io.charmkit.testing.LogLine;
import io.charmkit.testing.Network;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One state-transition run on the simulated Juju {@link Model}: the only place a {@link State}
 * becomes a model (this unit, its application, the remote applications and units of its relations,
 * its secrets, ports, storage and networks) and the model becomes the output {@link State}.
 *
 * <p>The charm reaches the model through {@link #transport()}, under the production {@code
 * ProcessHookTools}: the same argv, output parsing and error mapping as under a real Juju, answered
 * by the same tool handlers as the embedded Juju's tool server. Like Juju, relation data, secret,
 * port and charm-state writes go to the hook's working copy and reach the output only through
 * {@link #output}, which the harness calls when the dispatch succeeded; statuses, logs, action
 * output and the record of calls are kept either way.
 */
public final class StateModel {
  private final Model model;
  private final State input;
  private final String version;
  private final HookToolSet tools;
  private final Unit unit;
  private final HookContext ctx;
  private final List<HookToolCall> calls = new ArrayList<>();

  private StateModel(
      Model model, State input, String version, HookToolSet tools, Unit unit, HookContext ctx) {
    this.model = model;
    this.input = input;
    this.version = version;
    this.tools = tools;
    this.unit = unit;
    this.ctx = ctx;
  }

  /**
   * Builds the model {@code state} describes, with the hook {@code event} running on unit {@code
   * <appName>/<unitId>}.
   *
   * @param jujuVersion the Juju version whose tools are present; empty for every tool the simulated
   *     Juju knows
   * @param scratch a directory the run owns
   */
  public static StateModel of(
      State state,
      CharmMetadata metadata,
      String appName,
      int unitId,
      Event event,
      Optional<String> jujuVersion,
      Path scratch) {
    Model model = new Model(state.modelName(), state.modelUuid(), scratch, null);
    App app = new App(appName, scratch, metadata);
    state.config().forEach(app.config::put);
    app.version = state.workloadVersion();
    app.status = workload(state.appStatus());
    model.apps.put(appName, app);
    Unit unit = new Unit(appName + "/" + unitId, app, unitId, scratch, Network.DEFAULT_ADDRESS);
    unit.status = workload(state.unitStatus());
    state.openedPorts().forEach(p -> unit.ports.add(p.argument()));
    state.storages().forEach(s -> unit.storages.put(s.id(), s.location()));
    unit.networks.putAll(state.networks());
    unit.networks.putIfAbsent("juju-info", Network.defaults());
    metadata.endpoints().keySet().forEach(b -> unit.networks.putIfAbsent(b, Network.defaults()));
    app.units.add(unit);
    model.units.put(unit.name, unit);
    app.leader = state.leader() ? unit.name : null;

    for (io.charmkit.testing.Relation r : state.relations()) {
      model.addRelation(relation(model, metadata, app, unit, r));
    }
    if (event.relation().isPresent() && event.departingUnit().isPresent()) {
      // The departing unit has already left this unit's view of the relation.
      Relation r = model.relation(event.relation().get().id());
      r.membersOf(unit.name).remove(r.remoteApp(appName) + "/" + event.departingUnit().get());
    }
    for (io.charmkit.testing.Secret s : state.secrets()) {
      model.secrets.put(io.charmkit.testing.Secret.bare(s.id()), secret(s, app, unit));
    }

    HookContext ctx =
        new HookContext(
            model, unit.name + "-" + event.name() + "-1", hook(event, unit, appName), unit);
    if (event.isAction()) {
      ctx.action = new HookContext.Action(event.name(), "1", event.params());
    }
    HookToolSet tools = jujuVersion.map(HookToolSet::forVersion).orElseGet(HookToolSet::all);
    return new StateModel(
        model, state, jujuVersion.orElse(EmbeddedJuju.JUJU_VERSION), tools, unit, ctx);
  }

  private static Relation relation(
      Model model, CharmMetadata metadata, App app, Unit unit, io.charmkit.testing.Relation r) {
    String iface = metadata.endpoint(r.endpoint()).map(EndpointSpec::interfaceName).orElse("");
    App remote = app;
    if (!r.isPeer()) {
      remote =
          model.apps.computeIfAbsent(
              r.remoteApp(),
              name ->
                  new App(
                      name,
                      app.charmDir,
                      new CharmMetadata(name, Map.of(), Set.of(), Set.of(), Map.of(), Map.of())));
    }
    Relation jr = new Relation(r.id(), app.name, r.endpoint(), remote.name, r.endpoint(), iface);
    jr.bags.put(app.name, new TreeMap<>(r.localAppData()));
    jr.bags.put(unit.name, new TreeMap<>(r.localUnitData()));
    if (!r.isPeer()) {
      jr.bags.put(remote.name, new TreeMap<>(r.remoteAppData()));
    }
    for (Map.Entry<Integer, Map<String, String>> u : r.remoteUnitsData().entrySet()) {
      String name = remote.name + "/" + u.getKey();
      jr.bags.put(name, new TreeMap<>(u.getValue()));
      jr.membersOf(unit.name).add(name);
      if (!model.units.containsKey(name)) {
        Unit other = new Unit(name, remote, u.getKey(), app.charmDir, Network.DEFAULT_ADDRESS);
        model.units.put(name, other);
        remote.units.add(other);
      }
    }
    return jr;
  }

  private static Secret secret(io.charmkit.testing.Secret s, App app, Unit unit) {
    String owner = s.owner().orElse("");
    Secret js =
        new Secret(
            io.charmkit.testing.Secret.bare(s.id()),
            owner.isEmpty() ? "" : app.name,
            owner.equals("unit") ? unit.name : null);
    js.description = s.description().orElse(null);
    js.expire = s.expire().orElse(null);
    js.rotate = s.rotate().orElse(null);
    // Earlier revisions hold what this unit tracks; the latest, the latest content.
    boolean behind = !s.trackedContent().equals(s.latestContent()) && s.revision() > 1;
    for (int rev = 1; rev < s.revision(); rev++) {
      js.revisions.add(new LinkedHashMap<>(s.trackedContent()));
    }
    js.revisions.add(new LinkedHashMap<>(s.latestContent()));
    s.grants().forEach((rel, who) -> js.grants.put(rel, new TreeSet<>(who)));
    if (s.isOwned()) {
      js.label = s.label().orElse(null);
    } else {
      int tracked = behind ? s.revision() - 1 : s.revision();
      js.consumers.put(unit.name, new Secret.Consumer(s.label().orElse(null), tracked));
    }
    return js;
  }

  private static PendingHook hook(Event event, Unit unit, String appName) {
    if (event.relation().isEmpty()) {
      return PendingHook.simple(unit.name, event.name());
    }
    io.charmkit.testing.Relation r = event.relation().get();
    String remoteApp = r.isPeer() ? appName : r.remoteApp();
    return PendingHook.relation(
        unit.name,
        event.name(),
        r.id(),
        remoteApp,
        event.remoteUnit().map(n -> remoteApp + "/" + n).orElse(null),
        event.departingUnit().map(n -> remoteApp + "/" + n).orElse(null));
  }

  /**
   * The environment Juju gives the charm process for {@code event} (JUJU.md §2), the agent on a
   * unix socket as on a real unit; {@code charmDir} is the charm's directory.
   */
  public Map<String, String> environment(Event event, Path charmDir) {
    Map<String, String> env =
        HookEnvironment.of(
            model,
            ctx,
            version,
            charmDir,
            "unix",
            "@/var/lib/juju/agents/unit-" + unit.name.replace('/', '-') + "/agent.socket");
    env.putAll(event.environment());
    return env;
  }

  /**
   * The transport the charm's {@code ProcessHookTools} runs over: each call is recorded (with its
   * redacted argv) and answered by the tool set, or fails as missing from {@code PATH} when this
   * Juju version has no such tool.
   */
  public ToolTransport transport() {
    return this::call;
  }

  private ToolResult call(ToolRequest request) {
    List<String> shown = new ArrayList<>();
    for (String arg : request.shownArgv()) {
      // Secret content travels through temporary files whose paths differ on every run.
      int file = arg.indexOf("#file=");
      shown.add(file > 0 ? arg.substring(0, file) + "#file=<private file>" : arg);
    }
    calls.add(new HookToolCall(shown, request.stdin()));
    if (!tools.has(request.tool())) {
      throw new HookToolException(
          "hook tool %s is not on PATH (a Juju %s unit agent has no such tool)"
              .formatted(request.tool(), version),
          request.tool(),
          request.shownArgv(),
          -1,
          "");
    }
    return tools.run(ctx, request.tool(), request.args(), request.stdin().orElse(""));
  }

  /**
   * The state after a successful hook: the input with the hook's committed changes (relation data,
   * secrets, ports, statuses, workload version) and the containers and stored state the harness
   * gives.
   */
  public State output(List<Container> containers, StoredSnapshot stored) {
    List<io.charmkit.testing.Relation> relations = new ArrayList<>();
    for (io.charmkit.testing.Relation r : input.relations()) {
      Map<String, Map<String, String>> bags = ctx.bags.get(r.id());
      relations.add(
          bags == null
              ? r
              : r.withLocalAppData(bags.getOrDefault(unit.app.name, Map.of()))
                  .withLocalUnitData(bags.getOrDefault(unit.name, Map.of())));
    }
    Set<Port> ports =
        ctx.ports == null
            ? input.openedPorts()
            : ctx.ports.stream()
                .map(Port::parse)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    return new State(
        input.leader(),
        input.config(),
        relations,
        containers,
        secrets(),
        input.storages(),
        stored.values(),
        stored.notices(),
        ports,
        ctx.unitStatuses.isEmpty() ? input.unitStatus() : status(last(ctx.unitStatuses)),
        ctx.appStatuses.isEmpty() ? input.appStatus() : status(last(ctx.appStatuses)),
        unit.app.version,
        input.modelName(),
        input.modelUuid(),
        input.networks());
  }

  private List<io.charmkit.testing.Secret> secrets() {
    if (ctx.secrets == null) {
      return input.secrets();
    }
    Map<String, io.charmkit.testing.Secret> given = new HashMap<>();
    input.secrets().forEach(s -> given.put(io.charmkit.testing.Secret.bare(s.id()), s));
    // The working copy holds the input's secrets in order, less those removed, then those added.
    List<io.charmkit.testing.Secret> out = new ArrayList<>();
    for (Secret after : ctx.secrets.values()) {
      io.charmkit.testing.Secret s = given.get(after.id);
      if (s == null) {
        out.add(secret(after, after.uri()));
      } else {
        Secret before = ctx.secretsBefore.get(after.id);
        out.add(before.fingerprint().equals(after.fingerprint()) ? s : secret(after, s.id()));
      }
    }
    return out;
  }

  private io.charmkit.testing.Secret secret(Secret s, String id) {
    boolean owned = !s.ownerApp.isEmpty();
    int latest = s.latestRevision();
    Map<String, String> latestContent = s.contentOrEmpty(latest);
    Map<String, String> tracked = latestContent;
    Optional<String> label = Optional.ofNullable(s.label);
    Secret.Consumer consumer = s.consumers.get(unit.name);
    if (!owned && consumer != null) {
      tracked = s.contentOrEmpty(consumer.revision());
      label = Optional.ofNullable(consumer.label());
    }
    return new io.charmkit.testing.Secret(
        id,
        owned ? Optional.of(s.ownerUnit == null ? "application" : "unit") : Optional.empty(),
        label,
        Optional.ofNullable(s.description),
        Optional.ofNullable(s.expire),
        Optional.ofNullable(s.rotate),
        latest,
        tracked,
        latestContent,
        Collections.unmodifiableMap(s.grants)); // the record copies it
  }

  /** Every tool call, in order, with redacted argv and stdin. */
  public List<HookToolCall> calls() {
    return List.copyOf(calls);
  }

  /** The {@code juju-log} lines. */
  public List<LogLine> logs() {
    return List.copyOf(ctx.logs);
  }

  /** Every status the unit was set to. */
  public List<Status> unitStatusHistory() {
    return ctx.unitStatuses.stream().map(StateModel::status).toList();
  }

  /** Every status the application was set to. */
  public List<Status> appStatusHistory() {
    return ctx.appStatuses.stream().map(StateModel::status).toList();
  }

  /** What the action reported (empty for hooks). */
  public ActionOutput actionOutput() {
    return new ActionOutput(
        ctx.actionResults, ctx.actionLogs, Optional.ofNullable(ctx.actionFailure));
  }

  private static WorkloadStatus workload(Status s) {
    return new WorkloadStatus(s.name().juju(), s.message());
  }

  private static Status status(WorkloadStatus s) {
    return new Status(StatusName.parse(s.status()), s.message());
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }
}
