package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.JujuToolSet;
import io.charmkit.ops.hooktools.ToolResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hook tools a unit agent of one Juju version provides, answered from the {@link Model}: argv
 * as in JUJU.md §7.1, output as in §7.2, failures worded so that ops' error mapping (§8) applies.
 * Both front ends use it: the embedded Juju's tool server (behind one shim executable per tool in
 * {@link #names()}) and the in-process transport of the state-transition harness.
 *
 * <p>A tool the version does not have is absent: no shim is installed for it, and the in-process
 * transport reports it missing from {@code PATH}. Juju 3 dropped {@code leader-get} and {@code
 * leader-set}; 2.9 has them. Callers hold the model's lock.
 */
final class HookToolSet {
  private final Map<String, ToolHandler> handlers;

  private HookToolSet(Map<String, ToolHandler> handlers) {
    this.handlers = handlers;
  }

  /**
   * Every tool the simulated Juju knows, legacy leadership included: what the embedded Juju and the
   * harness provide when no Juju version is chosen (the surface they emulated before versions).
   */
  static HookToolSet all() {
    Map<String, ToolHandler> handlers = new LinkedHashMap<>();
    RelationTools.register(handlers);
    ConfigTools.register(handlers);
    NetworkTools.register(handlers);
    PortTools.register(handlers);
    ActionTools.register(handlers);
    SecretTools.register(handlers);
    StateTools.register(handlers);
    return new HookToolSet(Collections.unmodifiableMap(handlers));
  }

  /**
   * The tools an agent of {@code jujuVersion} (e.g. {@code 3.6.14}, {@code 2.9.51}) provides: the
   * simulated tools that {@link JujuToolSet}, the one catalogue of which Juju has which tool, lists
   * for that version.
   *
   * @throws IllegalArgumentException when {@code jujuVersion} is not a Juju version
   */
  static HookToolSet forVersion(String jujuVersion) {
    JujuToolSet catalogue = JujuToolSet.forVersion(jujuVersion);
    Map<String, ToolHandler> handlers = new LinkedHashMap<>(all().handlers);
    handlers.keySet().removeIf(tool -> !catalogue.has(tool));
    return new HookToolSet(Collections.unmodifiableMap(handlers));
  }

  /** The names of the tools present, sorted. */
  Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(handlers.keySet()));
  }

  /** Whether {@code tool} is present. */
  boolean has(String tool) {
    return handlers.containsKey(tool);
  }

  /** Runs one tool call for the hook {@code ctx}. */
  ToolResult run(HookContext ctx, String tool, List<String> argv, String stdin) {
    ctx.toolCalls.merge(tool, 1, Integer::sum);
    ToolHandler handler = handlers.get(tool);
    if (handler == null) {
      return ToolText.error("unknown hook tool \"" + tool + "\"");
    }
    try {
      return handler.run(ctx, argv, stdin);
    } catch (ToolArgs.UsageException e) {
      return new ToolResult(2, "", "ERROR " + e.getMessage() + "\n");
    } catch (ToolError e) {
      return ToolText.error(e.getMessage());
    }
  }
}
