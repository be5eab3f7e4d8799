package io.charmkit.testing.pebble;

/** An error a handler answers with: becomes Pebble's {@code "type": "error"} envelope. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String kind;

  ApiError(int status, String message, String kind) {
    super(message, null, false, false);
    this.status = status;
    this.kind = kind;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message, null);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message, null);
  }

  int status() {
    return status;
  }

  String kind() {
    return kind;
  }
}
