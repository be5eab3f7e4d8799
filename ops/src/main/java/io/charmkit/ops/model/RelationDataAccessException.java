package io.charmkit.ops.model;

/**
 * A read or write of a relation databag that Juju's rules forbid (JUJU.md §9): a non-leader
 * writing, or reading outside a peer relation, its own application bag; any write to a remote bag
 * or another unit's bag; peer data during {@code install}. Raised before any hook tool runs.
 */
public final class RelationDataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public RelationDataAccessException(String message) {
    super(message);
  }
}
