package io.charmkit.testing.pebble;

/**
 * Why one path of a files request failed, in Pebble's words: the message and the error kind ({@code
 * not-found}, {@code permission-denied}, {@code generic-file-error}) that Pebble reports per path
 * inside a files result.
 */
public final class PathProblem extends Exception {
  private static final long serialVersionUID = 1L;

  /** Pebble's kind for a missing path. */
  public static final String NOT_FOUND = "not-found";

  /** Pebble's kind for a refused path. */
  public static final String DENIED = "permission-denied";

  /** Pebble's kind for every other file failure. */
  public static final String GENERIC = "generic-file-error";

  private final String kind;

  PathProblem(String message, String kind) {
    super(message, null, false, false);
    this.kind = kind;
  }

  /** The error kind, e.g. {@code not-found}. */
  public String kind() {
    return kind;
  }
}
