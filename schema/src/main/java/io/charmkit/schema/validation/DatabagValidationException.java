package io.charmkit.schema.validation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A databag that could not be read (or a model that may not be written): every problem found, each
 * with its path, prefixed by where the bag lives.
 *
 * <p>The message has one line per problem, e.g. {@code relation tempo-cluster:3, unit
 * tempo-worker/2, juju_topology.charm_name: must not be null}. The location is supplied by the
 * caller (the endpoint layer knows relations and units; this module does not).
 */
public final class DatabagValidationException extends RuntimeException {

  private final String location;
  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param location where the bag lives, e.g. {@code relation tempo-cluster:3, unit
   *     tempo-worker/2}; may be empty
   * @param problems every problem found; at least one
   */
  public DatabagValidationException(String location, List<Problem> problems) {
    super(format(location, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one problem");
    }
    this.location = Objects.requireNonNull(location, "location");
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns where the bag lives, as given by the caller.
   *
   * @return the location prefix, possibly empty
   */
  public String location() {
    return location;
  }

  /**
   * Returns every problem found, in a stable order.
   *
   * @return the problems, never empty
   */
  public List<Problem> problems() {
    return problems;
  }

  private static String format(String location, List<Problem> problems) {
    return problems.stream()
        .map(p -> location.isEmpty() ? p.toString() : location + ", " + p)
        .collect(Collectors.joining("\n"));
  }
}
