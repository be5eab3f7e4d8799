package io.charmkit.testing.pebble;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The unix-socket front end of the simulated Pebble: speaks the documented Pebble API (PEBBLE.md)
 * over a real unix domain socket, so the production client and packaged charms talk to it exactly
 * as to Pebble. Every rule and all state live in its {@link PebbleEngine}; this class only decodes
 * requests, encodes envelopes, and carries exec's WebSockets.
 *
 * <p>Whether a service starts depends on the container's {@linkplain #image image}, empty unless a
 * test declares what it provides: as on a real unit, a service whose program is missing fails.
 *
 * <p>Not implemented yet: signals, notices, identities.
 */
public final class PebbleServer implements AutoCloseable {
  /** Gorilla's wording for a bad upgrade, which Pebble passes on as plain text. */
  private static final String NOT_WEBSOCKET =
      "websocket: the client is not using the websocket protocol\n";

  private final Path socketPath;
  private final Path rootDir;
  private final PebbleEngine engine;
  private final PebbleApi api;
  private final Queue<String> requests = new ConcurrentLinkedQueue<>();
  private final Map<String, ExecSession> execSessions = new ConcurrentHashMap<>();
  private final Server jetty;
  private final ServerWebSocketContainer webSockets;

  private PebbleServer(Path socketPath, Path rootDir) {
    this.socketPath = socketPath;
    this.rootDir = rootDir;
    this.engine = new PebbleEngine(rootDir);
    this.api = new PebbleApi(engine, new WebSocketExecIo(), this::isOpen);
    QueuedThreadPool threads = new QueuedThreadPool(200, 2);
    threads.setName("pebble-server " + socketPath.getFileName());
    threads.setDaemon(true);
    // Daemon threads throughout, as before Jetty: a server a test forgets to close never holds
    // the JVM open.
    jetty = new Server(threads, new ScheduledExecutorScheduler("pebble-scheduler", true), null);
    jetty.setStopTimeout(0);
    // As before Jetty: no Server or Date header, so responses keep the bytes the tests pin.
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    http.setRequestHeaderSize(64 * 1024); // long ?path=…&path=… lists; Go allows up to 1 MB
    UnixDomainServerConnector connector =
        new UnixDomainServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
    connector.setUnixDomainPath(socketPath);
    connector.setIdleTimeout(0); // Pebble keeps idle connections and long waits open
    jetty.addConnector(connector);
    webSockets = ServerWebSocketContainer.ensure(jetty);
    webSockets.setIdleTimeout(Duration.ZERO);
    webSockets.setMaxBinaryMessageSize(Integer.MAX_VALUE);
    webSockets.setMaxTextMessageSize(Integer.MAX_VALUE);
    jetty.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws IOException {
            HttpRequest r = HttpRequest.of(request);
            requests.add(r.logLine());
            answer(api.handle(r), request, response, callback);
            return true;
          }
        });
  }

  /**
   * Starts a server listening on {@code socketPath}, with {@code rootDir} standing for the
   * container's filesystem root (created if missing).
   *
   * @throws UncheckedIOException when the socket cannot be bound (e.g. its path is longer than the
   *     ~107 bytes unix sockets allow)
   */
  public static PebbleServer start(Path socketPath, Path rootDir) {
    try {
      Files.createDirectories(socketPath.toAbsolutePath().getParent());
      Files.deleteIfExists(socketPath); // a stale socket file from an earlier server
      PebbleServer server = new PebbleServer(socketPath, rootDir);
      server.jetty.start();
      return server;
    } catch (Exception e) {
      IOException cause = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
      throw new UncheckedIOException("cannot start the test Pebble on " + socketPath, cause);
    }
  }

  /** The socket the server listens on. */
  public Path socketPath() {
    return socketPath;
  }

  /** The directory standing for the container's root filesystem. */
  public Path rootDir() {
    return rootDir;
  }

  /**
   * The engine holding this Pebble's state and rules: its plan, service statuses, the commands run
   * and the faults a test scripts.
   */
  public PebbleEngine engine() {
    return engine;
  }

  /** Declares what the container's image provides (see {@link ContainerImage}). */
  public void image(ContainerImage image) {
    engine.image(image);
  }

  /** See {@link PebbleEngine#onExec}: how tests stand in for the workload's programs. */
  public void onExec(List<String> prefix, ExecHandler handler) {
    engine.onExec(prefix, handler);
  }

  /** Every request received so far, as {@code METHOD path?query} (query decoded), in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Stops listening, drops open connections and removes the socket file. */
  @Override
  public void close() {
    try {
      jetty.stop();
      Files.deleteIfExists(socketPath);
    } catch (Exception e) {
      // Best effort: the test is over, and a leftover socket file in a temp dir is harmless.
    }
    execSessions.values().forEach(ExecSession::stop);
    engine.wakeWaiters(); // release any waiter so its thread can end
  }

  // ---- routing ----

  private void answer(HttpResponse answer, Request request, Response response, Callback callback) {
    if (answer.webSocket() != null
        && webSockets.upgrade((rq, rs, cb) -> answer.webSocket(), request, response, callback)) {
      return;
    }
    HttpResponse reply =
        answer.webSocket() == null ? answer : HttpResponse.text(400, NOT_WEBSOCKET);
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
  }

  private boolean isOpen() {
    return jetty.isRunning() && Files.exists(socketPath);
  }

  /** Exec I/O over WebSockets, as Pebble carries it: one {@link ExecSession} per accepted task. */
  private final class WebSocketExecIo implements PebbleApi.ExecIo {
    @Override
    public void accepted(PebbleEngine.ExecTask task, boolean splitStderr) {
      ExecSession session =
          new ExecSession(
              task,
              splitStderr,
              (s, end) -> {
                execSessions.remove(task.taskId());
                engine.execFinished(task, s.recorded(), end);
              });
      execSessions.put(task.taskId(), session);
      session.start();
    }

    @Override
    public HttpResponse webSocket(String taskId, String id, HttpRequest r) {
      ExecSession session = execSessions.get(taskId);
      if (session == null) {
        String kind = engine.taskKind(taskId);
        if (kind == null) {
          throw Envelope.notFound("cannot find task with id \"" + taskId + "\"");
        }
        if (!kind.equals("exec")) {
          throw Envelope.badRequest("\"" + kind + "\" tasks do not have websockets");
        }
        throw Envelope.notFound("exec task \"" + taskId + "\" has finished");
      }
      if (!session.expects(id)) {
        throw Envelope.notFound("websocket \"" + id + "\" not found");
      }
      if (session.connected(id)) {
        throw Envelope.badRequest("websocket \"" + id + "\" already connected");
      }
      String key = r.header("sec-websocket-key");
      String upgrade = r.header("upgrade");
      String connection = r.header("connection");
      if (key == null
          || upgrade == null
          || !upgrade.equalsIgnoreCase("websocket")
          || connection == null
          || !connection.toLowerCase(Locale.ROOT).contains("upgrade")
          || !"13".equals(r.header("sec-websocket-version"))) {
        return HttpResponse.text(400, NOT_WEBSOCKET);
      }
      return new HttpResponse(101, "", new byte[0], session.claim(id));
    }
  }
}
