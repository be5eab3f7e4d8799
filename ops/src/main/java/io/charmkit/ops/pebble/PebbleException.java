package io.charmkit.ops.pebble;

/**
 * Base of every error the Pebble client raises. Catch this to handle "the workload container did
 * not do what was asked" in one place; catch a subclass for a specific cause.
 */
public class PebbleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that already says what failed. */
  public PebbleException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public PebbleException(String message, Throwable cause) {
    super(message, cause);
  }
}
