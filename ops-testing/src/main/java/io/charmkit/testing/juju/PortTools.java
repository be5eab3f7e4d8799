package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.hooktools.ToolResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code open-port}, {@code close-port} and {@code opened-ports}, on the hook's working copy. */
final class PortTools {
  /** What Juju accepts; {@link Port#parse} reads it. */
  private static final Pattern PORT = Pattern.compile("icmp|\\d{1,5}(-\\d{1,5})?(/(tcp|udp))?");

  private PortTools() {}

  static void register(Map<String, ToolHandler> into) {
    into.put("open-port", (ctx, argv, stdin) -> port(ctx, "open-port", argv));
    into.put("close-port", (ctx, argv, stdin) -> port(ctx, "close-port", argv));
    into.put("opened-ports", (ctx, argv, stdin) -> openedPorts(ctx, argv));
  }

  private static ToolResult port(HookContext ctx, String tool, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("endpoints", "format"), Set.of());
    if (a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("no port or range specified");
    }
    String spec = a.positionals().get(0).toLowerCase(Locale.ROOT);
    Port port = PORT.matcher(spec).matches() ? Port.parse(spec) : null;
    if (port == null
        || (!spec.equals("icmp")
            && (port.from() < 1 || port.to() > 65535 || port.to() < port.from()))) {
      throw new ToolError("invalid port range \"" + spec + "\"");
    }
    String normalised = port.argument();
    if (tool.equals("open-port")) {
      ctx.ports().add(normalised);
    } else {
      ctx.ports().remove(normalised);
    }
    return ToolResult.ok("");
  }

  private static ToolResult openedPorts(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of("endpoints"));
    String endpoints = a.flag("endpoints") ? " (*)" : "";
    return ToolText.list(a, ctx.ports().stream().map(p -> p + endpoints).toList());
  }
}
