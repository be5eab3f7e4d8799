package io.charmkit.testing.pebble;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 server on a unix domain socket: one thread per connection, keep-alive until
 * the client closes or asks to. The JDK's own HTTP server cannot listen on a unix socket, hence
 * this loop. A WebSocket upgrade (Pebble exec) leaves the loop: after the 101 response the
 * upgrade's takeover owns the connection until it returns.
 *
 * <p>The connection streams call the channel directly rather than through {@link
 * java.nio.channels.Channels}: on JDK 17 those streams share one lock, so a WebSocket's reader
 * would block its writer (an exec's stdout would wait for its stdin).
 */
final class UnixHttpServer implements AutoCloseable {
  private final Path socketPath;
  private final ServerSocketChannel server;
  private final Function<HttpRequest, HttpResponse> handler;
  private final ExecutorService threads;
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private UnixHttpServer(
      Path socketPath, ServerSocketChannel server, Function<HttpRequest, HttpResponse> handler) {
    this.socketPath = socketPath;
    this.server = server;
    this.handler = handler;
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "pebble-server " + socketPath.getFileName());
              t.setDaemon(true);
              return t;
            });
  }

  /** Binds the socket (replacing a stale socket file) and starts accepting connections. */
  static UnixHttpServer start(Path socketPath, Function<HttpRequest, HttpResponse> handler)
      throws IOException {
    Files.deleteIfExists(socketPath);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socketPath));
    UnixHttpServer http = new UnixHttpServer(socketPath, server, handler);
    http.threads.execute(http::acceptLoop);
    return http;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        SocketChannel channel = server.accept();
        open.add(channel);
        threads.execute(() -> serve(channel));
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void serve(SocketChannel channel) {
    try (channel) {
      InputStream in = new BufferedInputStream(new ChannelInput(channel));
      OutputStream out = new BufferedOutputStream(new ChannelOutput(channel));
      while (!closed) {
        HttpRequest request;
        try {
          request = HttpRequest.read(in);
        } catch (HttpRequest.MalformedRequestException e) {
          write(out, HttpResponse.text(400, "malformed HTTP request: " + e.getMessage()), true);
          return;
        }
        if (request == null) {
          return;
        }
        String connection = request.header("connection");
        boolean close = connection != null && connection.toLowerCase(Locale.ROOT).equals("close");
        HttpResponse response = handler.apply(request);
        if (response.upgrade() != null) {
          writeSwitchingProtocols(out, response.upgrade().accept());
          response.upgrade().takeover().serve(in, out);
          return;
        }
        write(out, response, close);
        if (close) {
          return;
        }
      }
    } catch (IOException ignored) {
      // The client went away mid-exchange; nothing to answer.
    } finally {
      open.remove(channel);
    }
  }

  private static void write(OutputStream out, HttpResponse response, boolean close)
      throws IOException {
    StringBuilder head =
        new StringBuilder()
            .append("HTTP/1.1 ")
            .append(response.status())
            .append(' ')
            .append(response.reason())
            .append("\r\nContent-Type: ")
            .append(response.contentType())
            .append("\r\nContent-Length: ")
            .append(response.body().length)
            .append("\r\n");
    if (close) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(response.body());
    out.flush();
  }

  private static void writeSwitchingProtocols(OutputStream out, String accept) throws IOException {
    String head =
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + accept
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads the blocking channel directly (see the class comment). */
  private static final class ChannelInput extends InputStream {
    private final SocketChannel channel;

    ChannelInput(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
    }
  }

  /** Writes the blocking channel directly (see the class comment). */
  private static final class ChannelOutput extends OutputStream {
    private final SocketChannel channel;

    ChannelOutput(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // Already closed or never fully bound: nothing left to release.
    }
    for (SocketChannel channel : open) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Best effort: the connection thread ends either way.
      }
    }
    threads.shutdownNow();
    try {
      Files.deleteIfExists(socketPath);
    } catch (IOException ignored) {
      // A leftover socket file in a temp dir is harmless.
    }
  }
}
