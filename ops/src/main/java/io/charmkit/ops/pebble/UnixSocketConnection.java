package io.charmkit.ops.pebble;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One connection to a unix domain socket with timeouts. A unix {@link SocketChannel} has no {@code
 * SO_TIMEOUT} (its {@code socket()} adaptor is unsupported), so the channel is non-blocking and
 * every wait goes through a one-channel {@link Selector} with a deadline.
 *
 * <p>Reads and writes wait on separate selectors, so one thread may read while another writes (an
 * exec's stdin goes out on the WebSocket its stdout comes in on). The write selector is opened only
 * when a write or connect must wait, which an ordinary request to Pebble rarely does. {@link
 * #close} from any thread ends a wait in progress with an {@link AsynchronousCloseException}.
 */
final class UnixSocketConnection implements Closeable {
  private final SocketChannel channel;
  private final Selector readSelector;
  private final SelectionKey readKey;
  private Selector writeSelector; // guarded by "this"; opened on first need
  private SelectionKey writeKey;
  private boolean closed;
  private final InputStream in;
  private volatile long readTimeoutMillis;

  private UnixSocketConnection(SocketChannel channel, Selector readSelector, SelectionKey readKey) {
    this.channel = channel;
    this.readSelector = readSelector;
    this.readKey = readKey;
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
    Selector readSelector = null;
    UnixSocketConnection connection = null;
    try {
      channel.configureBlocking(false);
      readSelector = Selector.open();
      connection =
          new UnixSocketConnection(channel, readSelector, channel.register(readSelector, 0));
      if (!channel.connect(UnixDomainSocketAddress.of(socketPath))) {
        connection.await(SelectionKey.OP_CONNECT, timeout.toMillis(), "connecting");
        channel.finishConnect();
      }
      return connection;
    } catch (IOException | RuntimeException e) {
      if (connection != null) {
        connection.close();
      } else {
        channel.close();
        if (readSelector != null) {
          readSelector.close();
        }
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
    Selector selector;
    SelectionKey key;
    if (op == SelectionKey.OP_READ) {
      selector = readSelector;
      key = readKey;
    } else {
      synchronized (this) {
        if (closed) {
          throw new AsynchronousCloseException();
        }
        if (writeSelector == null) {
          writeSelector = Selector.open();
          writeKey = channel.register(writeSelector, 0);
        }
        selector = writeSelector;
        key = writeKey;
      }
    }
    try {
      key.interestOps(op);
    } catch (CancelledKeyException e) {
      throw new AsynchronousCloseException();
    }
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
        if (!channel.isOpen()) {
          throw new AsynchronousCloseException();
        }
      }
    } catch (ClosedSelectorException | CancelledKeyException e) {
      // Another thread closed the connection while this one waited.
      throw new AsynchronousCloseException();
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
    Selector write;
    synchronized (this) {
      closed = true;
      write = writeSelector;
    }
    for (Selector selector : new Selector[] {readSelector, write}) {
      try {
        if (selector != null) {
          selector.close();
        }
      } catch (IOException ignored) {
        // Nothing is registered that outlives the connection.
      }
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
