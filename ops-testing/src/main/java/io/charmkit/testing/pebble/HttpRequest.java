package io.charmkit.testing.pebble;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * One request as the test Pebble routes it: method, decoded path, raw and decoded query, headers
 * and the whole (de-chunked) body.
 */
record HttpRequest(
    String method, String path, String rawQuery, Fields query, HttpFields headers, byte[] body) {

  /** Reads {@code request}'s body to its end. */
  static HttpRequest of(Request request) throws IOException {
    return new HttpRequest(
        request.getMethod(),
        request.getHttpURI().getDecodedPath(),
        request.getHttpURI().getQuery(),
        Request.extractQueryParameters(request, StandardCharsets.UTF_8),
        request.getHeaders(),
        Request.asInputStream(request).readAllBytes());
  }

  /** The production client's {@code request}, as it would arrive over the socket. */
  static HttpRequest of(io.charmkit.ops.pebble.HttpRequest request) {
    // Jetty's own URI parsing, so the path and query decode as they do for the socket front end.
    HttpURI uri = HttpURI.from(request.target());
    Fields query = new Fields(true);
    if (uri.getQuery() != null) {
      UrlEncoded.decodeUtf8To(uri.getQuery(), query);
    }
    HttpFields.Mutable headers = HttpFields.build().add("Accept", request.accept());
    if (request.contentType() != null) {
      headers.add("Content-Type", request.contentType());
    }
    return new HttpRequest(
        request.method(),
        uri.getDecodedPath(),
        uri.getQuery(),
        query,
        headers,
        request.body() == null ? new byte[0] : request.body());
  }

  /** The first value of a query parameter, or {@code null}. */
  String param(String name) {
    return query.getValue(name);
  }

  /** Every value of a query parameter (repeated keys), possibly empty. */
  List<String> params(String name) {
    return query.getValuesOrEmpty(name);
  }

  /** A header value, or {@code null}. */
  String header(String name) {
    return headers.get(name);
  }

  /** The request as the server's log records it: {@code METHOD path?query} (query decoded). */
  String logLine() {
    return method
        + " "
        + path
        + (rawQuery == null ? "" : "?" + URLDecoder.decode(rawQuery, StandardCharsets.UTF_8));
  }
}
