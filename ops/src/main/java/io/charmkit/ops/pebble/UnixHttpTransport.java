package io.charmkit.ops.pebble;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * HTTP/1.1 over a unix domain socket, with the JDK alone: what the Pebble client needs and nothing
 * more. Requests carry a {@code Content-Length} body; responses may be chunked. One connection is
 * kept alive and reused for the next request (a hook makes several calls in a row), unless the
 * server asked to close it or dropped it while idle.
 *
 * <p>Why not a library: Apache HttpClient 5 cost a fresh JVM about ten times as long to its first
 * Pebble response as this class does, and every Juju hook is a fresh JVM (see {@code
 * PebbleStartupProbe} in ops-testing for the measurement).
 */
final class UnixHttpTransport implements PebbleTransport {
  private final Path socketPath;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private UnixSocketConnection connection;

  /**
   * A transport to {@code socketPath}; nothing is opened yet.
   *
   * @param connectTimeout how long establishing a connection may take
   * @param readTimeout how long a read may wait for the next bytes of a response, unless an
   *     exchange says otherwise
   */
  UnixHttpTransport(Path socketPath, Duration connectTimeout, Duration readTimeout) {
    this.socketPath = socketPath;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /** Sends {@code request} and reads its response, with the default read timeout. */
  HttpResponse exchange(HttpRequest request) throws IOException {
    return exchange(request, readTimeout);
  }

  /**
   * Sends {@code request} and reads its response; reads may wait up to {@code readTimeout} (a
   * long-poll such as a change wait needs more than the default).
   *
   * @throws NoSuchFileException when the socket file does not exist
   * @throws java.net.SocketTimeoutException when connecting or a read takes too long
   * @throws java.io.EOFException when the server closes the connection before the response ends
   * @throws HttpResponseReader.MalformedHttpException when the response is not HTTP/1.1
   * @throws IOException for any other failure of the connection
   */
  @Override
  public synchronized HttpResponse exchange(HttpRequest request, Duration readTimeout)
      throws IOException {
    UnixSocketConnection conn = connection();
    try {
      conn.readTimeout(readTimeout);
      byte[] body = request.body();
      if (body == null) {
        conn.write(ByteBuffer.wrap(request.head()));
      } else {
        conn.write(ByteBuffer.wrap(request.head()), ByteBuffer.wrap(body));
      }
      HttpResponse response = HttpResponseReader.read(conn.input(), request.method());
      if (!response.keepAlive()) {
        close();
      }
      return response;
    } catch (IOException | RuntimeException e) {
      // The connection is in an unknown state mid-exchange: never reuse it.
      close();
      throw e;
    }
  }

  /** Connects the task's WebSockets (a connection each, as ops opens them) and runs its I/O. */
  @Override
  public void exec(
      String taskId,
      byte[] stdin,
      Duration ioTimeout,
      ByteArrayOutputStream stdout,
      ByteArrayOutputStream stderr)
      throws IOException {
    new ExecStreams(socketPath, taskId, connectTimeout, ioTimeout, stdout, stderr).run(stdin);
  }

  private UnixSocketConnection connection() throws IOException {
    if (connection != null && connection.isStale()) {
      close();
    }
    if (connection == null) {
      // Checked first because the JDK's error for a missing socket file is a bare errno text.
      if (!Files.exists(socketPath)) {
        throw new NoSuchFileException(socketPath.toString(), null, "socket file does not exist");
      }
      connection = UnixSocketConnection.open(socketPath, connectTimeout);
    }
    return connection;
  }

  /** Closes the kept-alive connection, if any; the next exchange opens a new one. */
  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}
