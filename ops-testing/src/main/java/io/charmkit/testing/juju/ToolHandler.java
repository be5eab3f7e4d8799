package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.ToolResult;
import java.util.List;

/** One hook tool of the simulated Juju: answers a call made during the hook {@code ctx}. */
@FunctionalInterface
interface ToolHandler {
  /**
   * Runs the tool.
   *
   * @param args the arguments after the tool name, as the process received them
   * @param stdin the tool's stdin (empty when none)
   * @throws ToolError for a failure Juju reports with exit code 1
   * @throws ToolArgs.UsageException for a usage error (exit code 2)
   */
  ToolResult run(HookContext ctx, List<String> args, String stdin);
}
