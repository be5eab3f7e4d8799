package io.charmkit.testing;

import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.ExecRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link Context#run} produced: the output {@link State} and what happened on the way.
 *
 * @param state the state after the event (equal to the input when the charm threw)
 * @param emittedEvents the paths of the events the framework emitted, in order: re-emitted deferred
 *     events, the event itself, custom events, collect-status
 * @param unitStatusHistory every status the unit was set to, in order (the last is current)
 * @param appStatusHistory every status the application was set to, in order
 * @param jujuLog the {@code juju-log} lines
 * @param action what an action reported (empty for hooks)
 * @param hookToolCalls every hook-tool call, in order
 * @param execHistory the commands the charm ran in each container (by container name), in order:
 *     command, environment, working directory, stdin and the other options as the charm passed
 *     them; a container where nothing ran is absent
 * @param filePermissions the permission bits (octal, e.g. {@code 640}) of each file in each
 *     container after a successful run, by container name and absolute path
 */
public record Outcome(
    State state,
    List<String> emittedEvents,
    List<Status> unitStatusHistory,
    List<Status> appStatusHistory,
    List<LogLine> jujuLog,
    ActionOutput action,
    List<HookToolCall> hookToolCalls,
    Map<String, List<ExecRequest>> execHistory,
    Map<String, Map<String, String>> filePermissions) {

  /** Copies the lists. */
  public Outcome {
    Map<String, List<ExecRequest>> execs = new TreeMap<>();
    execHistory.forEach((container, calls) -> execs.put(container, List.copyOf(calls)));
    execHistory = Collections.unmodifiableMap(execs);
    emittedEvents = List.copyOf(emittedEvents);
    unitStatusHistory = List.copyOf(unitStatusHistory);
    appStatusHistory = List.copyOf(appStatusHistory);
    jujuLog = List.copyOf(jujuLog);
    hookToolCalls = List.copyOf(hookToolCalls);
    Map<String, Map<String, String>> modes = new TreeMap<>();
    filePermissions.forEach((c, files) -> modes.put(c, Map.copyOf(files)));
    filePermissions = Collections.unmodifiableMap(modes);
  }

  /** The unit status in the output state. */
  public Status unitStatus() {
    return state.unitStatus();
  }

  /** The application status in the output state. */
  public Status appStatus() {
    return state.appStatus();
  }

  /** The commands the charm ran in {@code container}, in order (empty when none). */
  public List<ExecRequest> execs(String container) {
    return execHistory.getOrDefault(container, List.of());
  }

  /** The calls of one tool, e.g. {@code relation-set}. */
  public List<HookToolCall> callsOf(String tool) {
    return hookToolCalls.stream().filter(c -> c.tool().equals(tool)).toList();
  }
}
