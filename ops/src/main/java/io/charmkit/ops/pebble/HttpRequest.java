package io.charmkit.ops.pebble;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request to Pebble, before it is put on the wire: what a {@link PebbleTransport}
 * carries.
 *
 * @param method {@code GET} or {@code POST}
 * @param target the origin-form request target, path and query, already URL-encoded
 * @param accept the {@code Accept} header
 * @param contentType the body's {@code Content-Type}, or {@code null} without a body
 * @param body the body, or {@code null} for none
 */
public record HttpRequest(
    String method, String target, String accept, String contentType, byte[] body) {

  /** Validates the target and that a body comes with its content type. */
  public HttpRequest {
    // A space, CR or LF in the target would let a caller forge a request line or header.
    // (A loop, not a stream with a lambda: the first lambda costs a fresh JVM tens of ms.)
    boolean valid = target.startsWith("/");
    for (int i = 0; valid && i < target.length(); i++) {
      char c = target.charAt(i);
      valid = c > ' ' && c < 0x7f;
    }
    if (!valid) {
      throw new IllegalArgumentException("invalid HTTP request target: " + target);
    }
    if ((body == null) != (contentType == null)) {
      throw new IllegalArgumentException("a request body needs a content type, and vice versa");
    }
  }

  /** A {@code GET} with no body. */
  static HttpRequest get(String target, String accept) {
    return new HttpRequest("GET", target, accept, null, null);
  }

  /** A {@code POST} of {@code body}. */
  static HttpRequest post(String target, String accept, String contentType, byte[] body) {
    return new HttpRequest("POST", target, accept, contentType, body);
  }

  /**
   * The request line and headers, ending with the blank line. The Host is {@code localhost}, as ops
   * sends it; Pebble ignores it, but HTTP/1.1 requires one.
   */
  byte[] head() {
    StringBuilder head =
        new StringBuilder(128)
            .append(method)
            .append(' ')
            .append(target)
            .append(" HTTP/1.1\r\nHost: localhost\r\nAccept: ")
            .append(accept)
            .append("\r\n");
    if (body != null) {
      head.append("Content-Type: ")
          .append(contentType)
          .append("\r\nContent-Length: ")
          .append(body.length)
          .append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** How the request appears in error messages: {@code GET /v1/plan?format=yaml}. */
  @Override
  public String toString() {
    return method + " " + target;
  }
}
