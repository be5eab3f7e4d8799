package io.charmkit.ops.pebble;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The production {@link PebbleClient}: every request it builds and every envelope it reads, over a
 * {@link PebbleTransport}. In a charm that is HTTP/1.1 over the container's unix socket through
 * {@link UnixHttpTransport} (the JDK alone; one kept-alive connection), created by {@link
 * LazyPebbleClient} on the first call, so loading this class (and Jackson with it) is deferred too;
 * in a state-transition test it is the in-process simulated Pebble.
 */
final class HttpPebbleClient implements PebbleClient {
  /** ops' socket timeout: a call that takes longer than this is treated as Pebble being stuck. */
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

  /** Each wait call asks Pebble for one second less than the socket timeout, as ops does. */
  private static final Duration WAIT_SLICE = SOCKET_TIMEOUT.minusSeconds(1);

  /** How long service operations wait for their change (ops' default). */
  private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How long an exec without a timeout may wait, as in ops: without limit. A year stands for that,
   * since the deadline arithmetic needs a finite duration.
   */
  private static final Duration NO_LIMIT = Duration.ofDays(365);

  /**
   * How much longer than the command's own timeout the client waits for Pebble to kill it and
   * report that, before concluding that Pebble itself is stuck.
   */
  private static final Duration EXEC_GRACE = Duration.ofSeconds(5);

  private static final String JSON_TYPE = "application/json";
  private static final String MULTIPART_TYPE = "multipart/form-data";

  private final String container;
  private final Path socketPath;
  private final PebbleTransport transport;

  /** A client over the container's unix socket. */
  HttpPebbleClient(String container, Path socketPath) {
    // Connecting to a unix socket is immediate or refused; the timeout only guards a full backlog.
    this(container, socketPath, new UnixHttpTransport(socketPath, SOCKET_TIMEOUT, SOCKET_TIMEOUT));
  }

  /** A client over {@code transport}; {@code socketPath} names the Pebble in errors. */
  HttpPebbleClient(String container, Path socketPath, PebbleTransport transport) {
    this.container = container;
    this.socketPath = socketPath;
    this.transport = transport;
  }

  @Override
  public void close() {
    transport.close();
  }

  // ---- transport ----

  private HttpResponse send(HttpRequest request, Duration readTimeout) {
    try {
      return transport.exchange(request, readTimeout == null ? SOCKET_TIMEOUT : readTimeout);
    } catch (NoSuchFileException e) {
      throw new PebbleConnectionException(container, socketPath, e.getReason(), e);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new PebbleConnectionException(container, socketPath, request + ": " + reason, e);
    }
  }

  private static HttpRequest get(String pathAndQuery) {
    return HttpRequest.get(pathAndQuery, JSON_TYPE);
  }

  private static HttpRequest postJson(String path, Object body) {
    return HttpRequest.post(path, JSON_TYPE, JSON_TYPE, toJson(body));
  }

  private static byte[] toJson(Object body) {
    try {
      return PebbleCodec.JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a Pebble request", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Parses the envelope; returns it for sync/async responses, throws for error envelopes. */
  private JsonNode envelope(HttpResponse response, String what) {
    return envelope(response.status(), response.contentType(), response.body(), what);
  }

  /** As {@link #envelope(HttpResponse, String)}, for a body that came as a multipart part. */
  private JsonNode envelope(int status, String contentType, byte[] body, String what) {
    if (!contentType.toLowerCase(Locale.ROOT).startsWith(JSON_TYPE)) {
      // Not Pebble's API answering (a proxy, a crash page): show what came, briefly.
      throw new PebbleException(
          "unexpected response from Pebble of container \""
              + container
              + "\" to "
              + what
              + ": HTTP "
              + status
              + " with content type \""
              + contentType
              + "\""
              + excerpt(body));
    }
    JsonNode env;
    try {
      env = PebbleCodec.JSON.readTree(body);
    } catch (IOException e) {
      throw malformed(what, status, body, e);
    }
    if (env == null || !env.isObject()) {
      throw malformed(what, status, body, null);
    }
    if ("error".equals(env.path("type").asText()) || status >= 400) {
      JsonNode result = env.path("result");
      String message = result.path("message").asText("(no message)");
      String kind = result.hasNonNull("kind") ? result.get("kind").asText() : null;
      int code = env.path("status-code").asInt(status);
      throw new PebbleApiException(code, env.path("status").asText(""), message, kind);
    }
    return env;
  }

  private PebbleException malformed(String what, Exception cause) {
    return new PebbleException(
        "malformed JSON from Pebble of container \"" + container + "\" in reply to " + what, cause);
  }

  private PebbleException malformed(String what, int status, byte[] body, Exception cause) {
    return new PebbleException(
        "malformed JSON from Pebble of container \""
            + container
            + "\" in reply to "
            + what
            + " (HTTP "
            + status
            + ")"
            + excerpt(body),
        cause);
  }

  /** The start of a body for an error message: {@code : "<up to 200 characters>"}, or nothing. */
  private static String excerpt(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
    return ": \"" + text + (body.length > 200 ? "…" : "") + "\"";
  }

  private <T> T result(JsonNode env, JavaType type, String what) {
    try {
      return PebbleCodec.JSON.treeToValue(env.get("result"), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw malformed(what, e);
    }
  }

  private <T> T result(JsonNode env, Class<T> type, String what) {
    return result(env, PebbleCodec.JSON.constructType(type), what);
  }

  private <T> T result(JsonNode env, TypeReference<T> type, String what) {
    return result(env, PebbleCodec.JSON.getTypeFactory().constructType(type), what);
  }

  private JsonNode call(HttpRequest request, String what) {
    return envelope(send(request, null), what);
  }

  // ---- system ----

  @Override
  public boolean canConnect() {
    try {
      systemInfo();
      return true;
    } catch (PebbleException e) {
      return false;
    }
  }

  @Override
  public SystemInfo systemInfo() {
    String what = "GET /v1/system-info";
    return result(call(get("/v1/system-info"), what), SystemInfo.class, what);
  }

  // ---- plan and layers ----

  @Override
  public Plan plan() {
    String what = "GET /v1/plan";
    JsonNode env = call(get("/v1/plan?format=yaml"), what);
    String yaml = env.path("result").asText("");
    if (yaml.isBlank()) {
      return Plan.empty();
    }
    try {
      Plan plan = PebbleCodec.YAML.readValue(yaml, Plan.class);
      return plan == null ? Plan.empty() : plan;
    } catch (IOException e) {
      throw new PebbleException(
          "Pebble of container \"" + container + "\" returned a plan that is not valid YAML", e);
    }
  }

  @Override
  public void addLayer(String label, Layer layer, boolean combine) {
    if (label == null || label.isEmpty()) {
      throw new IllegalArgumentException("a layer needs a non-empty label");
    }
    String yaml;
    try {
      yaml = PebbleCodec.YAML.writeValueAsString(layer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise layer \"" + label + "\"", e);
    }
    ObjectNode body = PebbleCodec.JSON.createObjectNode();
    body.put("action", "add");
    body.put("combine", combine);
    body.put("label", label);
    body.put("format", "yaml");
    body.put("layer", yaml);
    call(postJson("/v1/layers", body), "POST /v1/layers (label \"" + label + "\")");
  }

  // ---- services and changes ----

  @Override
  public List<ServiceInfo> services(List<String> names) {
    String query = names.isEmpty() ? "" : "?names=" + enc(String.join(",", names));
    String what = "GET /v1/services";
    return result(call(get("/v1/services" + query), what), new TypeReference<>() {}, what);
  }

  @Override
  public Change start(List<String> names) {
    return serviceAction("start", names);
  }

  @Override
  public Change stop(List<String> names) {
    return serviceAction("stop", names);
  }

  @Override
  public Change restart(List<String> names) {
    return serviceAction("restart", names);
  }

  @Override
  public Change replan() {
    return serviceAction("replan", List.of());
  }

  private Change serviceAction(String action, List<String> names) {
    if (!action.equals("replan") && names.isEmpty()) {
      throw new IllegalArgumentException("no services to " + action + " given");
    }
    ObjectNode body = PebbleCodec.JSON.createObjectNode();
    body.put("action", action);
    ArrayNode services = body.putArray("services");
    names.forEach(services::add);
    JsonNode env = call(postJson("/v1/services", body), "POST /v1/services (" + action + ")");
    String changeId = env.path("change").asText("");
    if (changeId.isEmpty()) {
      throw new PebbleException(
          "Pebble of container \""
              + container
              + "\" accepted "
              + action
              + " but returned no change id");
    }
    return waitChange(changeId, CHANGE_TIMEOUT);
  }

  @Override
  public Change change(String id) {
    String what = "GET /v1/changes/" + id;
    return result(call(get("/v1/changes/" + enc(id)), what), Change.class, what);
  }

  @Override
  public List<Change> changes(ChangeSelect select) {
    String what = "GET /v1/changes?select=" + select.wire();
    return result(
        call(get("/v1/changes?select=" + select.wire()), what), new TypeReference<>() {}, what);
  }

  @Override
  public Change waitChange(String id, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String what = "GET /v1/changes/" + id + "/wait";
    while (true) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new PebbleException(
            "timed out after "
                + timeout.toSeconds()
                + "s waiting for change "
                + id
                + " in container \""
                + container
                + "\"");
      }
      Duration slice = Duration.ofNanos(Math.min(remaining, WAIT_SLICE.toNanos()));
      String goDuration = String.format(Locale.ROOT, "%.3fs", slice.toMillis() / 1000.0);
      HttpResponse response =
          send(
              get("/v1/changes/" + enc(id) + "/wait?timeout=" + goDuration),
              slice.plus(SOCKET_TIMEOUT));
      if (response.status() == 504) {
        continue; // Pebble's own wait timed out; ask again until our deadline.
      }
      Change change = result(envelope(response, what), Change.class, what);
      if (change.failed()) {
        throw new ChangeErrorException(change);
      }
      return change;
    }
  }

  // ---- exec ----

  @Override
  public ExecOutput exec(ExecRequest request) {
    String what = "exec of " + request.command();
    JsonNode env = call(postJson("/v1/exec", execBody(request)), what);
    String changeId = env.path("change").asText("");
    String taskId = env.path("result").path("task-id").asText("");
    if (changeId.isEmpty() || taskId.isEmpty()) {
      throw new PebbleException(
          "Pebble of container \""
              + container
              + "\" accepted the "
              + what
              + " but returned no change or task id");
    }
    Duration limit = request.timeout() == null ? NO_LIMIT : request.timeout().plus(EXEC_GRACE);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      transport.exec(taskId, request.stdin(), limit, stdout, stderr);
    } catch (WebSocket.UpgradeRefusedException e) {
      envelope(e.response(), what); // an error envelope throws here with Pebble's message
      throw new PebbleException(
          "Pebble of container \""
              + container
              + "\" refused the WebSocket of the "
              + what
              + " with HTTP "
              + e.response().status());
    } catch (SocketTimeoutException e) {
      throw new ExecTimeoutException(
          output(request, -1, stdout, stderr),
          limit,
          "Pebble of container \"" + container + "\" stopped sending its output",
          e);
    } catch (NoSuchFileException e) {
      throw new PebbleConnectionException(container, socketPath, e.getReason(), e);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new PebbleConnectionException(container, socketPath, what + ": " + reason, e);
    }
    Change change;
    try {
      change = waitChange(changeId, limit);
    } catch (ChangeErrorException e) {
      // Pebble's words when it kills a command at its timeout: "timed out after 1s: …".
      if (request.timeout() != null && e.err() != null && e.err().contains("timed out after")) {
        throw new ExecTimeoutException(
            output(request, -1, stdout, stderr), request.timeout(), e.err(), e);
      }
      throw e;
    }
    ExecOutput result = output(request, exitCode(change), stdout, stderr);
    if (result.exitCode() != 0) {
      throw new ExecException(result);
    }
    return result;
  }

  /** The request body as ops sends it: every field present, {@code null} where unset. */
  private static ObjectNode execBody(ExecRequest request) {
    ObjectNode body = PebbleCodec.JSON.createObjectNode();
    ArrayNode command = body.putArray("command");
    request.command().forEach(command::add);
    body.put("service-context", request.serviceContext());
    ObjectNode environment = body.putObject("environment");
    request.environment().forEach(environment::put);
    body.put("working-dir", request.workingDir());
    body.put(
        "timeout",
        request.timeout() == null
            ? null
            : String.format(Locale.ROOT, "%.3fs", request.timeout().toMillis() / 1000.0));
    body.put("user-id", request.userId());
    body.put("user", request.user());
    body.put("group-id", request.groupId());
    body.put("group", request.group());
    body.put("split-stderr", true);
    return body;
  }

  private static ExecOutput output(
      ExecRequest request,
      int exitCode,
      ByteArrayOutputStream stdout,
      ByteArrayOutputStream stderr) {
    return new ExecOutput(request.command(), exitCode, stdout.toByteArray(), stderr.toByteArray());
  }

  /** {@code tasks[0].data["exit-code"]}, or -1 when Pebble reported none (as ops reads it). */
  private static int exitCode(Change change) {
    if (change.tasks().isEmpty()) {
      return -1;
    }
    Object code = change.tasks().get(0).data().get("exit-code");
    return code instanceof Number n ? n.intValue() : -1;
  }

  // ---- files ----

  @Override
  public void push(String path, byte[] content, PushOptions options) {
    requireAbsolute(path);
    ObjectNode file = PebbleCodec.JSON.createObjectNode();
    file.put("path", path);
    if (options.makeDirs()) {
      file.put("make-dirs", true);
    }
    if (options.permissions() != null) {
      file.put("permissions", options.permissions());
    }
    if (options.userId() != null) {
      file.put("user-id", options.userId());
    }
    if (options.user() != null) {
      file.put("user", options.user());
    }
    if (options.groupId() != null) {
      file.put("group-id", options.groupId());
    }
    if (options.group() != null) {
      file.put("group", options.group());
    }
    ObjectNode request = PebbleCodec.JSON.createObjectNode();
    request.put("action", "write");
    request.putArray("files").add(file);
    String boundary = MultipartBody.newBoundary();
    byte[] body = MultipartBody.push(boundary, toJson(request), path, content);
    // Unquoted, as in the transcript: a hex boundary needs no quoting (Pebble accepts both).
    HttpRequest post =
        HttpRequest.post("/v1/files", JSON_TYPE, MULTIPART_TYPE + "; boundary=" + boundary, body);
    String what = "push of " + path;
    checkPathResults(call(post, what), what);
  }

  @Override
  public byte[] pull(String path) {
    requireAbsolute(path);
    String what = "pull of " + path;
    HttpResponse raw =
        send(HttpRequest.get("/v1/files?action=read&path=" + enc(path), MULTIPART_TYPE), null);
    String boundary = MultipartBody.boundaryOf(raw.contentType());
    if (boundary == null) {
      envelope(raw, what); // an error envelope throws here with Pebble's message
      throw new PebbleException(
          "Pebble of container \"" + container + "\" answered the " + what + " without multipart");
    }
    List<MultipartBody.Part> parts;
    try {
      parts = MultipartBody.parse(raw.body(), boundary);
    } catch (IllegalArgumentException e) {
      throw new PebbleException(
          "malformed multipart reply from Pebble of container \""
              + container
              + "\" to the "
              + what
              + ": "
              + e.getMessage(),
          e);
    }
    byte[] content = null;
    JsonNode envelope = null;
    for (MultipartBody.Part part : parts) {
      String name = part.disposition("name");
      if ("files".equals(name) && path.equals(part.disposition("filename"))) {
        content = part.content();
      } else if ("response".equals(name)) {
        envelope = envelope(raw.status(), JSON_TYPE, part.content(), what);
      }
    }
    if (envelope == null) {
      throw new PebbleException(
          "Pebble of container \"" + container + "\" sent no response part for the " + what);
    }
    checkPathResults(envelope, what);
    if (content == null) {
      throw new PebbleException(
          "Pebble of container \"" + container + "\" sent no content for the " + what);
    }
    return content;
  }

  @Override
  public List<FileInfo> listFiles(String path, String pattern, boolean itself) {
    requireAbsolute(path);
    StringBuilder query = new StringBuilder("/v1/files?action=list&path=").append(enc(path));
    if (pattern != null) {
      query.append("&pattern=").append(enc(pattern));
    }
    if (itself) {
      query.append("&itself=true");
    }
    String what = "list of " + path;
    try {
      return result(call(get(query.toString()), what), new TypeReference<>() {}, what);
    } catch (PebbleApiException e) {
      if ("not-found".equals(e.kind())) {
        throw new PathNotFoundException(path, e.apiMessage());
      }
      throw e;
    }
  }

  @Override
  public void makeDir(String path, boolean makeParents, String permissions) {
    requireAbsolute(path);
    ObjectNode dir = PebbleCodec.JSON.createObjectNode();
    dir.put("path", path);
    if (makeParents) {
      dir.put("make-parents", true);
    }
    if (permissions != null) {
      dir.put("permissions", permissions);
    }
    ObjectNode body = PebbleCodec.JSON.createObjectNode();
    body.put("action", "make-dirs");
    body.putArray("dirs").add(dir);
    String what = "make-dirs of " + path;
    checkPathResults(call(postJson("/v1/files", body), what), what);
  }

  @Override
  public void remove(String path, boolean recursive) {
    requireAbsolute(path);
    ObjectNode item = PebbleCodec.JSON.createObjectNode();
    item.put("path", path);
    if (recursive) {
      item.put("recursive", true);
    }
    ObjectNode body = PebbleCodec.JSON.createObjectNode();
    body.put("action", "remove");
    body.putArray("paths").add(item);
    String what = "remove of " + path;
    checkPathResults(call(postJson("/v1/files", body), what), what);
  }

  /** Throws for the first per-path error in a {@code [{"path","error"?}]} result. */
  private void checkPathResults(JsonNode env, String what) {
    JsonNode result = env.path("result");
    if (!result.isArray()) {
      throw malformed(what, null);
    }
    for (JsonNode item : result) {
      JsonNode error = item.get("error");
      if (error != null && !error.isNull()) {
        String path = item.path("path").asText();
        String message = error.path("message").asText("(no message)");
        String kind = error.hasNonNull("kind") ? error.get("kind").asText() : null;
        if ("not-found".equals(kind)) {
          throw new PathNotFoundException(path, message);
        }
        throw new PathErrorException(path, kind, message);
      }
    }
  }

  private static void requireAbsolute(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("Pebble paths must be absolute, not \"" + path + "\"");
    }
  }

  // ---- checks ----

  @Override
  public List<CheckInfo> checks(String level, List<String> names) {
    List<String> params = new ArrayList<>();
    if (level != null) {
      params.add("level=" + enc(level));
    }
    for (String name : names) {
      params.add("names=" + enc(name));
    }
    String query = params.isEmpty() ? "" : "?" + String.join("&", params);
    String what = "GET /v1/checks";
    return result(call(get("/v1/checks" + query), what), new TypeReference<>() {}, what);
  }

  @Override
  public String toString() {
    return "PebbleClient[" + container + " at " + socketPath + "]";
  }
}
