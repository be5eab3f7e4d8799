package io.charmkit.testing;

import java.util.List;

/**
 * The event and state given to {@link Context#run} could not happen in Juju with this charm: the
 * event's relation is missing, an endpoint is not declared, a config value has the wrong type, …
 * Nothing ran. The message lists every problem found, one per line.
 */
public final class InconsistentStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates the exception for the given problems. */
  public InconsistentStateException(List<String> problems) {
    super("inconsistent state for this charm:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
