package io.charmkit.ops.pebble;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes and reads {@code multipart/form-data} bodies the way Pebble exchanges files (PEBBLE.md §7,
 * §8): CRLF line ends, a boundary of at least 32 characters, each part followed by CRLF and the
 * next delimiter, the body closed by {@code --boundary--} CRLF.
 *
 * <p>Public so that the test Pebble in {@code ops-testing} reads and writes the same bytes with the
 * same code as the client; charms have no reason to use it.
 */
public final class MultipartBody {
  /**
   * One parsed part.
   *
   * @param headers the part's headers, names lower-cased
   * @param content the raw content
   */
  public record Part(Map<String, String> headers, byte[] content) {

    /** A parameter of the Content-Disposition header, e.g. {@code name} or {@code filename}. */
    public String disposition(String param) {
      return headerParam(headers.getOrDefault("content-disposition", ""), param);
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private MultipartBody() {}

  /** A fresh boundary: 16 random bytes in hex (32 characters, Pebble's minimum), as ops does. */
  static String newBoundary() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The push body: the JSON {@code request} part, then one {@code files} part. */
  static byte[] push(String boundary, byte[] requestJson, String path, byte[] content) {
    return new Writer(boundary)
        .part("form-data; name=\"request\"", "application/json", requestJson)
        .part(fileDisposition(path), "application/octet-stream", content)
        .finish();
  }

  /** The Content-Disposition of a file part: {@code form-data; name="files"; filename="…"}. */
  public static String fileDisposition(String path) {
    return "form-data; name=\"files\"; filename=\"" + quote(path) + "\"";
  }

  /** Escapes a header parameter value the way Go's mime/multipart writer does. */
  private static String quote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /**
   * Builds a body part by part (Content-Disposition, then Content-Type, then the content), each
   * followed by CRLF before the next delimiter.
   */
  public static final class Writer {
    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    /** A body delimited by {@code boundary}. */
    public Writer(String boundary) {
      this.boundary = boundary;
    }

    /** Adds a part. */
    public Writer part(String disposition, String contentType, byte[] content) {
      write("--" + boundary + "\r\n");
      write("Content-Disposition: " + disposition + "\r\n");
      write("Content-Type: " + contentType + "\r\n\r\n");
      out.writeBytes(content);
      write("\r\n");
      return this;
    }

    /** The body, closed by {@code --boundary--} CRLF. */
    public byte[] finish() {
      write("--" + boundary + "--\r\n");
      return out.toByteArray();
    }

    private void write(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The boundary parameter of a {@code multipart/form-data} Content-Type, or {@code null} if the
   * type is not multipart or has none.
   */
  public static String boundaryOf(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    return headerParam(contentType, "boundary");
  }

  /** Reads a {@code key=value} or {@code key="value"} parameter from a header value. */
  public static String headerParam(String header, String param) {
    int i = header.indexOf(';');
    while (i >= 0 && i < header.length()) {
      int start = i + 1;
      while (start < header.length() && header.charAt(start) == ' ') {
        start++;
      }
      int eq = header.indexOf('=', start);
      if (eq < 0) {
        return null;
      }
      String key = header.substring(start, eq).trim();
      StringBuilder value = new StringBuilder();
      int j = eq + 1;
      if (j < header.length() && header.charAt(j) == '"') {
        j++;
        while (j < header.length() && header.charAt(j) != '"') {
          char c = header.charAt(j);
          if (c == '\\' && j + 1 < header.length()) {
            j++;
            c = header.charAt(j);
          }
          value.append(c);
          j++;
        }
        j++;
      } else {
        while (j < header.length() && header.charAt(j) != ';') {
          value.append(header.charAt(j));
          j++;
        }
      }
      if (key.equalsIgnoreCase(param)) {
        return value.toString().trim();
      }
      i = header.indexOf(';', j);
    }
    return null;
  }

  /**
   * Splits a multipart body into its parts.
   *
   * @throws IllegalArgumentException when the body is not well-formed multipart
   */
  public static List<Part> parse(byte[] body, String boundary) {
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // Treat the body as if it began with CRLF so the first delimiter looks like the others.
    byte[] data = new byte[body.length + 2];
    data[0] = '\r';
    data[1] = '\n';
    System.arraycopy(body, 0, data, 2, body.length);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(data, delimiter, 0);
    if (pos < 0) {
      throw new IllegalArgumentException("no multipart delimiter found");
    }
    while (true) {
      int after = pos + delimiter.length;
      if (after + 2 <= data.length && data[after] == '-' && data[after + 1] == '-') {
        return parts;
      }
      int lineEnd = indexOf(data, new byte[] {'\r', '\n'}, after);
      if (lineEnd < 0) {
        throw new IllegalArgumentException("truncated multipart body");
      }
      int headersEnd = indexOf(data, new byte[] {'\r', '\n', '\r', '\n'}, lineEnd);
      if (headersEnd < 0) {
        throw new IllegalArgumentException("multipart part without a header block");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      if (headersEnd > lineEnd) {
        String block =
            new String(data, lineEnd + 2, headersEnd - lineEnd - 2, StandardCharsets.UTF_8);
        for (String line : block.split("\r\n")) {
          int colon = line.indexOf(':');
          if (colon > 0) {
            headers.put(
                line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                line.substring(colon + 1).trim());
          }
        }
      }
      int contentStart = headersEnd + 4;
      int next = indexOf(data, delimiter, contentStart);
      if (next < 0) {
        throw new IllegalArgumentException("multipart body is not terminated");
      }
      byte[] content = new byte[next - contentStart];
      System.arraycopy(data, contentStart, content, 0, content.length);
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
}
