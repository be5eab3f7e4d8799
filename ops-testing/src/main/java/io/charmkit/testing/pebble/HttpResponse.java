package io.charmkit.testing.pebble;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP response: status, reason phrase, Content-Type and body, sent with Content-Length; or a
 * {@code 101 Switching Protocols} to a WebSocket, after which the upgrade takes over the
 * connection.
 *
 * @param upgrade for a 101 response, the WebSocket acceptance and what serves it; else null
 */
record HttpResponse(
    int status, String reason, String contentType, byte[] body, WebSocketUpgrade upgrade) {

  /**
   * An accepted WebSocket upgrade.
   *
   * @param accept the {@code Sec-WebSocket-Accept} value
   * @param takeover speaks WebSocket on the connection until it returns; the server then closes the
   *     connection
   */
  record WebSocketUpgrade(String accept, Takeover takeover) {}

  /** Serves an upgraded connection. */
  @FunctionalInterface
  interface Takeover {
    /**
     * Serves the connection until done.
     *
     * @param in the connection's input, including any bytes buffered after the request
     * @param out the connection's output; usable from another thread than {@code in}
     */
    void serve(InputStream in, OutputStream out) throws IOException;
  }

  /** An ordinary response. */
  HttpResponse(int status, String reason, String contentType, byte[] body) {
    this(status, reason, contentType, body, null);
  }

  /** A {@code 101} accepting a WebSocket with {@code accept}, then served by {@code takeover}. */
  static HttpResponse webSocket(String accept, Takeover takeover) {
    return new HttpResponse(
        101, "Switching Protocols", "", new byte[0], new WebSocketUpgrade(accept, takeover));
  }

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
