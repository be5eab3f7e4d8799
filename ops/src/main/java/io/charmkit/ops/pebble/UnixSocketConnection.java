package io.charmkit.ops.pebble;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One connection to a unix domain socket with timeouts. A unix {@link SocketChannel} has no {@code
 * SO_TIMEOUT} (its {@code socket()} adaptor is unsupported), so the channel is non-blocking and
 * every wait goes through a one-channel {@link Selector} with a deadline.
 */
final class UnixSocketConnection implements AutoCloseable {
  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;
  private final InputStream in;
  private long readTimeoutMillis;

  private UnixSocketConnection(SocketChannel channel, Selector selector, SelectionKey key) {
    this.channel = channel;
    this.selector = selector;
    this.key = key;
    this.in = new BufferedInputStream(new TimedInput(), 16 * 1024);
  }

  /**
   * Connects to {@code socketPath}, waiting at most {@code timeout}.
   *
   * @throws SocketTimeoutException when the connection is not established in time
   * @throws IOException when it is refused or the path is not a socket
   */
  static UnixSocketConnection open(Path socketPath, Duration timeout) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    Selector selector = null;
    try {
      channel.configureBlocking(false);
      selector = Selector.open();
      SelectionKey key = channel.register(selector, 0);
      UnixSocketConnection connection = new UnixSocketConnection(channel, selector, key);
      if (!channel.connect(UnixDomainSocketAddress.of(socketPath))) {
        connection.await(SelectionKey.OP_CONNECT, timeout.toMillis(), "connecting");
        channel.finishConnect();
      }
      return connection;
    } catch (IOException | RuntimeException e) {
      channel.close();
      if (selector != null) {
        selector.close();
      }
      throw e;
    }
  }

  /** The response stream; each read waits at most the current read timeout for data. */
  InputStream input() {
    return in;
  }

  /** Sets how long a read (or a blocked write) may wait before it fails. */
  void readTimeout(Duration timeout) {
    readTimeoutMillis = Math.max(1, timeout.toMillis());
  }

  /**
   * Writes all of {@code buffers}, waiting at most the read timeout whenever the socket is full.
   */
  void write(ByteBuffer... buffers) throws IOException {
    for (ByteBuffer buffer : buffers) {
      while (buffer.hasRemaining()) {
        if (channel.write(buffer) == 0) {
          await(SelectionKey.OP_WRITE, readTimeoutMillis, "sending the request");
        }
      }
    }
  }

  /**
   * Whether the connection can no longer carry a request: the peer closed it (an idle keep-alive
   * connection the server dropped), or bytes arrived that belong to no request.
   */
  boolean isStale() {
    try {
      if (!channel.isOpen() || in.available() > 0) {
        return true;
      }
      // Non-blocking: 0 means "nothing to read, still open", -1 end of stream, >0 stray bytes.
      return channel.read(ByteBuffer.allocate(1)) != 0;
    } catch (IOException e) {
      return true;
    }
  }

  private void await(int op, long timeoutMillis, String what) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    key.interestOps(op);
    try {
      while (true) {
        long remaining = (deadline - System.nanoTime()) / 1_000_000L;
        if (remaining <= 0) {
          throw new SocketTimeoutException(
              "timed out after " + formatMillis(timeoutMillis) + " " + what);
        }
        // select(0) would wait for ever, hence the floor of 1 ms.
        if (selector.select(Math.max(1, remaining)) > 0) {
          selector.selectedKeys().clear();
          if ((key.readyOps() & op) != 0) {
            return;
          }
        }
      }
    } finally {
      if (key.isValid()) {
        key.interestOps(0);
      }
    }
  }

  private static String formatMillis(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  @Override
  public void close() {
    try {
      selector.close();
    } catch (IOException ignored) {
      // Nothing is registered that outlives the connection.
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing a unix socket loses no data the caller still needs.
    }
  }

  /** The raw channel as a stream whose reads wait, with the timeout, for data to arrive. */
  private final class TimedInput extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
      while (true) {
        int n = channel.read(buffer);
        if (n != 0) {
          return n;
        }
        await(SelectionKey.OP_READ, readTimeoutMillis, "waiting for the response");
      }
    }
  }
}
