package io.charmkit.testing.juju;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code open-port}, {@code close-port} and {@code opened-ports}, on the hook's working copy. */
final class PortTools {
  private static final Pattern PORT =
      Pattern.compile("^(\\d{1,5})(?:-(\\d{1,5}))?(?:/(tcp|udp))?$");

  private PortTools() {}

  static void register(Map<String, ToolHandler> into) {
    PortTools t = new PortTools();
    into.put("open-port", (ctx, argv, stdin) -> t.port(ctx, "open-port", argv));
    into.put("close-port", (ctx, argv, stdin) -> t.port(ctx, "close-port", argv));
    into.put("opened-ports", (ctx, argv, stdin) -> t.openedPorts(ctx, argv));
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
    return ToolText.list(a, ports);
  }
}
