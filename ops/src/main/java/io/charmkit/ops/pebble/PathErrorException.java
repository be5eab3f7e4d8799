package io.charmkit.ops.pebble;

/**
 * A file operation failed for one path (Pebble reports these per path, inside an otherwise
 * successful response). Carries the path, Pebble's error kind and its message.
 */
public class PathErrorException extends PebbleException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String kind;
  private final String apiMessage;

  /** Creates the exception for {@code path}; {@code kind} may be {@code null}. */
  public PathErrorException(String path, String kind, String apiMessage) {
    super(
        "Pebble file operation on "
            + path
            + " failed: "
            + apiMessage
            + (kind == null ? "" : " (kind " + kind + ")"));
    this.path = path;
    this.kind = kind;
    this.apiMessage = apiMessage;
  }

  /** The path the error is about. */
  public String path() {
    return path;
  }

  /** Pebble's error kind, e.g. {@code permission-denied}; may be {@code null}. */
  public String kind() {
    return kind;
  }

  /** Pebble's message, verbatim. */
  public String apiMessage() {
    return apiMessage;
  }
}
