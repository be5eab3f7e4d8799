package io.charmkit.testing.pebble;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP response: status, reason phrase, Content-Type and body. Always sent with Content-Length.
 */
record HttpResponse(int status, String reason, String contentType, byte[] body) {

  /** A JSON response. */
  static HttpResponse json(int status, byte[] body) {
    return new HttpResponse(status, reasonPhrase(status), "application/json", body);
  }

  /** A plain-text response, for requests too broken to get a Pebble envelope. */
  static HttpResponse text(int status, String body) {
    return new HttpResponse(
        status,
        reasonPhrase(status),
        "text/plain; charset=utf-8",
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** The reason phrase Go's net/http uses for the statuses Pebble sends. */
  static String reasonPhrase(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 202 -> "Accepted";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 500 -> "Internal Server Error";
      case 504 -> "Gateway Timeout";
      default -> "Status " + status;
    };
  }
}
