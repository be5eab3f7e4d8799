package io.charmkit.schema.cli;

/** The command line was used wrongly: the message says how, in one sentence. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the arguments
   */
  UsageException(String message) {
    super(message);
  }
}
