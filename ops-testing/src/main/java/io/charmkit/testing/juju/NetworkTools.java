package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.NetworkInfo;
import java.util.ArrayList;
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

  private final Model model;

  private NetworkTools(Model model) {
    this.model = model;
  }

  static void register(Map<String, ToolHandler> into, Model model) {
    NetworkTools t = new NetworkTools(model);
    into.put("network-get", (ctx, argv, stdin) -> t.networkGet(ctx, argv));
    into.put("goal-state", (ctx, argv, stdin) -> t.goalState(ctx, argv));
    into.put("storage-list", (ctx, argv, stdin) -> storageList(ctx, argv));
    into.put("storage-get", (ctx, argv, stdin) -> storageGet(ctx, argv));
    into.put(
        "storage-add",
        (ctx, argv, stdin) -> {
          throw new ToolError("the embedded Juju provides no storage");
        });
    into.put(
        "resource-get",
        (ctx, argv, stdin) -> {
          ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of());
          throw new ToolError(
              "could not download resource: resource \""
                  + String.join(" ", a.positionals())
                  + "\" not found");
        });
    into.put(
        "credential-get",
        (ctx, argv, stdin) -> {
          throw new ToolError("cannot access cloud credentials: application is not trusted");
        });
    into.put(
        "juju-reboot",
        (ctx, argv, stdin) -> {
          throw new ToolError("juju-reboot is not supported by the embedded Juju");
        });
  }

  private static ToolResponse storageList(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    List<String> ids = new ArrayList<>();
    for (String id : ctx.unit.storages.keySet()) {
      if (a.positionals().isEmpty() || id.startsWith(a.positionals().get(0) + "/")) {
        ids.add(id);
      }
    }
    return ToolText.list(a, ids);
  }

  private static ToolResponse storageGet(HookContext ctx, List<String> argv) {
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

  private ToolResponse networkGet(HookContext ctx, List<String> argv) {
    ToolArgs a =
        ToolArgs.parse(
            argv,
            Set.of("format", "r", "relation"),
            Set.of("primary-address", "ingress-address", "bind-address", "egress-subnets"));
    if (a.value("r") != null || a.value("relation") != null) {
      RelationTools.relation(model, ctx, a);
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
          new NetworkInfo.Address(ctx.unit.hostname(model.name), ip, cidr);
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
    List<Object> binds = new ArrayList<>();
    for (NetworkInfo.BindAddress b : info.bindAddresses()) {
      List<Object> addresses = new ArrayList<>();
      for (NetworkInfo.Address address : b.addresses()) {
        Map<String, Object> m = new TreeMap<>();
        m.put("hostname", address.hostname());
        m.put("value", address.value());
        m.put("address", address.value());
        m.put("cidr", address.cidr());
        addresses.add(m);
      }
      Map<String, Object> bind = new TreeMap<>();
      bind.put("mac-address", b.macAddress());
      bind.put("interface-name", b.interfaceName());
      bind.put("addresses", addresses);
      binds.add(bind);
    }
    Map<String, Object> all = new TreeMap<>();
    all.put("bind-addresses", binds);
    all.put("egress-subnets", info.egressSubnets());
    all.put("ingress-addresses", info.ingressAddresses());
    return all;
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
    return ToolText.formatted(a, out);
  }
}
