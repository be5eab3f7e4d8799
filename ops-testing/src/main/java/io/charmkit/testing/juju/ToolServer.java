package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.ToolResult;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The JVM end of the hook tools: a loopback TCP server that reads one request per connection from
 * the shell shim (see {@link ToolShim}) and answers with the tool's exit code, stderr and stdout.
 *
 * <p>Request: NUL-terminated fields {@code context, tool, argc, arg1 … argN, stdinLength}, then
 * {@code stdinLength} bytes. Response: NUL-terminated {@code exitCode}, {@code stderrLength} and
 * {@code stdoutLength}, then the stderr bytes, then the stdout bytes, then the connection closes
 * (the length lets the shim skip starting {@code cat} when there is nothing to print). Lengths
 * count bytes, so a shim running in the C locale can read them exactly.
 */
final class ToolServer implements AutoCloseable {
  private static final int MAX_FIELD = 1 << 20;

  private final ServerSocket socket;
  private final ExecutorService workers;
  private final Function<ToolRequest, ToolResult> handler;

  private ToolServer(ServerSocket socket, Function<ToolRequest, ToolResult> handler) {
    this.socket = socket;
    this.handler = handler;
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "embedded-juju-tool");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts a server on an ephemeral port of 127.0.0.1. */
  static ToolServer start(Function<ToolRequest, ToolResult> handler) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    ToolServer server = new ToolServer(socket, handler);
    Thread acceptor = new Thread(server::acceptLoop, "embedded-juju-tool-server");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** The port the shims connect to. */
  int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        workers.execute(() -> serve(connection));
      } catch (SocketException ignored) {
        // The server socket was closed: stop accepting.
        return;
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      ToolResult response;
      try {
        response = handler.apply(readRequest(in));
      } catch (IOException e) {
        response = ToolText.error("malformed hook tool request: " + e.getMessage());
      } catch (RuntimeException e) {
        // A bug in the model must reach the charm as a tool failure, not hang it.
        response = ToolText.error("embedded Juju internal error: " + e);
      }
      OutputStream out = connection.getOutputStream();
      byte[] err = response.stderr().getBytes(StandardCharsets.UTF_8);
      byte[] stdout = response.stdout().getBytes(StandardCharsets.UTF_8);
      out.write(
          (response.exitCode() + "\0" + err.length + "\0" + stdout.length + "\0")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(err);
      out.write(stdout);
      out.flush();
    } catch (IOException ignored) {
      // The tool process went away; nothing is waiting for the answer.
    }
  }

  static ToolRequest readRequest(InputStream in) throws IOException {
    String context = field(in);
    String tool = field(in);
    int argc = number(field(in), "argument count");
    List<String> args = new ArrayList<>(argc);
    for (int i = 0; i < argc; i++) {
      args.add(field(in));
    }
    int length = number(field(in), "stdin length");
    byte[] stdin = in.readNBytes(length);
    if (stdin.length != length) {
      throw new IOException("stdin ended after " + stdin.length + " of " + length + " bytes");
    }
    return new ToolRequest(
        context, tool, List.copyOf(args), new String(stdin, StandardCharsets.UTF_8));
  }

  private static int number(String text, String what) throws IOException {
    try {
      int n = Integer.parseInt(text);
      if (n < 0 || n > 100 * MAX_FIELD) {
        throw new IOException(what + " out of range: " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IOException(what + " is not a number: '" + text + "'", e);
    }
  }

  private static String field(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("request ended early");
      }
      if (b == 0) {
        return buf.toString(StandardCharsets.UTF_8);
      }
      if (buf.size() >= MAX_FIELD) {
        throw new IOException("field longer than " + MAX_FIELD + " bytes");
      }
      buf.write(b);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    workers.shutdownNow();
  }
}
