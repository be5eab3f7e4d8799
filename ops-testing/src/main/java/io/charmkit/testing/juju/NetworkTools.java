package io.charmkit.testing.juju;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.ops.hooktools.NetworkInfo;
import io.charmkit.ops.hooktools.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the unit stands: {@code network-get}, {@code goal-state}, {@code storage-list}, {@code
 * storage-get}, and the tools the simulated Juju refuses ({@code storage-add}, {@code
 * resource-get}, {@code credential-get}, {@code juju-reboot}) with Juju's errors.
 */
final class NetworkTools {
  private static final String SINCE = "2026-01-01 00:00:00Z";

  /** Juju's names for {@link NetworkInfo}'s fields: its component names in kebab case. */
  private static final ObjectMapper KEBAB =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);

  static void register(Map<String, ToolHandler> into) {
    into.put("network-get", (ctx, argv, stdin) -> networkGet(ctx, argv));
    into.put("goal-state", (ctx, argv, stdin) -> goalState(ctx, argv));
    into.put("storage-list", (ctx, argv, stdin) -> storageList(ctx, argv));
    into.put("storage-get", (ctx, argv, stdin) -> storageGet(ctx, argv));
    refuse(into, "storage-add", "the embedded Juju provides no storage");
    into.put(
        "resource-get",
        (ctx, argv, stdin) -> {
          ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of());
          throw new ToolError(
              "could not download resource: resource \""
                  + String.join(" ", a.positionals())
                  + "\" not found");
        });
    refuse(into, "credential-get", "cannot access cloud credentials: application is not trusted");
    refuse(into, "juju-reboot", "juju-reboot is not supported by the embedded Juju");
  }

  /** A tool that always fails with {@code error}, whatever its arguments. */
  private static void refuse(Map<String, ToolHandler> into, String tool, String error) {
    into.put(
        tool,
        (ctx, argv, stdin) -> {
          throw new ToolError(error);
        });
  }

  private static ToolResult storageList(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    String prefix = a.positionals().isEmpty() ? "" : a.positionals().get(0) + "/";
    return ToolText.list(
        a, ctx.unit.storages.keySet().stream().filter(id -> id.startsWith(prefix)).toList());
  }

  private static ToolResult storageGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format", "s"), Set.of());
    String id = a.value("s");
    String location = id == null ? null : ctx.unit.storages.get(id);
    if (location == null) {
      throw new ToolError(
          "invalid value \"" + id + "\" for option -s: storage instance \"" + id + "\" not found");
    }
    Map<String, Object> out = new TreeMap<>();
    out.put("kind", "filesystem");
    out.put("location", location);
    return ToolText.formatted(a, out);
  }

  private static ToolResult networkGet(HookContext ctx, List<String> argv) {
    ToolArgs a =
        ToolArgs.parse(
            argv,
            Set.of("format", "r", "relation"),
            Set.of("primary-address", "ingress-address", "bind-address", "egress-subnets"));
    if (a.value("r") != null || a.value("relation") != null) {
      RelationTools.relation(ctx, a);
    }
    if (a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("no endpoint specified");
    }
    String binding = a.positionals().get(0);
    NetworkInfo info = ctx.unit.networks.get(binding);
    if (info == null) {
      if (!binding.equals("juju-info") && !ctx.unit.app.metadata.endpoints().containsKey(binding)) {
        throw new ToolError("no network config found for binding \"" + binding + "\"");
      }
      // The unit's own address, on eth0 in its /24, egress through itself alone.
      String ip = ctx.unit.address;
      String cidr = ip.substring(0, ip.lastIndexOf('.')) + ".0/24";
      NetworkInfo.Address address =
          new NetworkInfo.Address(ctx.unit.hostname(ctx.model.name), ip, cidr);
      info =
          new NetworkInfo(
              List.of(new NetworkInfo.BindAddress("", "eth0", List.of(address))),
              List.of(ip + "/32"),
              List.of(ip));
    }
    return ToolText.formatted(a, encode(info, a));
  }

  /** A binding's network in network-get's shape (or one field of it, as a flag asks). */
  private static Object encode(NetworkInfo info, ToolArgs a) {
    if (a.flag("primary-address") || a.flag("ingress-address")) {
      return info.ingressAddresses().isEmpty() ? "" : info.ingressAddresses().get(0);
    }
    if (a.flag("egress-subnets")) {
      return info.egressSubnets();
    }
    JsonNode all = KEBAB.valueToTree(info);
    // Juju repeats each address under its pre-2.9 key, "address", beside "value".
    all.findParents("value").forEach(m -> ((ObjectNode) m).set("address", m.get("value")));
    // As a map, so that the output sorts its keys as Go prints them.
    return KEBAB.convertValue(all, Map.class);
  }

  private static ToolResult goalState(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    Map<String, Object> units = new TreeMap<>();
    for (Unit u : ctx.unit.app.units) {
      units.put(u.name, Map.of("status", u.dying ? "dying" : "active", "since", SINCE));
    }
    Map<String, Map<String, Object>> relations = new TreeMap<>();
    for (Relation r : ctx.model.relationsOf(ctx.unit)) {
      Map<String, Object> ep =
          relations.computeIfAbsent(r.endpointOf(ctx.unit.app.name), k -> new TreeMap<>());
      String remote = r.remoteApp(ctx.unit.app.name);
      ep.put(remote, Map.of("status", "joined", "since", SINCE));
      App remoteApp = ctx.model.app(remote);
      for (Unit u : remoteApp.units) {
        if (!u.name.equals(ctx.unit.name)) {
          ep.put(u.name, Map.of("status", u.dying ? "dying" : "active", "since", SINCE));
        }
      }
    }
    Map<String, Object> out = Map.of("units", units, "relations", relations);
    return ToolText.formatted(a, out);
  }
}
