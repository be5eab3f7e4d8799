package io.charmkit.testing.pebble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.MultipartBody;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.PushOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
  /** Pebble waits indefinitely without a timeout; the test server caps that. */
  private static final long MAX_WAIT_MILLIS = 10 * 60 * 1000L;

  private static final int MIN_BOUNDARY = 32;

  /** Gorilla's wording for a bad upgrade, which Pebble passes on as plain text. */
  private static final String NOT_WEBSOCKET =
      "websocket: the client is not using the websocket protocol\n";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path socketPath;
  private final Path rootDir;
  private final PebbleEngine engine;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ExecSession> execSessions = new LinkedHashMap<>();
  private final Server jetty;
  private final ServerWebSocketContainer webSockets;

  private PebbleServer(Path socketPath, Path rootDir) {
    this.socketPath = socketPath;
    this.rootDir = rootDir;
    this.engine = new PebbleEngine(rootDir);
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
            answer(PebbleServer.this.handle(HttpRequest.of(request)), request, response, callback);
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test Pebble on " + socketPath, e);
    } catch (Exception e) {
      throw new UncheckedIOException(
          "cannot start the test Pebble on " + socketPath, new IOException(e.getMessage(), e));
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

  /** The engine holding this Pebble's state and rules. */
  public PebbleEngine engine() {
    return engine;
  }

  /** Declares what the container's image provides (see {@link ContainerImage}). */
  public void image(ContainerImage image) {
    engine.image(image);
  }

  /** The current combined plan. */
  public Plan plan() {
    return engine.plan();
  }

  /** Each planned service's status: {@code active}, {@code inactive}, … */
  public Map<String, String> serviceStatuses() {
    return engine.serviceStatuses();
  }

  /** See {@link PebbleEngine#failNextStart}. */
  public void failNextStart(String service, String error) {
    engine.failNextStart(service, error);
  }

  /** See {@link PebbleEngine#onExec}: how tests stand in for the workload's programs. */
  public void onExec(List<String> prefix, ExecHandler handler) {
    engine.onExec(prefix, handler);
  }

  /** Every command run so far, in the order they finished, with the stdin that arrived. */
  public List<ExecRequest> execs() {
    return engine.execs();
  }

  /** Every request received so far, as {@code METHOD path?query} (query decoded), in order. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
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
    synchronized (execSessions) {
      execSessions.values().forEach(ExecSession::stop);
    }
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

  private HttpResponse handle(HttpRequest request) {
    requests.add(request.logLine());
    try {
      return route(request);
    } catch (ApiError e) {
      return Envelope.error(e);
    } catch (RuntimeException e) {
      return Envelope.error(
          new ApiError(
              500, "internal error in test Pebble: " + e.getClass().getSimpleName(), null));
    }
  }

  private HttpResponse route(HttpRequest r) {
    String path = r.path();
    switch (path) {
      case "/v1/system-info":
        requireMethod(r, "GET");
        return Envelope.sync(engine.systemInfo());
      case "/v1/health":
        requireMethod(r, "GET");
        return Envelope.sync(Map.of("healthy", true));
      case "/v1/plan":
        requireMethod(r, "GET");
        String format = r.param("format");
        if (!"yaml".equals(format)) {
          throw ApiError.badRequest("invalid format \"" + (format == null ? "" : format) + "\"");
        }
        return Envelope.sync(engine.planYaml());
      case "/v1/layers":
        requireMethod(r, "POST");
        return addLayer(r);
      case "/v1/services":
        requireMethod(r, "GET", "POST");
        return r.method().equals("GET")
            ? Envelope.sync(engine.services(names(r)))
            : postServices(r);
      case "/v1/checks":
        requireMethod(r, "GET");
        return Envelope.sync(engine.checks(r.param("level"), names(r)));
      case "/v1/changes":
        requireMethod(r, "GET");
        String select = r.param("select");
        return Envelope.sync(engine.changes(select == null ? "in-progress" : select));
      case "/v1/files":
        requireMethod(r, "GET", "POST");
        return r.method().equals("GET") ? getFiles(r) : postFiles(r);
      case "/v1/exec":
        requireMethod(r, "POST");
        return exec(r);
      default:
        break;
    }
    if (path.startsWith("/v1/tasks/")) {
      String[] parts = path.substring("/v1/tasks/".length()).split("/", -1);
      if (parts.length == 3 && parts[1].equals("websocket")) {
        requireMethod(r, "GET");
        return webSocket(parts[0], parts[2], r);
      }
    }
    if (path.startsWith("/v1/changes/")) {
      String rest = path.substring("/v1/changes/".length());
      requireMethod(r, "GET");
      if (rest.endsWith("/wait")) {
        String timeout = r.param("timeout");
        long millis = timeout == null ? MAX_WAIT_MILLIS : GoDuration.parseMillis(timeout);
        String id = rest.substring(0, rest.length() - "/wait".length());
        return Envelope.sync(engine.waitChange(id, millis, this::isOpen));
      }
      if (!rest.contains("/")) {
        return Envelope.sync(engine.change(rest));
      }
    }
    throw ApiError.notFound("invalid API endpoint requested");
  }

  private boolean isOpen() {
    return jetty.isRunning() && Files.exists(socketPath);
  }

  private static void requireMethod(HttpRequest r, String... allowed) {
    if (!Arrays.asList(allowed).contains(r.method())) {
      throw new ApiError(405, "method \"" + r.method() + "\" not allowed", null);
    }
  }

  /** The {@code names} parameters: comma-separated values, repeated keys, or both. */
  private static Set<String> names(HttpRequest r) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String value : r.params("names")) {
      for (String name : value.split(",")) {
        if (!name.isBlank()) {
          wanted.add(name.trim());
        }
      }
    }
    return wanted;
  }

  private static JsonNode jsonBody(byte[] body) {
    try {
      JsonNode node = Envelope.JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiError.badRequest("cannot decode request body: not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw ApiError.badRequest("cannot decode request body: invalid JSON");
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Integer integer(JsonNode body, String field) {
    return body.hasNonNull(field) ? body.get(field).asInt() : null;
  }

  // ---- layers and services ----

  private HttpResponse addLayer(HttpRequest r) {
    JsonNode body = jsonBody(r.body());
    String action = body.path("action").asText("");
    if (!action.equals("add")) {
      throw ApiError.badRequest("invalid action \"" + action + "\"");
    }
    String label = body.path("label").asText("");
    String format = body.path("format").asText("");
    if (!label.isEmpty() && !format.equals("yaml")) {
      throw ApiError.badRequest("invalid format \"" + format + "\"");
    }
    engine.addLayer(label, body.path("layer").asText(""), body.path("combine").asBoolean(false));
    return Envelope.sync(true);
  }

  private HttpResponse postServices(HttpRequest r) {
    JsonNode body = jsonBody(r.body());
    List<String> names = new ArrayList<>();
    body.path("services").forEach(n -> names.add(n.asText()));
    return Envelope.async(engine.serviceAction(body.path("action").asText(""), names).id(), null);
  }

  // ---- files ----

  private HttpResponse getFiles(HttpRequest r) {
    String action = r.param("action");
    if ("read".equals(action)) {
      return read(r);
    }
    if ("list".equals(action)) {
      return Envelope.sync(
          engine
              .files()
              .list(r.param("path"), r.param("pattern"), "true".equals(r.param("itself"))));
    }
    throw ApiError.badRequest("invalid action \"" + (action == null ? "" : action) + "\"");
  }

  private HttpResponse read(HttpRequest request) {
    String accept = request.header("accept");
    if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("multipart/form-data")) {
      throw ApiError.badRequest("must accept multipart/form-data");
    }
    List<String> paths = request.params("path");
    if (paths.isEmpty()) {
      throw ApiError.badRequest("must specify path");
    }
    byte[] random = new byte[30];
    RANDOM.nextBytes(random);
    String boundary = HexFormat.of().formatHex(random); // 60 hex characters, as Pebble 1.14
    MultipartBody.Writer body = new MultipartBody.Writer(boundary);
    ArrayNode results = Envelope.JSON.createArrayNode();
    for (String path : paths) {
      results.add(
          outcome(
              path,
              () ->
                  body.part(
                      MultipartBody.fileDisposition(path),
                      "application/octet-stream",
                      engine.files().read(path))));
    }
    // Go's JSON encoder ends the response part with a newline; keep the bytes identical.
    byte[] envelope = Envelope.syncBytes(results);
    byte[] withNewline = Arrays.copyOf(envelope, envelope.length + 1);
    withNewline[envelope.length] = '\n';
    body.part("form-data; name=\"response\"", "application/json", withNewline);
    return new HttpResponse(200, "multipart/form-data; boundary=" + boundary, body.finish());
  }

  private static ObjectNode ok(String path) {
    ObjectNode item = Envelope.JSON.createObjectNode();
    item.put("path", path);
    return item;
  }

  /** A file operation on one path, which may fail for that path alone. */
  @FunctionalInterface
  private interface PathOperation {
    void run() throws PathProblem;
  }

  /** {@code {"path"}} when {@code operation} succeeds, with its {@code error} when it fails. */
  private static ObjectNode outcome(String path, PathOperation operation) {
    try {
      operation.run();
      return ok(path);
    } catch (PathProblem p) {
      return failed(path, p);
    }
  }

  private static ObjectNode failed(String path, PathProblem problem) {
    ObjectNode item = ok(path);
    item.set("error", Envelope.errorObject(problem.getMessage(), problem.kind()));
    return item;
  }

  private HttpResponse postFiles(HttpRequest request) {
    String contentType = request.header("content-type");
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")) {
      return write(request, contentType);
    }
    if (type.startsWith("application/json")) {
      JsonNode body = jsonBody(request.body());
      String action = body.path("action").asText("");
      ArrayNode out = Envelope.JSON.createArrayNode();
      switch (action) {
        case "make-dirs" -> {
          for (JsonNode dir : body.path("dirs")) {
            String path = dir.path("path").asText("");
            boolean parents = dir.path("make-parents").asBoolean(false);
            out.add(
                outcome(
                    path, () -> engine.files().makeDir(path, parents, text(dir, "permissions"))));
          }
        }
        case "remove" -> {
          for (JsonNode item : body.path("paths")) {
            String path = item.path("path").asText("");
            boolean recursive = item.path("recursive").asBoolean(false);
            out.add(outcome(path, () -> engine.files().remove(path, recursive)));
          }
        }
        default -> throw ApiError.badRequest("invalid action \"" + action + "\"");
      }
      return Envelope.sync(out);
    }
    throw ApiError.badRequest("invalid Content-Type \"" + contentType + "\"");
  }

  private HttpResponse write(HttpRequest request, String contentType) {
    String boundary = MultipartBody.boundaryOf(contentType);
    if (boundary == null || boundary.length() < MIN_BOUNDARY || boundary.length() > 70) {
      throw ApiError.badRequest("invalid boundary \"" + (boundary == null ? "" : boundary) + "\"");
    }
    List<MultipartBody.Part> parts;
    try {
      parts = MultipartBody.parse(request.body(), boundary);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("cannot read multipart body: " + e.getMessage());
    }
    if (parts.isEmpty() || !"request".equals(parts.get(0).disposition("name"))) {
      throw ApiError.badRequest("must specify \"request\" as first part");
    }
    JsonNode meta = jsonBody(parts.get(0).content());
    String action = meta.path("action").asText("");
    if (!action.equals("write")) {
      throw ApiError.badRequest("multipart action must be \"write\", got \"" + action + "\"");
    }
    Map<String, JsonNode> wanted = new LinkedHashMap<>();
    for (JsonNode file : meta.path("files")) {
      wanted.put(file.path("path").asText(""), file);
    }
    Map<String, ObjectNode> results = new LinkedHashMap<>();
    for (MultipartBody.Part part : parts.subList(1, parts.size())) {
      String name = part.disposition("name");
      if (!"files".equals(name)) {
        throw ApiError.badRequest("expected \"files\" field, got \"" + name + "\"");
      }
      String path = part.disposition("filename");
      JsonNode file = wanted.get(path);
      if (file == null) {
        throw ApiError.badRequest("no metadata for path \"" + path + "\"");
      }
      results.put(
          path, outcome(path, () -> engine.files().write(path, part.content(), pushOptions(file))));
    }
    ArrayNode out = Envelope.JSON.createArrayNode();
    for (String path : wanted.keySet()) {
      ObjectNode item = results.get(path);
      out.add(
          item != null
              ? item
              : failed(
                  path,
                  new PathProblem(
                      "no file content for path \"" + path + "\"", PathProblem.GENERIC)));
    }
    return Envelope.sync(out);
  }

  private static PushOptions pushOptions(JsonNode file) throws PathProblem {
    String permissions = text(file, "permissions");
    if (permissions != null && !permissions.matches("[0-7]{3}")) {
      throw new PathProblem("invalid permissions \"" + permissions + "\"", PathProblem.GENERIC);
    }
    return new PushOptions(
        file.path("make-dirs").asBoolean(false),
        permissions == null || permissions.isEmpty() ? null : permissions,
        integer(file, "user-id"),
        text(file, "user"),
        integer(file, "group-id"),
        text(file, "group"));
  }

  // ---- exec ----

  private HttpResponse exec(HttpRequest r) {
    JsonNode body = jsonBody(r.body());
    List<String> command = new ArrayList<>();
    body.path("command").forEach(word -> command.add(word.asText()));
    if (command.isEmpty()) {
      throw ApiError.badRequest("must specify command");
    }
    long timeoutMillis = 0;
    String timeout = text(body, "timeout");
    if (timeout != null && !timeout.isEmpty()) {
      try {
        timeoutMillis = GoDuration.parseMillis(timeout);
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("invalid timeout: time: invalid duration \"" + timeout + "\"");
      }
    }
    Map<String, String> requestedEnv = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : body.path("environment").properties()) {
      requestedEnv.put(e.getKey(), e.getValue().asText());
    }
    ExecRequest request =
        new ExecRequest(
            command,
            requestedEnv,
            text(body, "working-dir"),
            timeoutMillis > 0 ? Duration.ofMillis(timeoutMillis) : null,
            integer(body, "user-id"),
            text(body, "user"),
            integer(body, "group-id"),
            text(body, "group"),
            text(body, "service-context"),
            null);
    PebbleEngine.ExecTask task = engine.startExec(request);
    ExecSession session =
        new ExecSession(
            task,
            body.path("split-stderr").asBoolean(false),
            (s, exitCode, failure) -> {
              synchronized (execSessions) {
                execSessions.remove(s.taskId());
              }
              engine.execFinished(task, s.recorded(), exitCode, failure);
            });
    synchronized (execSessions) {
      execSessions.put(task.taskId(), session);
    }
    session.start();
    ObjectNode result = Envelope.JSON.createObjectNode();
    result.set(
        "environment", Envelope.JSON.valueToTree(new java.util.TreeMap<>(task.environment())));
    result.put("task-id", task.taskId());
    result.put("working-dir", task.workingDir());
    return Envelope.async(task.changeId(), result);
  }

  private HttpResponse webSocket(String taskId, String id, HttpRequest r) {
    ExecSession session;
    synchronized (execSessions) {
      session = execSessions.get(taskId);
    }
    if (session == null) {
      String kind = engine.taskKind(taskId);
      if (kind == null) {
        throw ApiError.notFound("cannot find task with id \"" + taskId + "\"");
      }
      if (!kind.equals("exec")) {
        throw ApiError.badRequest("\"" + kind + "\" tasks do not have websockets");
      }
      throw ApiError.notFound("exec task \"" + taskId + "\" has finished");
    }
    if (!session.expects(id)) {
      throw ApiError.notFound("websocket \"" + id + "\" not found");
    }
    if (session.connected(id)) {
      throw ApiError.badRequest("websocket \"" + id + "\" already connected");
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
