package io.charmkit.testing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an action reported to the operator: its results (flattened to dotted keys, as {@code
 * action-set} receives them), its log lines and its failure message. Juju keeps all of these even
 * when the charm throws.
 *
 * @param results the results by dotted key
 * @param logs the {@code action-log} lines, in order
 * @param failure the {@code action-fail} message, if the action failed
 */
public record ActionOutput(
    Map<String, String> results, List<String> logs, Optional<String> failure) {

  /** Copies the collections. */
  public ActionOutput {
    results = Collections.unmodifiableMap(new TreeMap<>(results));
    logs = List.copyOf(logs);
  }

  /** Nothing reported (and every hook's output). */
  public static ActionOutput none() {
    return new ActionOutput(Map.of(), List.of(), Optional.empty());
  }

  /** Whether the action called {@code action-fail}. */
  public boolean failed() {
    return failure.isPresent();
  }
}
