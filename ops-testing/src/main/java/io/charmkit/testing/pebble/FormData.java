package io.charmkit.testing.pebble;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The server's {@code multipart/form-data} reader and writer (PEBBLE.md §7, §8). */
final class FormData {
  /** One part: headers (lower-cased names) and raw content. */
  record Part(Map<String, String> headers, byte[] content) {
    String disposition(String param) {
      return param(headers.getOrDefault("content-disposition", ""), param);
    }
  }

  private FormData() {}

  /** A {@code key=value} or {@code key="value"} parameter of a header value, or null. */
  static String param(String header, String name) {
    String[] pieces = header.split(";");
    for (int i = 1; i < pieces.length; i++) {
      String piece = pieces[i].trim();
      int eq = piece.indexOf('=');
      if (eq < 0 || !piece.substring(0, eq).trim().equalsIgnoreCase(name)) {
        continue;
      }
      String value = piece.substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
      }
      return value;
    }
    return null;
  }

  /** The boundary of a multipart/form-data Content-Type, or null if it is not one. */
  static String boundary(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    return param(contentType, "boundary");
  }

  /** Splits a body into parts; throws ApiError 400 when it is not well-formed. */
  static List<Part> parse(byte[] body, String boundary) {
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] data = new byte[body.length + 2];
    data[0] = '\r';
    data[1] = '\n';
    System.arraycopy(body, 0, data, 2, body.length);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(data, delimiter, 0);
    if (pos != 0) {
      throw ApiError.badRequest("cannot read multipart body: missing first boundary");
    }
    while (true) {
      int after = pos + delimiter.length;
      if (after + 2 <= data.length && data[after] == '-' && data[after + 1] == '-') {
        return parts;
      }
      int headersEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), after);
      int next = headersEnd < 0 ? -1 : indexOf(data, delimiter, headersEnd + 4);
      if (headersEnd < 0 || next < 0) {
        throw ApiError.badRequest("cannot read multipart body: unexpected end of body");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      String block = new String(data, after, headersEnd - after, StandardCharsets.UTF_8);
      for (String line : block.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      byte[] content = new byte[next - headersEnd - 4];
      System.arraycopy(data, headersEnd + 4, content, 0, content.length);
      parts.add(new Part(headers, content));
      pos = next;
    }
  }

  private static int indexOf(byte[] data, byte[] needle, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Builds a response body part by part, ending each with CRLF before the next delimiter. */
  static final class Writer {
    private final String boundary;
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    Writer(String boundary) {
      this.boundary = boundary;
    }

    Writer part(String disposition, String contentType, byte[] content) {
      write("--" + boundary + "\r\n");
      write("Content-Disposition: " + disposition + "\r\n");
      write("Content-Type: " + contentType + "\r\n\r\n");
      out.writeBytes(content);
      write("\r\n");
      return this;
    }

    byte[] finish() {
      write("--" + boundary + "--\r\n");
      return out.toByteArray();
    }

    private void write(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }
}
