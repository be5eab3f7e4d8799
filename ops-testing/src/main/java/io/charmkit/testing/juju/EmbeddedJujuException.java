package io.charmkit.testing.juju;

/**
 * A request to the embedded Juju that cannot be carried out: an unknown application, unit or
 * relation, an unreadable charm, a bad scenario step. The message says what and why.
 */
public class EmbeddedJujuException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message meant for the person running the model. */
  public EmbeddedJujuException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public EmbeddedJujuException(String message, Throwable cause) {
    super(message, cause);
  }
}
