package io.charmkit.testing.pebble;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.MultipartBody;
import io.charmkit.ops.pebble.PathErrorException;
import io.charmkit.ops.pebble.PebbleApiException;
import io.charmkit.ops.pebble.PushOptions;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Pebble API (PEBBLE.md) over one {@link PebbleEngine}: decodes a request, runs it on the
 * engine and encodes Pebble's envelope. Both front ends answer through it, the unix-socket {@link
 * PebbleServer} and the in-process transport of state-transition tests ({@link
 * InProcessTransport}), so the production client meets the same request handling in both; only how
 * an exec's I/O travels is the front end's ({@link ExecIo}).
 */
final class PebbleApi {
  /** Pebble waits indefinitely without a timeout; the test server caps that. */
  private static final long MAX_WAIT_MILLIS = 10 * 60 * 1000L;

  private static final int MIN_BOUNDARY = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** How a front end carries the I/O of the execs Pebble accepts. */
  interface ExecIo {
    /** Pebble accepted {@code task}; its I/O is to come (on separate sockets for stderr or not). */
    void accepted(PebbleEngine.ExecTask task, boolean splitStderr);

    /**
     * Answers {@code GET /v1/tasks/<taskId>/websocket/<id>}; a front end that carries exec's I/O
     * otherwise (the in-process one) refuses it.
     */
    default HttpResponse webSocket(String taskId, String id, HttpRequest request) {
      throw Envelope.badRequest("the in-process Pebble carries an exec's I/O without WebSockets");
    }
  }

  private final PebbleEngine engine;
  private final ExecIo execIo;
  private final Supplier<Boolean> open;

  /**
   * The API of {@code engine}.
   *
   * @param open whether the front end still serves (a change wait ends when it stops)
   */
  PebbleApi(PebbleEngine engine, ExecIo execIo, Supplier<Boolean> open) {
    this.engine = engine;
    this.execIo = execIo;
    this.open = open;
  }

  /** Answers one request: its envelope, or Pebble's error envelope. */
  HttpResponse handle(HttpRequest request) {
    try {
      return route(request);
    } catch (PebbleApiException e) {
      return Envelope.error(e);
    } catch (RuntimeException e) {
      return Envelope.error(
          Envelope.failure(
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
          throw Envelope.badRequest("invalid format \"" + (format == null ? "" : format) + "\"");
        }
        return Envelope.sync(LayerCombiner.render(engine.plan()));
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
        return execIo.webSocket(parts[0], parts[2], r);
      }
    }
    if (path.startsWith("/v1/changes/")) {
      String rest = path.substring("/v1/changes/".length());
      requireMethod(r, "GET");
      if (rest.endsWith("/wait")) {
        String timeout = r.param("timeout");
        long millis = timeout == null ? MAX_WAIT_MILLIS : GoDuration.parseMillis(timeout);
        String id = rest.substring(0, rest.length() - "/wait".length());
        return Envelope.sync(engine.waitChange(id, millis, open));
      }
      if (!rest.contains("/")) {
        return Envelope.sync(engine.change(rest));
      }
    }
    throw Envelope.notFound("invalid API endpoint requested");
  }

  private static void requireMethod(HttpRequest r, String... allowed) {
    if (!Arrays.asList(allowed).contains(r.method())) {
      throw Envelope.failure(405, "method \"" + r.method() + "\" not allowed", null);
    }
  }

  /** The {@code names} parameters: comma-separated values, repeated keys, or both. */
  private static Set<String> names(HttpRequest r) {
    return r.params("names").stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .filter(name -> !name.isBlank())
        .map(String::trim)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static JsonNode jsonBody(byte[] body) {
    try {
      JsonNode node = Envelope.JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw Envelope.badRequest("cannot decode request body: not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw Envelope.badRequest("cannot decode request body: invalid JSON");
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
      throw Envelope.badRequest("invalid action \"" + action + "\"");
    }
    String label = body.path("label").asText("");
    String format = body.path("format").asText("");
    if (!label.isEmpty() && !format.equals("yaml")) {
      throw Envelope.badRequest("invalid format \"" + format + "\"");
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
    String action = Objects.requireNonNullElse(r.param("action"), "");
    ContainerFiles files = engine.files();
    return switch (action) {
      case "read" -> read(r);
      case "list" ->
          Envelope.sync(
              files.list(r.param("path"), r.param("pattern"), "true".equals(r.param("itself"))));
      default -> throw Envelope.badRequest("invalid action \"" + action + "\"");
    };
  }

  private HttpResponse read(HttpRequest request) {
    String accept = request.header("accept");
    if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("multipart/form-data")) {
      throw Envelope.badRequest("must accept multipart/form-data");
    }
    List<String> paths = request.params("path");
    if (paths.isEmpty()) {
      throw Envelope.badRequest("must specify path");
    }
    byte[] random = new byte[30];
    RANDOM.nextBytes(random);
    String boundary = HexFormat.of().formatHex(random); // 60 hex characters, as Pebble 1.14
    MultipartBody.Writer body = new MultipartBody.Writer(boundary);
    List<PathResult> results = new ArrayList<>();
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

  /**
   * One path's entry in a files result: the path, with Pebble's error when it failed there.
   *
   * @param path the path as the request named it
   * @param error why the operation failed for this path, or null (and left out)
   */
  private record PathResult(
      String path, @JsonInclude(JsonInclude.Include.NON_NULL) Envelope.ErrorResult error) {
    static PathResult failed(PathErrorException problem) {
      return new PathResult(
          problem.path(), new Envelope.ErrorResult(problem.apiMessage(), problem.kind()));
    }
  }

  /** {@code {"path"}} when {@code operation} succeeds, with its {@code error} when it fails. */
  private static PathResult outcome(String path, Runnable operation) {
    try {
      operation.run();
      return new PathResult(path, null);
    } catch (PathErrorException p) {
      return PathResult.failed(p);
    }
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
      List<PathResult> out = new ArrayList<>();
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
        default -> throw Envelope.badRequest("invalid action \"" + action + "\"");
      }
      return Envelope.sync(out);
    }
    throw Envelope.badRequest("invalid Content-Type \"" + contentType + "\"");
  }

  private HttpResponse write(HttpRequest request, String contentType) {
    String boundary = MultipartBody.boundaryOf(contentType);
    if (boundary == null || boundary.length() < MIN_BOUNDARY || boundary.length() > 70) {
      throw Envelope.badRequest("invalid boundary \"" + (boundary == null ? "" : boundary) + "\"");
    }
    List<MultipartBody.Part> parts;
    try {
      parts = MultipartBody.parse(request.body(), boundary);
    } catch (IllegalArgumentException e) {
      throw Envelope.badRequest("cannot read multipart body: " + e.getMessage());
    }
    if (parts.isEmpty() || !"request".equals(parts.get(0).disposition("name"))) {
      throw Envelope.badRequest("must specify \"request\" as first part");
    }
    JsonNode meta = jsonBody(parts.get(0).content());
    String action = meta.path("action").asText("");
    if (!action.equals("write")) {
      throw Envelope.badRequest("multipart action must be \"write\", got \"" + action + "\"");
    }
    Map<String, JsonNode> wanted = new LinkedHashMap<>();
    for (JsonNode file : meta.path("files")) {
      wanted.put(file.path("path").asText(""), file);
    }
    Map<String, PathResult> results = new LinkedHashMap<>();
    for (MultipartBody.Part part : parts.subList(1, parts.size())) {
      String name = part.disposition("name");
      if (!"files".equals(name)) {
        throw Envelope.badRequest("expected \"files\" field, got \"" + name + "\"");
      }
      String path = part.disposition("filename");
      JsonNode file = wanted.get(path);
      if (file == null) {
        throw Envelope.badRequest("no metadata for path \"" + path + "\"");
      }
      results.put(
          path,
          outcome(path, () -> engine.files().write(path, part.content(), pushOptions(path, file))));
    }
    for (String path : wanted.keySet()) {
      String missing = "no file content for path \"" + path + "\"";
      results.putIfAbsent(
          path, PathResult.failed(new PathErrorException(path, ContainerFiles.GENERIC, missing)));
    }
    return Envelope.sync(wanted.keySet().stream().map(results::get).toList());
  }

  private static PushOptions pushOptions(String path, JsonNode file) {
    String permissions = text(file, "permissions");
    if (permissions != null && !permissions.matches("[0-7]{3}")) {
      throw new PathErrorException(
          path, ContainerFiles.GENERIC, "invalid permissions \"" + permissions + "\"");
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

  /**
   * The exec's environment. Pebble decodes it into a map of strings, so anything else (a number, a
   * list, an object) fails the request as undecodable, and a JSON null value is an empty string.
   */
  private static Map<String, String> environment(JsonNode body) {
    JsonNode env = body.path("environment");
    Map<String, String> out = new LinkedHashMap<>();
    if (env.isMissingNode() || env.isNull()) {
      return out;
    }
    if (env.isObject()) {
      env.properties()
          .forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().textValue()));
    }
    if (!env.isObject() || out.containsValue(null)) {
      throw Envelope.badRequest("cannot decode request body: environment values must be strings");
    }
    return out;
  }

  private HttpResponse exec(HttpRequest r) {
    JsonNode body = jsonBody(r.body());
    List<String> command = new ArrayList<>();
    body.path("command").forEach(word -> command.add(word.asText()));
    if (command.isEmpty()) {
      throw Envelope.badRequest("must specify command");
    }
    String timeout = text(body, "timeout");
    long timeoutMillis = timeout == null || timeout.isEmpty() ? 0 : GoDuration.parseMillis(timeout);
    ExecRequest request =
        new ExecRequest(
            command,
            environment(body),
            text(body, "working-dir"),
            timeoutMillis > 0 ? Duration.ofMillis(timeoutMillis) : null,
            integer(body, "user-id"),
            text(body, "user"),
            integer(body, "group-id"),
            text(body, "group"),
            text(body, "service-context"),
            null);
    PebbleEngine.ExecTask task = engine.startExec(request);
    execIo.accepted(task, body.path("split-stderr").asBoolean(false));
    ObjectNode result = Envelope.JSON.createObjectNode();
    result.set("environment", Envelope.JSON.valueToTree(task.environment()));
    result.put("task-id", task.taskId());
    result.put("working-dir", task.workingDir());
    return Envelope.async(task.changeId(), result);
  }
}
