package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The action tools ({@code action-get}, {@code -set}, {@code -log}, {@code -fail}): only while an
 * action runs, its parameters as {@link io.charmkit.testing.ActionParameters} completed them.
 */
final class ActionTools {
  private ActionTools() {}

  static void register(Map<String, ToolHandler> into) {
    into.put("action-get", (ctx, argv, stdin) -> actionGet(ctx, argv));
    into.put("action-set", (ctx, argv, stdin) -> actionSet(ctx, argv));
    into.put("action-log", (ctx, argv, stdin) -> actionLog(ctx, argv));
    into.put("action-fail", (ctx, argv, stdin) -> actionFail(ctx, argv));
  }

  private static HookContext.Action action(HookContext ctx) {
    if (ctx.action == null) {
      throw new ToolError("not running an action");
    }
    return ctx.action;
  }

  private static ToolResult actionGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    // Both front ends fill in the defaults of actions.yaml before the action runs.
    Map<String, Object> params = new TreeMap<>(action(ctx).params());
    Object out = params;
    if (!a.positionals().isEmpty()) {
      // A dotted key reaches into nested parameters, as Juju's action-get does.
      for (String part : a.positionals().get(0).split("\\.")) {
        out = out instanceof Map<?, ?> m ? m.get(part) : null;
      }
    }
    return ToolText.formatted(a, out);
  }

  private static ToolResult actionSet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of());
    action(ctx);
    if (a.positionals().isEmpty()) {
      throw new ToolArgs.UsageException("no key=value pairs specified");
    }
    ctx.actionResults.putAll(ToolText.settings(a, ""));
    return ToolResult.ok("");
  }

  private static ToolResult actionLog(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of());
    action(ctx);
    if (a.positionals().isEmpty()) {
      throw new ToolArgs.UsageException("no message specified");
    }
    ctx.actionLogs.add(String.join(" ", a.positionals()));
    return ToolResult.ok("");
  }

  private static ToolResult actionFail(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of());
    action(ctx);
    ctx.actionFailure = String.join(" ", a.positionals());
    return ToolResult.ok("");
  }
}
