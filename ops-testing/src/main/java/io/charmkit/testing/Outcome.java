package io.charmkit.testing;

import io.charmkit.ops.model.Status;
import java.util.List;

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
 */
public record Outcome(
    State state,
    List<String> emittedEvents,
    List<Status> unitStatusHistory,
    List<Status> appStatusHistory,
    List<LogLine> jujuLog,
    ActionOutput action,
    List<HookToolCall> hookToolCalls) {

  /** Copies the lists. */
  public Outcome {
    emittedEvents = List.copyOf(emittedEvents);
    unitStatusHistory = List.copyOf(unitStatusHistory);
    appStatusHistory = List.copyOf(appStatusHistory);
    jujuLog = List.copyOf(jujuLog);
    hookToolCalls = List.copyOf(hookToolCalls);
  }

  /** The unit status in the output state. */
  public Status unitStatus() {
    return state.unitStatus();
  }

  /** The application status in the output state. */
  public Status appStatus() {
    return state.appStatus();
  }

  /** The calls of one tool, e.g. {@code relation-set}. */
  public List<HookToolCall> callsOf(String tool) {
    return hookToolCalls.stream().filter(c -> c.tool().equals(tool)).toList();
  }
}
