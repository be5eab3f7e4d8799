package io.charmkit.testing.juju;

import io.charmkit.testing.ActionOutput;
import java.util.Map;
import java.util.Optional;

/**
 * How an action the embedded Juju ran ended, as {@code juju run} reports it.
 *
 * @param unit the unit it ran on
 * @param action the action name
 * @param id the action id ({@code JUJU_ACTION_UUID})
 * @param output its results, {@code action-log} lines and failure message: the {@code action-fail}
 *     message, or {@code exit status N} when {@code dispatch} exited non-zero without one
 * @param exitCode the exit code of {@code dispatch} (-1 when killed or when nothing could run)
 * @param stdout what {@code dispatch} printed on stdout
 * @param stderr what {@code dispatch} printed on stderr
 */
public record ActionResult(
    String unit,
    String action,
    String id,
    ActionOutput output,
    int exitCode,
    String stdout,
    String stderr) {

  /** {@code completed} or {@code failed}, Juju's final action statuses. */
  public String status() {
    return output.failed() ? "failed" : "completed";
  }

  /** The results the action set with {@code action-set}, by dotted key. */
  public Map<String, String> results() {
    return output.results();
  }

  /** The failure message, when the action failed. */
  public Optional<String> message() {
    return output.failure();
  }
}
