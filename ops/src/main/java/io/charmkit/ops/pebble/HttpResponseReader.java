package io.charmkit.ops.pebble;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response from a stream: the status line, the headers, and the body framed by
 * {@code Transfer-Encoding: chunked}, by {@code Content-Length}, or by the end of the connection.
 * Interim {@code 1xx} responses are skipped. Anything else that is not HTTP/1.1 is a {@link
 * MalformedHttpException}; a connection that ends early is an {@link EOFException} saying how far
 * the response got.
 */
final class HttpResponseReader {
  /** Longer lines than this are not a Pebble response; stop rather than buffer without end. */
  private static final int MAX_LINE = 64 * 1024;

  /** Likewise for the number of header lines. */
  private static final int MAX_HEADERS = 200;

  /** The response did not follow HTTP/1.1; the message says where. */
  static final class MalformedHttpException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedHttpException(String message) {
      super("malformed HTTP response: " + message);
    }
  }

  private HttpResponseReader() {}

  /**
   * Reads the response to a request with {@code method} (a {@code HEAD} response has no body,
   * whatever its headers say).
   */
  static HttpResponse read(InputStream in, String method) throws IOException {
    return read(in, method, false);
  }

  /**
   * Reads the response to a WebSocket upgrade request: a {@code 101 Switching Protocols} returns at
   * once with its headers and no body, the connection now carrying WebSocket frames; any other
   * response is read whole, as by {@link #read}.
   */
  static HttpResponse readUpgrade(InputStream in) throws IOException {
    return read(in, "GET", true);
  }

  private static HttpResponse read(InputStream in, String method, boolean upgrade)
      throws IOException {
    while (true) {
      String statusLine = readLine(in, "the status line");
      if (statusLine == null) {
        throw new EOFException("connection closed before any response was received");
      }
      // "HTTP/1.1 200 OK"; the reason phrase may be empty or contain spaces.
      if (!statusLine.startsWith("HTTP/1.")
          || statusLine.length() < 12
          || statusLine.charAt(8) != ' ') {
        throw new MalformedHttpException("bad status line \"" + abbreviate(statusLine) + "\"");
      }
      int status;
      try {
        status = Integer.parseInt(statusLine.substring(9, 12));
      } catch (NumberFormatException e) {
        throw new MalformedHttpException("bad status code in \"" + abbreviate(statusLine) + "\"");
      }
      if (status < 100
          || status > 999
          || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
        throw new MalformedHttpException("bad status code in \"" + abbreviate(statusLine) + "\"");
      }
      String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
      Map<String, String> headers = readHeaders(in);
      if (upgrade && status == 101) {
        return new HttpResponse(status, reason, headers, new byte[0], false);
      }
      if (status >= 100 && status < 200) {
        continue; // interim (e.g. 100 Continue): the real response follows
      }
      boolean http10 = statusLine.startsWith("HTTP/1.0");
      String connection = lower(headers.get("connection"));
      boolean keepAlive =
          http10 ? connection.contains("keep-alive") : !connection.contains("close");
      byte[] body;
      String transferEncoding = lower(headers.get("transfer-encoding"));
      if (method.equals("HEAD") || status == 204 || status == 304) {
        body = new byte[0];
      } else if (transferEncoding.endsWith("chunked")) {
        body = readChunked(in);
      } else if (!transferEncoding.isEmpty() && !transferEncoding.equals("identity")) {
        throw new MalformedHttpException(
            "unsupported Transfer-Encoding \"" + headers.get("transfer-encoding") + "\"");
      } else if (headers.containsKey("content-length")) {
        body = readExactly(in, contentLength(headers.get("content-length")));
      } else {
        // No framing: the body runs to the end of the connection, which cannot be reused.
        body = in.readAllBytes();
        keepAlive = false;
      }
      return new HttpResponse(status, reason, headers, body, keepAlive);
    }
  }

  private static Map<String, String> readHeaders(InputStream in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int count = 0; ; count++) {
      String line = readLine(in, "the headers");
      if (line == null) {
        throw new EOFException("connection closed in the middle of the response headers");
      }
      if (line.isEmpty()) {
        return headers;
      }
      if (count >= MAX_HEADERS) {
        throw new MalformedHttpException("more than " + MAX_HEADERS + " headers");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedHttpException("bad header line \"" + abbreviate(line) + "\"");
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      String earlier = headers.get(name);
      headers.put(name, earlier == null ? value : earlier + ", " + value);
    }
  }

  private static int contentLength(String value) throws MalformedHttpException {
    // Repeated identical Content-Length headers arrive joined ("12, 12"); RFC 9110 allows them.
    String first = value.split(",")[0].trim();
    long length;
    try {
      length = Long.parseLong(first);
    } catch (NumberFormatException e) {
      throw new MalformedHttpException("bad Content-Length \"" + abbreviate(value) + "\"");
    }
    for (String other : value.split(",")) {
      if (!other.trim().equals(first)) {
        throw new MalformedHttpException("conflicting Content-Length \"" + value + "\"");
      }
    }
    if (length < 0 || length > Integer.MAX_VALUE - 8) {
      throw new MalformedHttpException("unsupported Content-Length " + value);
    }
    return (int) length;
  }

  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new EOFException(
          "connection closed after " + body.length + " of " + length + " body bytes");
    }
    return body;
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in, "a chunk size");
      if (sizeLine == null) {
        throw new EOFException(
            "connection closed in a chunked body after " + out.size() + " bytes");
      }
      int semicolon = sizeLine.indexOf(';'); // chunk extensions are allowed, and ignored
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new MalformedHttpException("bad chunk size \"" + abbreviate(sizeLine) + "\"");
      }
      if (size < 0 || size > Integer.MAX_VALUE - 8 - out.size()) {
        throw new MalformedHttpException("unsupported chunk size \"" + abbreviate(hex) + "\"");
      }
      if (size == 0) {
        // Trailer fields, if any, end with a blank line; nothing here needs them.
        readHeaders(in);
        return out.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      out.writeBytes(chunk);
      if (chunk.length != size) {
        throw new EOFException(
            "connection closed in a chunked body after " + out.size() + " bytes");
      }
      String end = readLine(in, "the end of a chunk");
      if (end == null) {
        throw new EOFException(
            "connection closed in a chunked body after " + out.size() + " bytes");
      }
      if (!end.isEmpty()) {
        throw new MalformedHttpException("chunk longer than its declared size " + size);
      }
    }
  }

  /**
   * Reads a CRLF- (or bare LF-) terminated line as ISO-8859-1, or returns {@code null} when the
   * stream ends before the line starts.
   */
  private static String readLine(InputStream in, String what) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new MalformedHttpException("line longer than " + MAX_LINE + " bytes in " + what);
      }
      line.append((char) c);
    }
    if (line.length() == 0) {
      return null;
    }
    throw new EOFException("connection closed in the middle of " + what);
  }

  private static String lower(String value) {
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
