package io.charmkit.ops.model;

/**
 * A config option was asked for in a way its declaration does not allow: it is not declared in
 * {@code config.yaml}, or is read as a type other than its declared one, or Juju handed a value of
 * the wrong type. The message names the option.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ConfigException(String message) {
    super(message);
  }
}
