package io.charmkit.ops.hooktools;

/**
 * How {@link ProcessHookTools} reaches the unit agent: one hook-tool invocation in (tool name,
 * argv, stdin), exit code and output out. {@link ProcessHookTools} is the only place that builds a
 * tool's argv and reads its output; a transport only carries bytes.
 *
 * <p>Production runs each tool as a child process found on {@code PATH}; the test harness answers
 * in process from a simulated Juju model, with the same argv. A non-zero exit is returned, not
 * thrown: {@link ProcessHookTools} maps it to an exception (JUJU.md §8). A tool that cannot be run
 * at all (not on {@code PATH}, cannot start) is a {@link HookToolException} with exit code -1.
 */
@FunctionalInterface
public interface ToolTransport {
  /** Runs one tool call to completion. */
  ToolResult run(ToolRequest request);
}
