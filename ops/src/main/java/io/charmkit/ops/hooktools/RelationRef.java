package io.charmkit.ops.hooktools;

import java.util.Objects;

/**
 * A relation as the hook tools name it: {@code <endpoint>:<id>}, or the bare id when the endpoint
 * is unknown (Juju then cannot check that the id belongs to the endpoint).
 *
 * @param endpoint the local endpoint name, or {@code null} when unknown
 * @param id the relation id
 */
public record RelationRef(String endpoint, int id) {

  /** A reference with a known endpoint. */
  public static RelationRef of(String endpoint, int id) {
    return new RelationRef(Objects.requireNonNull(endpoint, "endpoint"), id);
  }

  /**
   * Parses {@code db:3} (or a bare {@code 3}), the form of {@code JUJU_RELATION_ID} and of {@code
   * relation-ids} output.
   *
   * @throws IllegalArgumentException when the text has no integer after its last colon
   */
  public static RelationRef parse(String text) {
    int colon = text.lastIndexOf(':');
    String idText = colon < 0 ? text : text.substring(colon + 1);
    try {
      int id = Integer.parseInt(idText);
      return new RelationRef(colon < 0 ? null : text.substring(0, colon), id);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a relation id: '" + text + "'", e);
    }
  }

  /** The {@code -r} argument: {@code endpoint:id}, or the bare id. */
  public String argument() {
    return endpoint == null ? Integer.toString(id) : endpoint + ":" + id;
  }

  @Override
  public String toString() {
    return argument();
  }
}
