package io.charmkit.testing.pebble;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A bare HTTP/1.1 exchange over a unix socket, to see the server's exact bytes. */
final class RawHttp {
  /** A response: status line, headers (lower-cased names) and body. */
  record Response(String statusLine, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String contentType() {
      return headers.get("content-type");
    }
  }

  private RawHttp() {}

  static Response get(Path socket, String target) throws IOException {
    return send(socket, "GET", target, Map.of(), new byte[0]);
  }

  static Response postJson(Path socket, String target, String json) throws IOException {
    return send(
        socket,
        "POST",
        target,
        Map.of("Content-Type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  static Response send(
      Path socket, String method, String target, Map<String, String> headers, byte[] body)
      throws IOException {
    StringBuilder head =
        new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    return sendRaw(socket, head.toString(), body);
  }

  /** Sends a request head exactly as given, then the body bytes. */
  static Response sendRaw(Path socket, String head, byte[] body) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1)));
      ch.write(ByteBuffer.wrap(body));
      InputStream in = Channels.newInputStream(ch);
      byte[] all = in.readAllBytes();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> hs = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        hs.put(
            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
      return new Response(lines[0], hs, rest);
    }
  }
}
