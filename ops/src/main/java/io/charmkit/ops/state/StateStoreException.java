package io.charmkit.ops.state;

/** The state store cannot be read or written; the message names the file or tool. */
public final class StateStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
