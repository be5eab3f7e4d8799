package io.charmkit.ops.pebble;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The WebSocket half of one exec (PEBBLE.md §11): connects the task's {@code control}, {@code
 * stdio} and {@code stderr} sockets, sends stdin and its end marker, and collects stdout and stderr
 * until each ends. Stdout is read on the calling thread, stderr and stdin each on their own, so
 * that no stream can stall another when a pipe fills up.
 */
final class ExecStreams {
  /** The text message that ends stdin, and that Pebble sends at the end of each output stream. */
  static final String END = "{\"command\":\"end\"}";

  /** Stdin goes out in binary messages of this size. */
  private static final int STDIN_CHUNK = 32 * 1024;

  // Output collected so far, the caller's: readable after a failure (a timeout's partial output).
  private final ByteArrayOutputStream stdout;
  private final ByteArrayOutputStream stderr;
  private final Path socketPath;
  private final String taskId;
  private final Duration connectTimeout;
  private final Duration ioTimeout;

  /**
   * Streams for one exec task.
   *
   * @param ioTimeout how long any read or write may wait: the command's own timeout plus a grace
   * @param stdout where the command's standard output goes
   * @param stderr where its standard error goes
   */
  ExecStreams(
      Path socketPath,
      String taskId,
      Duration connectTimeout,
      Duration ioTimeout,
      ByteArrayOutputStream stdout,
      ByteArrayOutputStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.socketPath = socketPath;
    this.taskId = taskId;
    this.connectTimeout = connectTimeout;
    this.ioTimeout = ioTimeout;
  }

  /**
   * Runs the exchange: returns once both output streams have ended, their bytes in the sinks.
   *
   * @param stdin the input, or {@code null} for none (stdin then ends at once)
   * @throws WebSocket.UpgradeRefusedException when Pebble refuses a WebSocket
   * @throws java.net.SocketTimeoutException when Pebble sends nothing for {@code ioTimeout}
   * @throws IOException when a connection breaks
   */
  void run(byte[] stdin) throws IOException {
    Random random = new SecureRandom();
    List<WebSocket> sockets = new ArrayList<>(3);
    Thread stdinWriter = null;
    Thread stderrReader = null;
    Failure stderrFailure = new Failure();
    try {
      // ops connects in this order; Pebble starts the command once stdio and stderr are connected.
      sockets.add(open("control", random));
      WebSocket stdio = open("stdio", random);
      sockets.add(stdio);
      WebSocket err = open("stderr", random);
      sockets.add(err);
      if (stdin == null || stdin.length == 0) {
        stdio.sendText(END);
      } else {
        stdinWriter = daemon("pebble-exec-stdin-" + taskId, () -> writeStdin(stdio, stdin));
      }
      stderrReader =
          daemon(
              "pebble-exec-stderr-" + taskId,
              () -> {
                try {
                  drain(err, stderr);
                } catch (IOException e) {
                  stderrFailure.error = e;
                }
              });
      drain(stdio, stdout);
      join(stderrReader);
    } finally {
      // Closing unblocks the helper threads if this one failed; a stdin writer whose command
      // never read its input stops here too.
      sockets.forEach(WebSocket::close);
      if (stderrReader != null) {
        join(stderrReader);
      }
      if (stdinWriter != null) {
        join(stdinWriter);
      }
    }
    if (stderrFailure.error != null) {
      throw stderrFailure.error;
    }
  }

  private WebSocket open(String name, Random random) throws IOException {
    String target = "/v1/tasks/" + taskId + "/websocket/" + name;
    return WebSocket.connect(socketPath, target, connectTimeout, ioTimeout, random);
  }

  /** Collects binary messages into {@code sink} until the end marker or a close frame. */
  private static void drain(WebSocket socket, ByteArrayOutputStream sink) throws IOException {
    while (true) {
      WebSocket.Message message = socket.receive();
      if (message == null) {
        return; // closed by Pebble: nothing more will come
      }
      if (!message.text()) {
        synchronized (sink) {
          sink.writeBytes(message.data());
        }
      } else if (isEnd(message.asText())) {
        return;
      }
      // Any other text message is a command this client does not know; Pebble sends none.
    }
  }

  /** Whether a text message is the end marker, however its JSON is spaced. */
  static boolean isEnd(String text) {
    return text.replaceAll("\\s", "").equals(END);
  }

  private static void writeStdin(WebSocket stdio, byte[] stdin) {
    try {
      for (int off = 0; off < stdin.length; off += STDIN_CHUNK) {
        stdio.sendBinary(stdin, off, Math.min(STDIN_CHUNK, stdin.length - off));
      }
      stdio.sendText(END);
    } catch (IOException e) {
      // The command exited without reading all its input; ops ignores this too. The outcome is
      // the change's exit code, read by the caller.
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void join(Thread thread) throws InterruptedIOException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + thread.getName());
    }
  }

  /** An error handed from a helper thread to the caller. */
  private static final class Failure {
    volatile IOException error;
  }
}
