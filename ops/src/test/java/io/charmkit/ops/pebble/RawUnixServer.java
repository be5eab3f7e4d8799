package io.charmkit.ops.pebble;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted server on a unix socket, for the transport's edge cases that a well-behaved server
 * never shows: each accepted connection is handed to the script, which reads requests and writes
 * whatever bytes it likes.
 */
final class RawUnixServer implements AutoCloseable {
  /** What the server does with one accepted connection. */
  interface Script {
    void serve(Connection connection) throws IOException, InterruptedException;
  }

  /** One accepted connection, with helpers to read a request and write raw bytes. */
  final class Connection {
    private final SocketChannel channel;
    private final InputStream in;

    Connection(SocketChannel channel) {
      this.channel = channel;
      this.in = Channels.newInputStream(channel);
    }

    /** Reads one request (head and Content-Length body), records it, returns its text. */
    String readRequest() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int c = in.read();
        if (c < 0) {
          return null;
        }
        head.write(c);
        matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      int length = 0;
      for (String line : text.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      String request = text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
      requests.add(request);
      return request;
    }

    /** Writes {@code text} (ISO-8859-1) in one go. */
    void write(String text) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }

    /** Writes {@code text} in pieces of {@code size} bytes, pausing so each arrives alone. */
    void writeInPieces(String text, int size) throws IOException, InterruptedException {
      for (int i = 0; i < text.length(); i += size) {
        write(text.substring(i, Math.min(text.length(), i + size)));
        Thread.sleep(1);
      }
    }

    /** Closes the connection. */
    void close() throws IOException {
      channel.close();
    }
  }

  private final Path socketPath;
  private final ServerSocketChannel server;
  private final Thread acceptor;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  RawUnixServer(Path socketPath, Script script) throws IOException {
    this.socketPath = socketPath;
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socketPath));
    this.acceptor =
        new Thread(
            () -> {
              while (server.isOpen()) {
                try {
                  SocketChannel channel = server.accept();
                  accepted.incrementAndGet();
                  Thread worker =
                      new Thread(
                          () -> {
                            try (channel) {
                              script.serve(new Connection(channel));
                            } catch (IOException | InterruptedException | RuntimeException e) {
                              failures.add(e);
                            }
                          });
                  worker.setDaemon(true);
                  worker.start();
                } catch (IOException e) {
                  return; // closed
                }
              }
            },
            "raw-unix-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  Path socketPath() {
    return socketPath;
  }

  /** How many connections the server has accepted. */
  int accepted() {
    return accepted.get();
  }

  /** The requests read so far, head and body as text. */
  List<String> requests() {
    return requests;
  }

  /** Exceptions thrown by the script (a failing script would otherwise go unnoticed). */
  List<Throwable> failures() {
    return failures;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
