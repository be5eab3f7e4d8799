package io.charmkit.testing.juju;

/** A hook tool failure: Juju prints {@code ERROR <message>} and exits 1. */
final class ToolError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ToolError(String message) {
    super(message);
  }
}
