package io.charmkit.testing.pebble;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
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
 * this loop. A later WebSocket upgrade (Pebble exec) fits in {@link #serve}: a handler would take
 * over the channel after the upgrade response instead of returning to the request loop.
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
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
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
        write(out, handler.apply(request), close);
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
