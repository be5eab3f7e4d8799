package io.charmkit.testing.pebble;

import java.util.Optional;

/**
 * An error the simulated Pebble answers with (status, message, optional kind): the HTTP front end
 * turns it into Pebble's {@code "type": "error"} envelope, the in-memory one into the exception the
 * production client would throw for that envelope.
 */
public final class ApiError extends RuntimeException {
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

  /** Refuses the request with a 400 when there is a {@code problem}. */
  static void refuseIf(Optional<String> problem) {
    if (problem.isPresent()) {
      throw badRequest(problem.get());
    }
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Pebble's error kind, or null. */
  public String kind() {
    return kind;
  }
}
