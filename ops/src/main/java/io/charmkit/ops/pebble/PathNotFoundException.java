package io.charmkit.ops.pebble;

/** The path does not exist in the container (Pebble's error kind {@code not-found}). */
public class PathNotFoundException extends PathErrorException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code path} with Pebble's message. */
  public PathNotFoundException(String path, String apiMessage) {
    super(path, "not-found", apiMessage);
  }
}
