package io.charmkit.testing.juju;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hook tools, answered from the {@link Model}: argv as in JUJU.md §7.1, output as in §7.2,
 * failures worded so that ops' error mapping (§8) applies. Writes that Juju commits with the hook
 * go to the {@link HookContext}'s working copies; status, logs and the workload version apply at
 * once. Called with the model's lock held.
 */
final class ToolCommands {
  private static final Set<String> STATUSES = Set.of("active", "blocked", "maintenance", "waiting");
  private static final Pattern SECRET_KEY = Pattern.compile("^([a-z](?:-?[a-z0-9]){2,})$");
  private static final Pattern PORT =
      Pattern.compile("^(\\d{1,5})(?:-(\\d{1,5}))?(?:/(tcp|udp))?$");
  private static final String SINCE = "2026-01-01 00:00:00Z";

  private final Model model;

  ToolCommands(Model model) {
    this.model = model;
  }

  /** Runs one tool call for the hook {@code ctx}. */
  ToolResponse run(HookContext ctx, String tool, List<String> argv, String stdin) {
    ctx.countCall(tool);
    try {
      return dispatch(ctx, tool, argv, stdin);
    } catch (ToolArgs.UsageException e) {
      return new ToolResponse(2, "", "ERROR " + e.getMessage() + "\n");
    } catch (ToolError e) {
      return ToolResponse.error(e.getMessage());
    }
  }

  private ToolResponse dispatch(HookContext ctx, String tool, List<String> argv, String stdin) {
    return switch (tool) {
      case "relation-ids" -> relationIds(ctx, argv);
      case "relation-list" -> relationList(ctx, argv);
      case "relation-get" -> relationGet(ctx, argv);
      case "relation-set" -> relationSet(ctx, argv, stdin);
      case "relation-model-get" -> relationModelGet(ctx, argv);
      case "config-get" -> configGet(ctx, argv);
      case "is-leader" -> isLeader(ctx, argv);
      case "status-get" -> statusGet(ctx, argv);
      case "status-set" -> statusSet(ctx, argv);
      case "juju-log" -> jujuLog(ctx, argv);
      case "application-version-set" -> versionSet(ctx, argv);
      case "network-get" -> networkGet(ctx, argv);
      case "goal-state" -> goalState(ctx, argv);
      case "open-port", "close-port" -> port(ctx, tool, argv);
      case "opened-ports" -> openedPorts(ctx, argv);
      case "secret-add" -> secretAdd(ctx, argv);
      case "secret-get" -> secretGet(ctx, argv);
      case "secret-info-get" -> secretInfoGet(ctx, argv);
      case "secret-set" -> secretSet(ctx, argv);
      case "secret-grant" -> secretGrant(ctx, argv, true);
      case "secret-revoke" -> secretGrant(ctx, argv, false);
      case "secret-remove" -> secretRemove(ctx, argv);
      case "secret-ids" -> secretIds(ctx, argv);
      case "state-get" -> stateGet(ctx, argv);
      case "state-set" -> stateSet(ctx, argv, stdin);
      case "state-delete" -> stateDelete(ctx, argv);
      case "leader-get" -> leaderGet(ctx, argv);
      case "leader-set" -> leaderSet(ctx, argv, stdin);
      case "storage-list" -> {
        ToolArgs.parse(argv, Set.of("format"), Set.of());
        yield ToolResponse.ok(JujuJson.json(List.of()));
      }
      case "storage-get" -> {
        ToolArgs a = ToolArgs.parse(argv, Set.of("format", "s"), Set.of());
        throw new ToolError(
            "invalid value \"" + a.value("s") + "\" for option -s: storage not found");
      }
      case "storage-add" -> throw new ToolError("the embedded Juju provides no storage");
      case "resource-get" -> {
        ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of());
        throw new ToolError(
            "could not download resource: resource \""
                + String.join(" ", a.positionals())
                + "\" not found");
      }
      case "action-get", "action-set", "action-log", "action-fail" ->
          throw new ToolError("not running an action");
      case "credential-get" ->
          throw new ToolError("cannot access cloud credentials: application is not trusted");
      case "juju-reboot" ->
          throw new ToolError("juju-reboot is not supported by the embedded Juju");
      default -> throw new ToolError("unknown hook tool \"" + tool + "\"");
    };
  }

  // ---------------------------------------------------------------- relations

  private ToolResponse relationIds(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    String endpoint = "";
    if (!a.positionals().isEmpty()) {
      endpoint = a.positionals().get(0);
    } else if (ctx.hook.relationId() != null) {
      Relation own = model.relationIfPresent(ctx.hook.relationId());
      endpoint = own == null ? "" : own.endpointOf(ctx.unit.app.name);
    }
    List<String> ids = new ArrayList<>();
    for (Relation r : model.relationsOf(ctx.unit)) {
      if (r.endpointOf(ctx.unit.app.name).equals(endpoint)) {
        ids.add(r.ref(ctx.unit.app.name));
      }
    }
    return list(a, ids);
  }

  private ToolResponse relationList(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format", "r", "relation"), Set.of("app"));
    Relation r = relation(ctx, a);
    if (a.flag("app")) {
      String remote = r.remoteApp(ctx.unit.app.name);
      return ToolResponse.ok(json(a) ? JujuJson.json(remote) : remote + "\n");
    }
    return list(a, new ArrayList<>(r.membersOf(ctx.unit.name)));
  }

  private ToolResponse relationGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format", "r", "relation"), Set.of("app"));
    Relation r = relation(ctx, a);
    List<String> pos = a.positionals();
    String key = pos.isEmpty() ? "-" : pos.get(0);
    String target;
    if (pos.size() > 1) {
      target = pos.get(1);
    } else if (a.flag("app")) {
      target = ctx.hook.remoteApp() != null ? ctx.hook.remoteApp() : r.remoteApp(ctx.unit.app.name);
    } else if (ctx.hook.remoteUnit() != null) {
      target = ctx.hook.remoteUnit();
    } else {
      throw new ToolError("no unit id specified");
    }
    String app = ctx.unit.app.name;
    Map<String, String> bag;
    if (a.flag("app")) {
      if (!r.involves(target)) {
        throw new ToolError(
            "cannot read application settings: application \""
                + target
                + "\" is not part of relation \""
                + r.key()
                + "\"");
      }
      if (target.equals(app) && !r.isPeer() && !model.isLeader(ctx.unit)) {
        throw new ToolError("permission denied");
      }
      bag = ctx.bags(r).getOrDefault(target, Map.of());
    } else {
      if (!target.contains("/")) {
        throw new ToolError("invalid unit name \"" + target + "\"");
      }
      bag = ctx.bags(r).get(target);
      if (bag == null) {
        throw new ToolError(
            "cannot read settings for unit \""
                + target
                + "\" in relation \""
                + r.key()
                + "\": unit \""
                + target
                + "\": settings not found");
      }
    }
    if (key.equals("-")) {
      Map<String, String> sorted = new TreeMap<>(bag);
      return ToolResponse.ok(json(a) ? JujuJson.json(sorted) : yamlMap(sorted));
    }
    String value = bag.getOrDefault(key, "");
    return ToolResponse.ok(json(a) ? JujuJson.json(value) : value + "\n");
  }

  private ToolResponse relationSet(HookContext ctx, List<String> argv, String stdin) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("r", "relation", "file", "format"), Set.of("app"));
    Relation r = relation(ctx, a);
    Map<String, String> changes = settings(a, stdin);
    String owner = ctx.unit.name;
    if (a.flag("app")) {
      if (!model.isLeader(ctx.unit)) {
        throw new ToolError("permission denied");
      }
      owner = ctx.unit.app.name;
    }
    Map<String, String> bag = ctx.bags(r).computeIfAbsent(owner, o -> new TreeMap<>());
    changes.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            bag.remove(k);
          } else {
            bag.put(k, v);
          }
        });
    return ToolResponse.ok("");
  }

  private ToolResponse relationModelGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format", "r", "relation"), Set.of());
    relation(ctx, a);
    return ToolResponse.ok(JujuJson.json(Map.of("uuid", model.uuid)));
  }

  /** The relation named by {@code -r} (or the hook's own), checked to belong to this unit. */
  private Relation relation(HookContext ctx, ToolArgs a) {
    String ref = a.value("r") != null ? a.value("r") : a.value("relation");
    if (ref == null) {
      if (ctx.hook.relationId() == null) {
        throw new ToolError("no relation id specified");
      }
      return model.relation(ctx.hook.relationId());
    }
    String endpoint = null;
    String idText = ref;
    int colon = ref.lastIndexOf(':');
    if (colon >= 0) {
      endpoint = ref.substring(0, colon);
      idText = ref.substring(colon + 1);
    }
    Relation r = null;
    try {
      r = model.relationIfPresent(Integer.parseInt(idText));
    } catch (NumberFormatException e) {
      r = null;
    }
    if (r == null
        || !r.involves(ctx.unit.app.name)
        || r.left.contains(ctx.unit.name)
        || (endpoint != null && !r.endpointOf(ctx.unit.app.name).equals(endpoint))) {
      throw new ToolError("invalid value \"" + ref + "\" for option -r: relation not found");
    }
    return r;
  }

  /** Settings from {@code key=value} arguments and/or a YAML/JSON {@code --file}. */
  private static Map<String, String> settings(ToolArgs a, String stdin) {
    Map<String, String> out = new LinkedHashMap<>();
    String file = a.value("file");
    if (file != null) {
      String text;
      if (file.equals("-")) {
        text = stdin;
      } else {
        try {
          text = Files.readString(Path.of(file));
        } catch (IOException e) {
          throw new ToolError("cannot read settings file \"" + file + "\": " + e.getMessage());
        }
      }
      out.putAll(parseSettings(text));
    }
    for (String kv : a.positionals()) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new ToolError("expected \"key=value\", got \"" + kv + "\"");
      }
      out.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return out;
  }

  static Map<String, String> parseSettings(String text) {
    if (text.isBlank()) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = JujuJson.YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ToolError(
          "cannot parse settings: not a YAML or JSON mapping (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ")");
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new ToolError("cannot parse settings: expected a mapping of keys to strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : node.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull()) {
        out.put(e.getKey(), "");
      } else if (v.isValueNode()) {
        out.put(e.getKey(), v.asText());
      } else {
        throw new ToolError(
            "cannot parse settings: value of \"" + e.getKey() + "\" is not a string");
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- config, leadership, status

  private ToolResponse configGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of("all", "a"));
    Map<String, Object> config = ctx.unit.app.effectiveConfig();
    if (!a.positionals().isEmpty()) {
      Object value = config.get(a.positionals().get(0));
      return ToolResponse.ok(json(a) ? JujuJson.json(value) : (value == null ? "" : value + "\n"));
    }
    return ToolResponse.ok(json(a) ? JujuJson.json(config) : yamlMap(config));
  }

  private ToolResponse isLeader(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    boolean leader = model.isLeader(ctx.unit);
    return ToolResponse.ok(json(a) ? JujuJson.json(leader) : (leader ? "True\n" : "False\n"));
  }

  private ToolResponse statusGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of("include-data", "application"));
    Object out;
    if (a.flag("application")) {
      if (!model.isLeader(ctx.unit)) {
        throw new ToolError("finding application status: this unit is not the leader");
      }
      Map<String, Object> units = new TreeMap<>();
      for (Unit u : ctx.unit.app.units) {
        units.put(u.name, statusMap(u.status));
      }
      out = Map.of("application-status", statusMap(model.appStatus(ctx.unit.app)), "units", units);
    } else {
      out = statusMap(ctx.unit.status);
    }
    return ToolResponse.ok(json(a) ? JujuJson.json(out) : JujuJson.yaml(out));
  }

  private static Map<String, Object> statusMap(WorkloadStatus s) {
    Map<String, Object> m = new TreeMap<>();
    m.put("status", s.status());
    m.put("message", s.message());
    m.put("status-data", Map.of());
    return m;
  }

  private ToolResponse statusSet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of("application"));
    List<String> pos = a.positionals();
    if (pos.isEmpty()) {
      throw new ToolArgs.UsageException("invalid args, require <status> [message] [data]");
    }
    String status = pos.get(0);
    if (!STATUSES.contains(status)) {
      throw new ToolError(
          "invalid status \""
              + status
              + "\", expected one of [maintenance blocked waiting active]");
    }
    String message = pos.size() > 1 ? pos.get(1) : "";
    WorkloadStatus s = new WorkloadStatus(status, message);
    if (a.flag("application")) {
      if (!model.isLeader(ctx.unit)) {
        throw new ToolError("setting application status: this unit is not the leader");
      }
      ctx.unit.app.status = s;
    } else {
      ctx.unit.status = s;
    }
    return ToolResponse.ok("");
  }

  private ToolResponse jujuLog(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("l", "log-level", "format"), Set.of("debug"));
    String level = a.value("log-level") != null ? a.value("log-level") : a.value("l");
    if (level == null) {
      level = a.flag("debug") ? "DEBUG" : "INFO";
    }
    level = level.toUpperCase(Locale.ROOT);
    if (!Set.of("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL").contains(level)) {
      throw new ToolError("invalid log level \"" + level + "\"");
    }
    if (a.positionals().isEmpty()) {
      throw new ToolArgs.UsageException("no message specified");
    }
    model.log(
        ctx.unit, level, "unit." + ctx.unit.name + ".juju-log", String.join(" ", a.positionals()));
    return ToolResponse.ok("");
  }

  private ToolResponse versionSet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of());
    if (a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("expected exactly one version");
    }
    ctx.unit.app.version = a.positionals().get(0);
    return ToolResponse.ok("");
  }

  private ToolResponse leaderGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    Map<String, String> settings = ctx.leaderSettings();
    String key = a.positionals().isEmpty() ? "-" : a.positionals().get(0);
    Object value = key.equals("-") ? new TreeMap<>(settings) : settings.get(key);
    if (json(a)) {
      return ToolResponse.ok(JujuJson.json(value));
    }
    if (value == null) {
      return ToolResponse.ok("");
    }
    return ToolResponse.ok(
        "yaml".equals(a.value("format")) || value instanceof Map
            ? JujuJson.yaml(value)
            : value + "\n");
  }

  private ToolResponse leaderSet(HookContext ctx, List<String> argv, String stdin) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("file"), Set.of());
    if (!model.isLeader(ctx.unit)) {
      throw new ToolError(
          "cannot write leadership settings: cannot write settings: not the leader");
    }
    Map<String, String> settings = ctx.leaderSettings();
    settings(a, stdin)
        .forEach(
            (k, v) -> {
              if (v.isEmpty()) {
                settings.remove(k);
              } else {
                settings.put(k, v);
              }
            });
    return ToolResponse.ok("");
  }

  // ---------------------------------------------------------------- network, goal state, ports

  private ToolResponse networkGet(HookContext ctx, List<String> argv) {
    ToolArgs a =
        ToolArgs.parse(
            argv,
            Set.of("format", "r", "relation"),
            Set.of("primary-address", "ingress-address", "bind-address", "egress-subnets"));
    if (a.value("r") != null || a.value("relation") != null) {
      relation(ctx, a);
    }
    if (a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("no endpoint specified");
    }
    String binding = a.positionals().get(0);
    if (!ctx.unit.app.metadata.endpoints().containsKey(binding)) {
      throw new ToolError("no network config found for binding \"" + binding + "\"");
    }
    String ip = ctx.unit.address;
    String subnet = ip + "/32";
    Object out;
    if (a.flag("primary-address") || a.flag("ingress-address")) {
      out = ip;
    } else if (a.flag("egress-subnets")) {
      out = List.of(subnet);
    } else {
      Map<String, Object> address = new TreeMap<>();
      address.put("hostname", ctx.unit.hostname(model.name));
      address.put("value", ip);
      address.put("address", ip);
      address.put("cidr", ip.substring(0, ip.lastIndexOf('.')) + ".0/24");
      Map<String, Object> bind = new TreeMap<>();
      bind.put("mac-address", "");
      bind.put("interface-name", "eth0");
      bind.put("addresses", List.of(address));
      Map<String, Object> all = new TreeMap<>();
      all.put("bind-addresses", List.of(bind));
      all.put("egress-subnets", List.of(subnet));
      all.put("ingress-addresses", List.of(ip));
      out = all;
    }
    return ToolResponse.ok(json(a) ? JujuJson.json(out) : JujuJson.yaml(out));
  }

  private ToolResponse goalState(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    Map<String, Object> units = new TreeMap<>();
    for (Unit u : ctx.unit.app.units) {
      units.put(u.name, Map.of("status", u.dying ? "dying" : "active", "since", SINCE));
    }
    Map<String, Object> relations = new TreeMap<>();
    for (Relation r : model.relationsOf(ctx.unit)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> ep =
          (Map<String, Object>)
              relations.computeIfAbsent(r.endpointOf(ctx.unit.app.name), k -> new TreeMap<>());
      String remote = r.remoteApp(ctx.unit.app.name);
      ep.put(remote, Map.of("status", "joined", "since", SINCE));
      App remoteApp = model.app(remote);
      for (Unit u : remoteApp.units) {
        if (!u.name.equals(ctx.unit.name)) {
          ep.put(u.name, Map.of("status", u.dying ? "dying" : "active", "since", SINCE));
        }
      }
    }
    Map<String, Object> out = Map.of("units", units, "relations", relations);
    return ToolResponse.ok(json(a) ? JujuJson.json(out) : JujuJson.yaml(out));
  }

  private ToolResponse port(HookContext ctx, String tool, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("endpoints", "format"), Set.of());
    if (a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("no port or range specified");
    }
    String spec = a.positionals().get(0).toLowerCase(Locale.ROOT);
    String normalised;
    if (spec.equals("icmp")) {
      normalised = "icmp";
    } else {
      Matcher m = PORT.matcher(spec);
      if (!m.matches()) {
        throw new ToolError("invalid port range \"" + spec + "\"");
      }
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      if (from < 1 || to > 65535 || to < from) {
        throw new ToolError("invalid port range \"" + spec + "\"");
      }
      normalised =
          (from == to ? "" + from : from + "-" + to)
              + "/"
              + (m.group(3) == null ? "tcp" : m.group(3));
    }
    if (tool.equals("open-port")) {
      ctx.ports().add(normalised);
    } else {
      ctx.ports().remove(normalised);
    }
    return ToolResponse.ok("");
  }

  private ToolResponse openedPorts(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of("endpoints"));
    List<String> ports = new ArrayList<>();
    for (String p : ctx.ports()) {
      ports.add(a.flag("endpoints") ? p + " (*)" : p);
    }
    return list(a, ports);
  }

  // ---------------------------------------------------------------- state

  private ToolResponse stateGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of("strict"));
    Map<String, String> state = ctx.state();
    if (a.positionals().isEmpty()) {
      return ToolResponse.ok(json(a) ? JujuJson.json(state) : yamlMap(state));
    }
    String value = state.get(a.positionals().get(0));
    if (value == null) {
      if (a.flag("strict")) {
        throw new ToolError("\"" + a.positionals().get(0) + "\" not found");
      }
      return ToolResponse.ok(json(a) ? JujuJson.json(null) : "");
    }
    return ToolResponse.ok(json(a) ? JujuJson.json(value) : value + "\n");
  }

  private ToolResponse stateSet(HookContext ctx, List<String> argv, String stdin) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("file"), Set.of());
    Map<String, String> state = ctx.state();
    settings(a, stdin)
        .forEach(
            (k, v) -> {
              if (v.isEmpty()) {
                state.remove(k);
              } else {
                state.put(k, v);
              }
            });
    return ToolResponse.ok("");
  }

  private ToolResponse stateDelete(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of());
    if (a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("expected exactly one key");
    }
    ctx.state().remove(a.positionals().get(0));
    return ToolResponse.ok("");
  }

  // ---------------------------------------------------------------- secrets

  private static final Set<String> SECRET_META =
      Set.of("label", "description", "expire", "rotate", "owner", "file");

  private ToolResponse secretAdd(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, SECRET_META, Set.of());
    String owner = a.value("owner") == null ? "application" : a.value("owner");
    if (!owner.equals("application") && !owner.equals("unit")) {
      throw new ToolError("secret owner \"" + owner + "\" not valid");
    }
    boolean appOwned = owner.equals("application");
    if (appOwned && !model.isLeader(ctx.unit)) {
      throw new ToolError(
          "cannot create an application-owned secret: permission denied: this unit is not the"
              + " leader");
    }
    Map<String, String> content = secretContent(a.positionals(), a.value("file"));
    if (content.isEmpty()) {
      throw new ToolArgs.UsageException("missing secret value or filename");
    }
    Map<String, Secret> secrets = ctx.secrets(model.secrets);
    Secret s = new Secret(model.newSecretId(), ctx.unit.app.name, appOwned ? null : ctx.unit.name);
    if (a.value("label") != null) {
      checkLabelFree(ctx, secrets, a.value("label"), null);
    }
    applyMeta(s, a);
    s.revisions.add(content);
    secrets.put(s.id, s);
    return ToolResponse.ok(s.uri() + "\n");
  }

  private ToolResponse secretGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("label", "format"), Set.of("refresh", "peek"));
    Map<String, Secret> secrets = ctx.secrets(model.secrets);
    String id = a.positionals().isEmpty() ? null : a.positionals().get(0);
    String label = a.value("label");
    if (id == null && label == null) {
      throw new ToolArgs.UsageException("require either a secret URI or label");
    }
    Secret s = id != null ? byId(secrets, id) : byLabel(ctx, secrets, label);
    Map<String, String> content;
    if (owns(ctx.unit, s)) {
      if (id != null && label != null) {
        s.label = label;
      }
      content = s.content(s.latestRevision());
    } else {
      if (!granted(ctx.unit, s)) {
        throw new ToolError("permission denied");
      }
      Secret.Consumer c = s.consumers.get(ctx.unit.name);
      String newLabel = label != null ? label : (c == null ? null : c.label());
      int revision = c == null ? s.latestRevision() : c.revision();
      if (a.flag("peek")) {
        content = s.content(s.latestRevision());
      } else {
        if (a.flag("refresh")) {
          revision = s.latestRevision();
        }
        content = s.content(revision);
      }
      s.consumers.put(ctx.unit.name, new Secret.Consumer(newLabel, revision));
    }
    if (content == null) {
      throw new ToolError("secret \"" + s.id + "\" revision not found");
    }
    return ToolResponse.ok(JujuJson.json(new TreeMap<>(content)));
  }

  private ToolResponse secretInfoGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("label", "format"), Set.of());
    Map<String, Secret> secrets = ctx.secrets(model.secrets);
    String id = a.positionals().isEmpty() ? null : a.positionals().get(0);
    if ((id == null) == (a.value("label") == null)) {
      throw new ToolArgs.UsageException("specify either a secret URI or label but not both");
    }
    Secret s = id != null ? byId(secrets, id) : byLabel(ctx, secrets, a.value("label"));
    if (!owns(ctx.unit, s)) {
      throw new ToolError("secret \"" + s.id + "\" not found");
    }
    Map<String, Object> info = new TreeMap<>();
    info.put("revision", s.latestRevision());
    info.put("owner", s.ownerUnit == null ? "application" : "unit");
    info.put("rotation", s.rotate == null ? "never" : s.rotate);
    if (s.label != null) {
      info.put("label", s.label);
    }
    if (s.description != null) {
      info.put("description", s.description);
    }
    if (s.expire != null) {
      info.put("expiry", s.expire);
    }
    return ToolResponse.ok(JujuJson.json(Map.of(s.id, info)));
  }

  private ToolResponse secretSet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, SECRET_META, Set.of());
    Map<String, Secret> secrets = ctx.secrets(model.secrets);
    if (a.positionals().isEmpty()) {
      throw new ToolArgs.UsageException("missing secret URI");
    }
    Secret s = byId(secrets, a.positionals().get(0));
    requireManager(ctx, s);
    if (a.value("label") != null) {
      checkLabelFree(ctx, secrets, a.value("label"), s);
    }
    applyMeta(s, a);
    Map<String, String> content =
        secretContent(a.positionals().subList(1, a.positionals().size()), a.value("file"));
    if (!content.isEmpty() && !content.equals(s.content(s.latestRevision()))) {
      s.revisions.add(content);
    }
    return ToolResponse.ok("");
  }

  private ToolResponse secretGrant(HookContext ctx, List<String> argv, boolean grant) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("relation", "r", "unit", "app"), Set.of());
    Map<String, Secret> secrets = ctx.secrets(model.secrets);
    if (a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("missing secret URI");
    }
    Secret s = byId(secrets, a.positionals().get(0));
    requireManager(ctx, s);
    String relRef = a.value("relation") != null ? a.value("relation") : a.value("r");
    Relation r = null;
    if (relRef != null) {
      r = relation(ctx, ToolArgs.parse(List.of("-r", relRef), Set.of("r"), Set.of()));
    } else if (grant) {
      throw new ToolArgs.UsageException("missing relation");
    }
    String unit = a.value("unit");
    if (grant) {
      String grantee = unit != null ? unit : r.remoteApp(ctx.unit.app.name);
      s.grants.computeIfAbsent(r.id, k -> new TreeSet<>()).add(grantee);
    } else {
      String name = unit != null ? unit : a.value("app");
      for (var it = s.grants.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (r != null && e.getKey() != r.id) {
          continue;
        }
        if (name == null) {
          e.getValue().clear();
        } else {
          e.getValue().remove(name);
        }
        if (e.getValue().isEmpty()) {
          it.remove();
        }
      }
    }
    return ToolResponse.ok("");
  }

  private ToolResponse secretRemove(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("revision"), Set.of());
    Map<String, Secret> secrets = ctx.secrets(model.secrets);
    if (a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("missing secret URI");
    }
    Secret s = byId(secrets, a.positionals().get(0));
    requireManager(ctx, s);
    if (a.value("revision") == null) {
      secrets.remove(s.id);
    } else {
      int rev;
      try {
        rev = Integer.parseInt(a.value("revision"));
      } catch (NumberFormatException e) {
        throw new ToolError("invalid revision \"" + a.value("revision") + "\"");
      }
      if (rev < 1 || rev > s.latestRevision() || s.content(rev) == null) {
        throw new ToolError("secret revision " + rev + " not found");
      }
      s.revisions.set(rev - 1, null);
    }
    return ToolResponse.ok("");
  }

  private ToolResponse secretIds(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    List<String> ids = new ArrayList<>();
    for (Secret s : ctx.secrets(model.secrets).values()) {
      if (owns(ctx.unit, s)) {
        ids.add(s.uri());
      }
    }
    ids.sort(null);
    return list(a, ids);
  }

  private void requireManager(HookContext ctx, Secret s) {
    if (!owns(ctx.unit, s)) {
      throw new ToolError("secret \"" + s.id + "\" not found");
    }
    if (s.ownerUnit == null && !model.isLeader(ctx.unit)) {
      throw new ToolError("permission denied: this unit is not the leader");
    }
  }

  private static boolean owns(Unit unit, Secret s) {
    return s.ownerUnit == null ? s.ownerApp.equals(unit.app.name) : s.ownerUnit.equals(unit.name);
  }

  private boolean granted(Unit unit, Secret s) {
    for (var e : s.grants.entrySet()) {
      Relation r = model.relationIfPresent(e.getKey());
      if (r == null || !r.involves(unit.app.name) || r.left.contains(unit.name)) {
        continue;
      }
      if (e.getValue().contains(unit.app.name) || e.getValue().contains(unit.name)) {
        return true;
      }
    }
    return false;
  }

  private static Secret byId(Map<String, Secret> secrets, String ref) {
    String id = ref;
    if (id.startsWith("secret://")) {
      id = id.substring(id.lastIndexOf('/') + 1);
    } else if (id.startsWith("secret:")) {
      id = id.substring("secret:".length());
    }
    Secret s = secrets.get(id);
    if (s == null) {
      throw new ToolError("secret \"" + id + "\" not found");
    }
    return s;
  }

  private static Secret byLabel(HookContext ctx, Map<String, Secret> secrets, String label) {
    for (Secret s : secrets.values()) {
      if (owns(ctx.unit, s) && label.equals(s.label)) {
        return s;
      }
      Secret.Consumer c = s.consumers.get(ctx.unit.name);
      if (c != null && label.equals(c.label())) {
        return s;
      }
    }
    throw new ToolError("secret with label \"" + label + "\" not found");
  }

  private static void checkLabelFree(
      HookContext ctx, Map<String, Secret> secrets, String label, Secret self) {
    for (Secret s : secrets.values()) {
      if (s != self && owns(ctx.unit, s) && label.equals(s.label)) {
        throw new ToolError("secret with label \"" + label + "\" already exists");
      }
    }
  }

  private static void applyMeta(Secret s, ToolArgs a) {
    if (a.value("label") != null) {
      s.label = a.value("label");
    }
    if (a.value("description") != null) {
      s.description = a.value("description");
    }
    if (a.value("expire") != null) {
      s.expire = a.value("expire");
    }
    if (a.value("rotate") != null) {
      s.rotate = a.value("rotate");
    }
  }

  /** Content from {@code key=value}, {@code key#file=path} and {@code key#base64=…} arguments. */
  private static Map<String, String> secretContent(List<String> args, String file) {
    Map<String, String> content = new TreeMap<>();
    if (file != null) {
      try {
        content.putAll(parseSettings(Files.readString(Path.of(file))));
      } catch (IOException e) {
        throw new ToolError("cannot read secret content file \"" + file + "\": " + e.getMessage());
      }
    }
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new ToolError("expected \"key=value\", got \"" + arg + "\"");
      }
      String key = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      if (key.endsWith("#file")) {
        key = key.substring(0, key.length() - "#file".length());
        try {
          value = Files.readString(Path.of(value));
        } catch (IOException e) {
          throw new ToolError("cannot read secret value file for key \"" + key + "\"");
        }
      } else if (key.endsWith("#base64")) {
        key = key.substring(0, key.length() - "#base64".length());
        try {
          value =
              new String(
                  java.util.Base64.getDecoder().decode(value),
                  java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw new ToolError("value of secret key \"" + key + "\" is not valid base64");
        }
      }
      if (!SECRET_KEY.matcher(key).matches()) {
        throw new ToolError("secret key \"" + key + "\" not valid");
      }
      content.put(key, value);
    }
    return content;
  }

  // ---------------------------------------------------------------- output helpers

  private static boolean json(ToolArgs a) {
    return "json".equals(a.value("format"));
  }

  private static ToolResponse list(ToolArgs a, List<String> items) {
    if (json(a)) {
      return ToolResponse.ok(JujuJson.json(items));
    }
    StringBuilder s = new StringBuilder();
    for (String i : items) {
      s.append(i).append('\n');
    }
    return ToolResponse.ok(s.toString());
  }

  private static String yamlMap(Map<String, ?> map) {
    return map.isEmpty() ? "{}\n" : JujuJson.yaml(map);
  }

  /** A tool failure; the message is printed after {@code ERROR }. */
  static final class ToolError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToolError(String message) {
      super(message);
    }
  }
}
