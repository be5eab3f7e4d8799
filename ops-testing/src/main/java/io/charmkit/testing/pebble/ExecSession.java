package io.charmkit.testing.pebble;

import io.charmkit.ops.pebble.ExecRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.AsyncContent;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One exec in the test Pebble, from its WebSockets to its exit (what Pebble's command manager does
 * for a real process): waits for the client's {@code stdio} (and {@code stderr}) sockets, runs the
 * handler with stdin fed from {@code stdio}, sends its output as binary messages and the end marker
 * on each output stream, then reports the exit code or failure.
 */
final class ExecSession {
  /** Pebble gives the client this long to connect its I/O sockets. */
  private static final long CONNECT_TIMEOUT_MILLIS = 5_000;

  /** How long the session waits for the rest of stdin after the command ends, for the record. */
  private static final long STDIN_GRACE_MILLIS = 5_000;

  /** The end marker of stdin and of each output stream. */
  static final String END = "{\"command\":\"end\"}";

  /** Output goes out in messages of up to this size. */
  private static final int CHUNK = 16 * 1024;

  private final PebbleEngine.ExecTask task;
  private final boolean splitStderr;

  /** Told when the session is over, and how the command ended. */
  private final BiConsumer<ExecSession, PebbleEngine.Ending> completion;

  /** The claimed sockets; a socket's session is null until its upgrade completes. */
  private final Map<String, Session> sockets = new HashMap<>();

  private final ByteArrayOutputStream stdinRecord = new ByteArrayOutputStream();
  private final AsyncContent stdinPipe = new AsyncContent();
  private final CountDownLatch stdinEnded = new CountDownLatch(1);
  private boolean stopped;

  ExecSession(
      PebbleEngine.ExecTask task,
      boolean splitStderr,
      BiConsumer<ExecSession, PebbleEngine.Ending> completion) {
    this.task = task;
    this.splitStderr = splitStderr;
    this.completion = completion;
  }

  /** The request, with the stdin that arrived. */
  ExecRequest recorded() {
    synchronized (stdinRecord) {
      return task.request().withStdin(stdinRecord.toByteArray());
    }
  }

  /** Whether {@code id} names one of this exec's sockets. */
  boolean expects(String id) {
    return id.equals("control") || id.equals("stdio") || (splitStderr && id.equals("stderr"));
  }

  /** Whether the socket {@code id} is already connected. */
  synchronized boolean connected(String id) {
    return sockets.containsKey(id);
  }

  /** Starts the session's thread. */
  void start() {
    Thread thread = new Thread(this::run, "test-pebble-exec-" + task.taskId());
    thread.setDaemon(true);
    thread.start();
  }

  /** Ends a session still waiting for its sockets (the server is closing). */
  synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  /**
   * Claims the socket {@code id} (so a second upgrade for it is refused); see {@link ExecSocket}.
   */
  synchronized ExecSocket claim(String id) {
    sockets.put(id, null);
    return new ExecSocket(this, id);
  }

  /** The socket {@code id} is open. */
  synchronized void opened(String id, Session session) {
    sockets.put(id, session);
    notifyAll();
  }

  /**
   * Bytes for stdin: recorded whole, and fed to the command through Jetty's {@link AsyncContent},
   * whose input stream blocks until bytes or the end arrive.
   */
  void stdin(byte[] bytes) {
    synchronized (stdinRecord) {
      if (stdinEnded.getCount() > 0) {
        stdinRecord.writeBytes(bytes);
        stdinPipe.write(false, ByteBuffer.wrap(bytes), org.eclipse.jetty.util.Callback.NOOP);
      }
    }
  }

  /** Stdin's end: the end marker arrived, or the client went away. */
  void stdinEnd() {
    synchronized (stdinRecord) {
      if (stdinEnded.getCount() > 0) {
        stdinEnded.countDown();
        stdinPipe.close();
      }
    }
  }

  private synchronized boolean awaitIo() throws InterruptedException {
    long deadline = System.nanoTime() + CONNECT_TIMEOUT_MILLIS * 1_000_000L;
    while (!stopped
        && !(sockets.get("stdio") != null && (!splitStderr || sockets.get("stderr") != null))) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return !stopped;
  }

  private void run() {
    try {
      if (!awaitIo()) {
        String timedOut = ": timeout waiting for websocket connections: context deadline exceeded";
        completion.accept(this, new PebbleEngine.Ending(-1, "exec " + task.taskId() + timedOut));
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    FrameOutput out;
    FrameOutput err;
    synchronized (this) {
      out = new FrameOutput(sockets.get("stdio"));
      err = splitStderr ? new FrameOutput(sockets.get("stderr")) : out;
    }
    PebbleEngine.Ending end = task.run(Content.Source.asInputStream(stdinPipe), out, err);
    // Like Pebble: the output streams end (after what the command wrote), then the task does.
    out.finish();
    err.finish(); // the same stream as out when stderr is not split: finishing twice is a no-op
    try {
      stdinEnded.await(STDIN_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    completion.accept(this, end);
  }

  /**
   * A command's output stream: buffered, sent as binary messages, then the end marker. Once
   * finished, writes fail, so a handler stopped at its timeout cannot write after the end.
   */
  private static final class FrameOutput extends OutputStream {
    private final Session socket;
    private final byte[] buffer = new byte[CHUNK];
    private int count;
    private boolean finished;

    FrameOutput(Session socket) {
      this.socket = socket;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      if (finished) {
        throw new IOException("the command's output has ended");
      }
      while (len > 0) {
        int n = Math.min(len, CHUNK - count);
        System.arraycopy(b, off, buffer, count, n);
        count += n;
        off += n;
        len -= n;
        if (count == CHUNK) {
          flush();
        }
      }
    }

    @Override
    public synchronized void flush() throws IOException {
      if (count > 0) {
        send(done -> socket.sendBinary(ByteBuffer.wrap(buffer, 0, count), done));
        count = 0;
      }
    }

    /** Flushes and sends the end marker; a client that went away is no error here. */
    synchronized void finish() {
      if (finished) {
        return;
      }
      try {
        flush();
        send(done -> socket.sendText(END, done));
      } catch (IOException e) {
        // Nobody is listening any more; the task still records its end.
      }
      finished = true;
    }
  }

  /** Sends one message, which {@code message} starts with the callback, and waits for it. */
  private static void send(Consumer<Callback> message) throws IOException {
    try {
      Callback.Completable.with(message::accept).get();
    } catch (ExecutionException e) {
      throw new IOException("cannot send on the exec's WebSocket", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted sending on the exec's WebSocket");
    }
  }
}
