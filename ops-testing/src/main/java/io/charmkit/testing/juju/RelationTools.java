package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.hooktools.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The relation tools ({@code relation-ids}, {@code -list}, {@code -get}, {@code -set}, {@code
 * -model-get}) and Juju's databag rules (JUJU.md §9): every unit reads every unit bag; only the
 * leader reads (outside peer relations) and writes its own application bag; writes go to the hook's
 * working copy.
 */
final class RelationTools {
  static void register(Map<String, ToolHandler> into) {
    into.put("relation-ids", (ctx, argv, stdin) -> relationIds(ctx, argv));
    into.put("relation-list", (ctx, argv, stdin) -> relationList(ctx, argv));
    into.put("relation-get", (ctx, argv, stdin) -> relationGet(ctx, argv));
    into.put("relation-set", RelationTools::relationSet);
    into.put("relation-model-get", (ctx, argv, stdin) -> relationModelGet(ctx, argv));
  }

  private static ToolResult relationIds(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    String app = ctx.unit.app.name;
    // Without an endpoint argument, the hook's own relation's endpoint (none outside one).
    Relation own =
        ctx.hook.relationId() == null ? null : ctx.model.relationIfPresent(ctx.hook.relationId());
    String endpoint =
        !a.positionals().isEmpty()
            ? a.positionals().get(0)
            : own == null ? "" : own.endpointOf(app);
    return ToolText.list(
        a,
        ctx.model.relationsOf(ctx.unit).stream()
            .filter(r -> r.endpointOf(app).equals(endpoint))
            .map(r -> r.ref(app))
            .toList());
  }

  private static ToolResult relationList(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format", "r", "relation"), Set.of("app"));
    Relation r = relation(ctx, a);
    if (a.flag("app")) {
      return ToolText.value(a, r.remoteApp(ctx.unit.app.name));
    }
    return ToolText.list(a, new ArrayList<>(r.membersOf(ctx.unit.name)));
  }

  private static ToolResult relationGet(HookContext ctx, List<String> argv) {
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
    Map<String, String> bag;
    if (a.flag("app")) {
      if (!r.involves(target)) {
        throw new ToolError(
            "cannot read application settings: application \"%s\" is not part of relation \"%s\""
                .formatted(target, r.key()));
      }
      if (target.equals(ctx.unit.app.name) && !r.isPeer() && !ctx.unit.isLeader()) {
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
            "cannot read settings for unit \"%s\" in relation \"%s\": unit \"%s\": settings not found"
                .formatted(target, r.key(), target));
      }
    }
    return key.equals("-")
        ? ToolText.mapping(a, bag)
        : ToolText.value(a, bag.getOrDefault(key, ""));
  }

  private static ToolResult relationSet(HookContext ctx, List<String> argv, String stdin) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("r", "relation", "file", "format"), Set.of("app"));
    Relation r = relation(ctx, a);
    Map<String, String> changes = ToolText.settings(a, stdin);
    String owner = ctx.unit.name;
    if (a.flag("app")) {
      if (!ctx.unit.isLeader()) {
        // Juju's own words for a non-leader writing its application bag (JUJU.md §8).
        throw new ToolError("cannot write relation settings");
      }
      owner = ctx.unit.app.name;
    }
    ToolText.merge(ctx.bags(r).computeIfAbsent(owner, o -> new TreeMap<>()), changes);
    return ToolResult.ok("");
  }

  private static ToolResult relationModelGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format", "r", "relation"), Set.of());
    relation(ctx, a);
    return ToolResult.ok(JujuJson.json(Map.of("uuid", ctx.model.uuid)));
  }

  /** The relation named by {@code -r} (or the hook's own), checked to belong to this unit. */
  static Relation relation(HookContext ctx, ToolArgs a) {
    String ref = a.value("r") != null ? a.value("r") : a.value("relation");
    if (ref == null) {
      if (ctx.hook.relationId() == null) {
        throw new ToolError("no relation id specified");
      }
      return ctx.model.relation(ctx.hook.relationId());
    }
    RelationRef parsed = null;
    Relation r = null;
    try {
      parsed = RelationRef.parse(ref);
      r = ctx.model.relationIfPresent(parsed.id());
    } catch (IllegalArgumentException e) {
      // Not a relation id: refused below as not found, as Juju refuses it.
    }
    if (r == null
        || !r.involves(ctx.unit.app.name)
        || r.left.contains(ctx.unit.name)
        || (parsed.endpoint() != null
            && !r.endpointOf(ctx.unit.app.name).equals(parsed.endpoint()))) {
      throw new ToolError("invalid value \"" + ref + "\" for option -r: relation not found");
    }
    return r;
  }
}
