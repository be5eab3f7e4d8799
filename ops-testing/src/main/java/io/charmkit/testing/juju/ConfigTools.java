package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.ToolArguments;
import io.charmkit.ops.hooktools.ToolResult;
import io.charmkit.testing.LogLine;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Config, leadership, status, logging and workload version: {@code config-get}, {@code is-leader},
 * {@code status-get}, {@code status-set}, {@code juju-log}, {@code application-version-set} and the
 * legacy {@code leader-get} / {@code leader-set} (present only where the tool set has them).
 */
final class ConfigTools {
  private static final Set<String> LOG_LEVELS =
      Set.of("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

  static void register(Map<String, ToolHandler> into) {
    into.put("config-get", (ctx, argv, stdin) -> configGet(ctx, argv));
    into.put("is-leader", (ctx, argv, stdin) -> isLeader(ctx, argv));
    into.put("status-get", (ctx, argv, stdin) -> statusGet(ctx, argv));
    into.put("status-set", (ctx, argv, stdin) -> statusSet(ctx, argv));
    into.put("juju-log", (ctx, argv, stdin) -> jujuLog(ctx, argv));
    into.put("application-version-set", (ctx, argv, stdin) -> versionSet(ctx, argv));
    into.put("leader-get", (ctx, argv, stdin) -> leaderGet(ctx, argv));
    into.put("leader-set", ConfigTools::leaderSet);
  }

  private static ToolResult configGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of("all", "a"));
    Map<String, Object> config = ctx.unit.app.effectiveConfig();
    return a.positionals().isEmpty()
        ? ToolText.mapping(a, config)
        : ToolText.value(a, config.get(a.positionals().get(0)));
  }

  private static ToolResult isLeader(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    boolean leader = ctx.unit.isLeader();
    return ToolResult.ok(
        ToolText.json(a) ? JujuJson.json(leader) : (leader ? "True\n" : "False\n"));
  }

  private static ToolResult statusGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of("include-data", "application"));
    if (!a.flag("application")) {
      return ToolText.formatted(a, statusMap(ctx.unit.status));
    }
    if (!ctx.unit.isLeader()) {
      throw new ToolError("finding application status: this unit is not the leader");
    }
    Map<String, Object> units = new TreeMap<>();
    ctx.unit.app.units.forEach(u -> units.put(u.name, statusMap(u.status)));
    Object app = statusMap(ctx.model.appStatus(ctx.unit.app));
    return ToolText.formatted(a, Map.of("application-status", app, "units", units));
  }

  private static Map<String, Object> statusMap(WorkloadStatus s) {
    return Map.of("status", s.status(), "message", s.message(), "status-data", Map.of());
  }

  private static ToolResult statusSet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of("application"));
    List<String> pos = a.positionals();
    if (pos.isEmpty()) {
      throw new ToolArgs.UsageException("invalid args, require <status> [message] [data]");
    }
    String status = pos.get(0);
    if (!ToolArguments.SETTABLE_STATUSES.contains(status)) {
      throw new ToolError(
          "invalid status \"%s\", expected one of [maintenance blocked waiting active]"
              .formatted(status));
    }
    String message = pos.size() > 1 ? pos.get(1) : "";
    WorkloadStatus s = new WorkloadStatus(status, message);
    if (a.flag("application")) {
      if (!ctx.unit.isLeader()) {
        throw new ToolError("setting application status: this unit is not the leader");
      }
      ctx.unit.app.status = s;
      ctx.appStatuses.add(s);
    } else {
      ctx.unit.status = s;
      ctx.unitStatuses.add(s);
    }
    return ToolResult.ok("");
  }

  private static ToolResult jujuLog(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("l", "log-level", "format"), Set.of("debug"));
    String level = a.value("log-level") != null ? a.value("log-level") : a.value("l");
    if (level == null) {
      level = a.flag("debug") ? "DEBUG" : "INFO";
    }
    if (!LOG_LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
      throw new ToolError("invalid log level \"" + level + "\"");
    }
    if (a.positionals().isEmpty()) {
      throw new ToolArgs.UsageException("no message specified");
    }
    String message = String.join(" ", a.positionals());
    ctx.logs.add(new LogLine(level, message));
    ctx.model.log(
        ctx.unit, level.toUpperCase(Locale.ROOT), "unit." + ctx.unit.name + ".juju-log", message);
    return ToolResult.ok("");
  }

  private static ToolResult versionSet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of(), Set.of());
    if (a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("expected exactly one version");
    }
    ctx.unit.app.version = a.positionals().get(0);
    return ToolResult.ok("");
  }

  private static ToolResult leaderGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    Map<String, String> settings = ctx.leaderSettings();
    String key = a.positionals().isEmpty() ? "-" : a.positionals().get(0);
    if (key.equals("-")) {
      return ToolText.mapping(a, settings);
    }
    String value = settings.get(key);
    return value != null && "yaml".equals(a.value("format"))
        ? ToolResult.ok(JujuJson.yaml(value))
        : ToolText.value(a, value);
  }

  private static ToolResult leaderSet(HookContext ctx, List<String> argv, String stdin) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("file"), Set.of());
    if (!ctx.unit.isLeader()) {
      throw new ToolError(
          "cannot write leadership settings: cannot write settings: not the leader");
    }
    ToolText.merge(ctx.leaderSettings(), ToolText.settings(a, stdin));
    return ToolResult.ok("");
  }
}
