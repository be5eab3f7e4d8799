package io.charmkit.testing.pebble;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed HTTP/1.1 request: method, path, decoded query parameters, headers (lower-cased names)
 * and body (de-chunked).
 */
record HttpRequest(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body) {

  /** Thrown for a request that is not valid HTTP/1.1; the server answers 400 and closes. */
  static final class MalformedRequestException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message) {
      super(message);
    }
  }

  private static final int MAX_LINE = 64 * 1024;

  /** The first value of a query parameter, or {@code null}. */
  String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a query parameter (repeated keys), possibly empty. */
  List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** A header value, or {@code null}. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The request as the server's log records it: {@code METHOD path?query} (query decoded). */
  String logLine() {
    return method
        + " "
        + path
        + (rawQuery == null ? "" : "?" + URLDecoder.decode(rawQuery, StandardCharsets.UTF_8));
  }

  /** Reads the next request, or returns {@code null} at a clean end of stream. */
  static HttpRequest read(InputStream in) throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new MalformedRequestException("malformed request line");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    while (true) {
      String line = readLine(in);
      if (line == null) {
        throw new MalformedRequestException("end of stream in headers");
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedRequestException("malformed header line");
      }
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    byte[] body;
    String te = headers.get("transfer-encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = readChunked(in);
    } else if (headers.containsKey("content-length")) {
      int length;
      try {
        length = Integer.parseInt(headers.get("content-length"));
      } catch (NumberFormatException e) {
        throw new MalformedRequestException("bad Content-Length");
      }
      body = in.readNBytes(length);
      if (body.length != length) {
        throw new MalformedRequestException("body shorter than Content-Length");
      }
    } else {
      body = new byte[0];
    }
    String target = parts[1];
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String rawQuery = q < 0 ? null : target.substring(q + 1);
    return new HttpRequest(
        parts[0],
        URLDecoder.decode(path, StandardCharsets.UTF_8),
        rawQuery,
        parseQuery(rawQuery),
        headers,
        body);
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        throw new MalformedRequestException("end of stream in chunked body");
      }
      int semi = sizeLine.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new MalformedRequestException("bad chunk size");
      }
      if (size == 0) {
        // Skip trailers up to the blank line that ends the body.
        String trailer;
        do {
          trailer = readLine(in);
        } while (trailer != null && !trailer.isEmpty());
        return out.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length != size) {
        throw new MalformedRequestException("truncated chunk");
      }
      out.writeBytes(chunk);
      readLine(in); // the CRLF after the chunk
    }
  }

  /** Reads a CRLF- (or LF-) terminated line as ISO-8859-1; null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
      sb.append((char) c);
      if (sb.length() > MAX_LINE) {
        throw new MalformedRequestException("line too long");
      }
    }
    if (sb.length() == 0) {
      return null;
    }
    throw new MalformedRequestException("end of stream in a line");
  }
}
