package io.charmkit.examples.temporal.pgsql;

/** A {@code master} or {@code standbys} value that is not a libpq connection string. */
public final class ConnectionStringException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Describes what is wrong, without quoting the string (it holds a password). */
  public ConnectionStringException(String problem) {
    super("not a libpq connection string: " + problem);
  }
}
