package io.charmkit.testing.juju;

import java.time.Duration;
import java.util.Map;

/**
 * One hook the embedded Juju ran: where, what, how it ended, and what it cost.
 *
 * @param unit the unit, e.g. {@code tempo/0}
 * @param hook the hook name, e.g. {@code cluster-relation-changed}
 * @param remote the remote unit or application the hook was about, or empty
 * @param exitCode the exit code of {@code dispatch} (-1 when it was killed)
 * @param wallTime how long the process ran
 * @param toolCalls hook-tool calls made, by tool name
 */
public record HookRun(
    String unit,
    String hook,
    String remote,
    int exitCode,
    Duration wallTime,
    Map<String, Integer> toolCalls) {

  /** Whether the hook succeeded (its changes were committed). */
  public boolean succeeded() {
    return exitCode == 0;
  }

  /** The total number of hook-tool calls. */
  public int totalToolCalls() {
    return toolCalls.values().stream().mapToInt(Integer::intValue).sum();
  }
}
