package io.charmkit.interfaces;

import io.charmkit.ops.model.Relation;
import io.charmkit.schema.validation.Problem;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Remote relation data that an endpoint rejected at the boundary: which relation, whose bag, and
 * every problem found in it. The data is skipped (treated as not yet sent); the charm shows these
 * in its status so an operator can see which application or unit sends bad data.
 *
 * @param endpoint the local endpoint, e.g. {@code tempo-cluster}
 * @param relationId the relation id
 * @param owner the unit or application whose bag was rejected, e.g. {@code tempo-worker/2}
 * @param application whether {@code owner} is an application (its app bag) rather than a unit
 * @param problems what is wrong, each with its key or path; never empty
 */
public record RemoteDataProblem(
    String endpoint, int relationId, String owner, boolean application, List<Problem> problems) {

  /** Copies the problems and checks that there is at least one. */
  public RemoteDataProblem {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(owner, "owner");
    problems = List.copyOf(problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a rejected bag needs at least one problem");
    }
  }

  /**
   * Returns the location prefix used in messages: the form {@link
   * io.charmkit.schema.codec.DatabagCodec#read} is given.
   *
   * @param relation the relation
   * @param owner the unit or application name
   * @param application whether the bag is an application bag
   * @return e.g. {@code relation tempo-cluster:3, unit tempo-worker/2}
   */
  public static String location(Relation relation, String owner, boolean application) {
    return format(relation.name(), relation.id(), owner, application);
  }

  /**
   * Returns where a bag lives, for validation messages, given the relation's endpoint and id.
   *
   * @param endpoint the relation's endpoint name
   * @param relationId the relation id
   * @param owner the unit or application name
   * @param application whether the bag is the application's
   * @return e.g. {@code relation tempo-cluster:3, unit tempo-worker/2}
   */
  public static String location(
      String endpoint, int relationId, String owner, boolean application) {
    return format(endpoint, relationId, owner, application);
  }

  /**
   * Returns where the rejected bag lives.
   *
   * @return e.g. {@code relation tempo-cluster:3, unit tempo-worker/2}
   */
  public String location() {
    return format(endpoint, relationId, owner, application);
  }

  /**
   * Returns one line per problem, each prefixed by the location, e.g. {@code relation
   * tempo-cluster:3, unit tempo-worker/2, address: must not be null}.
   *
   * @return the message
   */
  public String message() {
    String where = location();
    return problems.stream().map(p -> where + ", " + p).collect(Collectors.joining("\n"));
  }

  /**
   * Returns the first problem with its location, fit for a status: one line, control characters and
   * lone surrogates escaped as {@code \\uXXXX}, at most 300 characters.
   *
   * @return e.g. {@code relation tempo-cluster:3, unit tempo-worker/2, address: must not be null}
   */
  public String summary() {
    String line = location() + ", " + problems.get(0);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      if (sb.length() >= 300) {
        return sb + "…";
      }
      char c = line.charAt(i);
      sb.append(
          Character.isISOControl(c) || Character.isSurrogate(c)
              ? String.format("\\u%04x", (int) c)
              : String.valueOf(c));
    }
    return sb.toString();
  }

  private static String format(String endpoint, int id, String owner, boolean application) {
    return "relation "
        + endpoint
        + ":"
        + id
        + ", "
        + (application ? "application " : "unit ")
        + owner;
  }

  /** Returns {@link #message()}. */
  @Override
  public String toString() {
    return message();
  }
}
