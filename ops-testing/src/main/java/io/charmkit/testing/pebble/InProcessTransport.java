package io.charmkit.testing.pebble;

import io.charmkit.ops.pebble.HttpRequest;
import io.charmkit.ops.pebble.HttpResponse;
import io.charmkit.ops.pebble.PebbleTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process front end of the simulated Pebble: a {@link PebbleTransport} under the production
 * client ({@code PebbleClient.forTransport}) that hands each request to the same request handling
 * the unix-socket {@link PebbleServer} uses, so state-transition tests exercise the production
 * encoder and decoder. Only exec's I/O is carried differently: the accepted command runs on the
 * engine with the request's stdin, without WebSockets.
 */
public final class InProcessTransport implements PebbleTransport {
  private final PebbleEngine engine;
  private final PebbleApi api;
  private final Path socketPath;
  private final Optional<String> unreachable;
  private final Map<String, PebbleEngine.ExecTask> accepted = new ConcurrentHashMap<>();

  /**
   * A transport to {@code engine}.
   *
   * @param socketPath the socket it stands for, named when it cannot connect
   * @param unreachable why Pebble cannot be reached, or empty when it can: then every exchange
   *     fails as a missing socket does
   */
  public InProcessTransport(PebbleEngine engine, Path socketPath, Optional<String> unreachable) {
    this.engine = engine;
    this.socketPath = socketPath;
    this.unreachable = unreachable;
    // Each accepted exec waits here until the client asks for its I/O.
    this.api =
        new PebbleApi(engine, (task, split) -> accepted.put(task.taskId(), task), () -> true);
  }

  @Override
  public HttpResponse exchange(HttpRequest request, Duration readTimeout) throws IOException {
    if (unreachable.isPresent()) {
      throw new NoSuchFileException(socketPath.toString(), null, unreachable.get());
    }
    io.charmkit.testing.pebble.HttpResponse answer =
        api.handle(io.charmkit.testing.pebble.HttpRequest.of(request));
    return new HttpResponse(
        answer.status(), "", Map.of("content-type", answer.contentType()), answer.body(), true);
  }

  @Override
  public void exec(
      String taskId,
      byte[] stdin,
      Duration ioTimeout,
      ByteArrayOutputStream stdout,
      ByteArrayOutputStream stderr)
      throws IOException {
    PebbleEngine.ExecTask task = accepted.remove(taskId);
    if (task == null) {
      throw new IOException("no exec task \"" + taskId + "\" is waiting for its I/O");
    }
    engine.runExec(task, stdin, stdout, stderr);
  }

  @Override
  public void close() {
    // Nothing to release: there is no connection.
  }
}
