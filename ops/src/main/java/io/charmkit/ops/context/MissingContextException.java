package io.charmkit.ops.context;

/**
 * The environment lacks a variable that Juju always sets for this kind of event: the charm is not
 * being run by Juju (or by a faithful emulation of it). The message names the variable.
 */
public final class MissingContextException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String variable;

  /** Creates the exception for the missing {@code variable}, needed by {@code what}. */
  public MissingContextException(String variable, String what) {
    super(
        "environment variable "
            + variable
            + " is not set, but Juju sets it for "
            + what
            + ": is this charm being run by Juju?");
    this.variable = variable;
  }

  /** The missing variable. */
  public String variable() {
    return variable;
  }
}
