package io.charmkit.testing.pebble;

import io.charmkit.ops.pebble.ExecRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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

  /** Told when the session is over. */
  @FunctionalInterface
  interface Completion {
    /**
     * Reports the end of the exec.
     *
     * @param exitCode the handler's exit code, or -1 when it did not finish
     * @param failure Pebble's task error, or null when the command ran to its end
     */
    void finished(ExecSession session, int exitCode, String failure);
  }

  private final String changeId;
  private final String taskId;
  private final ExecRequest request;
  private final Map<String, String> environment;
  private final String workingDir;
  private final boolean splitStderr;
  private final ExecHandler handler;
  private final long timeoutMillis;
  private final Completion completion;
  private final Stdin stdin = new Stdin();
  private final Map<String, ServerWebSocket> sockets = new HashMap<>();
  private boolean stopped;

  ExecSession(
      String changeId,
      String taskId,
      ExecRequest request,
      Map<String, String> environment,
      String workingDir,
      boolean splitStderr,
      ExecHandler handler,
      long timeoutMillis,
      Completion completion) {
    this.changeId = changeId;
    this.taskId = taskId;
    this.request = request;
    this.environment = environment;
    this.workingDir = workingDir;
    this.splitStderr = splitStderr;
    this.handler = handler;
    this.timeoutMillis = timeoutMillis;
    this.completion = completion;
  }

  String changeId() {
    return changeId;
  }

  String taskId() {
    return taskId;
  }

  /** The request, with the stdin that arrived. */
  ExecRequest recorded() {
    return request.withStdin(stdin.bytes());
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
    Thread thread = new Thread(this::run, "test-pebble-exec-" + taskId);
    thread.setDaemon(true);
    thread.start();
  }

  /** Ends a session still waiting for its sockets (the server is closing). */
  synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  /**
   * Serves the socket {@code id} on the calling connection thread until the client closes it:
   * {@code stdio} feeds stdin; the control socket's messages (signals) are read and ignored.
   */
  void serve(String id, ServerWebSocket socket) {
    synchronized (this) {
      sockets.put(id, socket);
      notifyAll();
    }
    try {
      ServerWebSocket.Message message;
      while ((message = socket.receive()) != null) {
        if (!id.equals("stdio")) {
          continue;
        }
        if (!message.text()) {
          stdin.append(message.data());
        } else if (message.asText().replaceAll("\\s", "").equals(END)) {
          stdin.end();
        }
      }
    } catch (IOException e) {
      // The client went away; its streams end here.
    } finally {
      if (id.equals("stdio")) {
        stdin.end();
      }
    }
  }

  private synchronized boolean awaitIo() throws InterruptedException {
    long deadline = System.nanoTime() + CONNECT_TIMEOUT_MILLIS * 1_000_000L;
    while (!stopped
        && !(sockets.containsKey("stdio") && (!splitStderr || sockets.containsKey("stderr")))) {
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
        completion.finished(
            this,
            -1,
            "exec "
                + taskId
                + ": timeout waiting for websocket connections: context deadline exceeded");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    ServerWebSocket stdio;
    ServerWebSocket stderrSocket;
    synchronized (this) {
      stdio = sockets.get("stdio");
      stderrSocket = splitStderr ? sockets.get("stderr") : stdio;
    }
    FrameOutput out = new FrameOutput(stdio);
    FrameOutput err = splitStderr ? new FrameOutput(stderrSocket) : out;
    ExecCall call = new ExecCall(request, environment, workingDir, stdin.input(), out, err);
    PebbleEngine.Ending end = PebbleEngine.runHandler(handler, call, timeoutMillis, taskId);
    // Like Pebble: the output streams end (after what the command wrote), then the task does.
    out.finish();
    if (splitStderr) {
      err.finish();
    }
    stdin.awaitEnd(STDIN_GRACE_MILLIS);
    completion.finished(this, end.exitCode(), end.failure());
  }

  /**
   * A command's output stream: buffered, sent as binary messages, then the end marker. Once
   * finished, writes fail, so a handler stopped at its timeout cannot write after the end.
   */
  private static final class FrameOutput extends OutputStream {
    private final ServerWebSocket socket;
    private final byte[] buffer = new byte[CHUNK];
    private int count;
    private boolean finished;

    FrameOutput(ServerWebSocket socket) {
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
        socket.sendBinary(buffer, 0, count);
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
        socket.sendText(END);
      } catch (IOException e) {
        // Nobody is listening any more; the task still records its end.
      }
      finished = true;
    }
  }

  /** Stdin as it arrives from the client: kept whole (for the record) and read as a stream. */
  private static final class Stdin {
    private byte[] data = new byte[0];
    private int size;
    private boolean ended;

    synchronized void append(byte[] bytes) {
      if (ended) {
        return;
      }
      if (size + bytes.length > data.length) {
        data = Arrays.copyOf(data, Math.max(size + bytes.length, data.length * 2));
      }
      System.arraycopy(bytes, 0, data, size, bytes.length);
      size += bytes.length;
      notifyAll();
    }

    synchronized void end() {
      ended = true;
      notifyAll();
    }

    synchronized byte[] bytes() {
      return Arrays.copyOf(data, size);
    }

    synchronized void awaitEnd(long millis) {
      long deadline = System.nanoTime() + millis * 1_000_000L;
      try {
        while (!ended) {
          long left = (deadline - System.nanoTime()) / 1_000_000L;
          if (left <= 0) {
            return;
          }
          wait(left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    InputStream input() {
      return new InputStream() {
        private int position;

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (len == 0) {
            return 0;
          }
          synchronized (Stdin.this) {
            try {
              while (position >= size && !ended) {
                Stdin.this.wait();
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new java.io.InterruptedIOException("interrupted reading stdin");
            }
            if (position >= size) {
              return -1;
            }
            int n = Math.min(len, size - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
          }
        }
      };
    }
  }
}
