package io.charmkit.ops.pebble;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 response from Pebble, its body fully read (de-chunked): what a {@link
 * PebbleTransport} returns.
 *
 * @param status the status code, e.g. 200
 * @param reason the reason phrase, e.g. {@code OK}
 * @param headers the headers by lower-cased name; repeated headers joined with {@code ", "}
 * @param body the body bytes, empty when there is none
 * @param keepAlive whether the connection may carry another request after this response
 */
public record HttpResponse(
    int status, String reason, Map<String, String> headers, byte[] body, boolean keepAlive) {

  /** A header's value, or {@code null} when absent. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The Content-Type, or {@code ""} when absent. */
  String contentType() {
    String type = header("content-type");
    return type == null ? "" : type;
  }
}
