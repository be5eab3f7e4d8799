package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The controller-side charm state: {@code state-get}, {@code state-set}, {@code state-delete}. */
final class StateTools {
  private StateTools() {}

  static void register(Map<String, ToolHandler> into) {
    into.put("state-get", (ctx, argv, stdin) -> stateGet(ctx, argv));
    into.put("state-set", StateTools::stateSet);
    into.put("state-delete", (ctx, argv, stdin) -> stateDelete(ctx, argv));
  }

  private static ToolResult stateGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of("strict"));
    Map<String, String> state = ctx.state();
    if (a.positionals().isEmpty()) {
      return ToolText.mapping(a, state);
    }
    String value = state.get(a.positionals().get(0));
    if (value == null && a.flag("strict")) {
      throw new ToolError("\"" + a.positionals().get(0) + "\" not found");
    }
    return ToolText.value(a, value);
  }

  private static ToolResult stateSet(HookContext ctx, List<String> argv, String stdin) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("file"), Set.of());
    ToolText.merge(ctx.state(), ToolText.settings(a, stdin));
    return ToolResult.ok("");
  }

  private static ToolResult stateDelete(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of());
    if (a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("expected exactly one key");
    }
    ctx.state().remove(a.positionals().get(0));
    return ToolResult.ok("");
  }
}
