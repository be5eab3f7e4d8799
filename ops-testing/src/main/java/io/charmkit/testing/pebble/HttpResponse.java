package io.charmkit.testing.pebble;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One answer of the test Pebble: status, Content-Type and body, sent with Content-Length; or, when
 * {@code webSocket} is set, the acceptance of a WebSocket upgrade served by that endpoint.
 */
record HttpResponse(int status, String contentType, byte[] body, Session.Listener webSocket) {

  /** An ordinary response. */
  HttpResponse(int status, String contentType, byte[] body) {
    this(status, contentType, body, null);
  }

  /** A plain-text response, for requests too broken to get a Pebble envelope. */
  static HttpResponse text(int status, String body) {
    return new HttpResponse(
        status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }
}
