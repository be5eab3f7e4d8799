package io.charmkit.testing.pebble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.ops.pebble.Change;
import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.Service;
import io.charmkit.ops.pebble.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An in-process Pebble for tests: speaks the documented Pebble API (PEBBLE.md) over a real unix
 * domain socket, so the production client and packaged charms talk to it exactly as to Pebble.
 *
 * <p>Services are simulated, not run: starting one marks it active, unless its command's binary is
 * {@code /bin/false} or exists neither under the container root nor on the host, or a failure was
 * scripted with {@link #failNextStart}; then the change fails with Pebble's wording. Files live
 * under the given root directory. Every configured check reports {@code up} and, as in Pebble 1.14,
 * owns a {@code perform-check} change that never finishes.
 *
 * <p>Exec ({@code POST /v1/exec} and the task's WebSockets) runs no process: commands are answered
 * by {@linkplain #onExec handlers} registered per command prefix. A command no handler's prefix
 * matches does not exist, and is refused as Pebble refuses a missing executable (400 {@code cannot
 * find executable "x"}). The control socket's signals are read and ignored.
 *
 * <p>Not implemented yet: signals, notices, identities.
 */
public final class PebbleServer implements AutoCloseable {
  /** Where a bare command name is looked up, as a container's default {@code PATH}. */
  private static final List<String> PATH =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  /** Pebble waits indefinitely without a timeout; the test server caps that. */
  private static final long MAX_WAIT_MILLIS = 10 * 60 * 1000L;

  private final Path socketPath;
  private final Path rootDir;
  private final FilesApi files;
  private final String bootId = UUID.randomUUID().toString();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private UnixHttpServer http;

  // State below is guarded by "this"; change waiters wait on it too.
  private final Map<String, ObjectNode> layers = new LinkedHashMap<>();
  private Plan plan = Plan.empty();
  private final Map<String, ServiceState> services = new TreeMap<>();
  private final Map<String, Change> changes = new LinkedHashMap<>();
  private final Map<String, String> checkChanges = new LinkedHashMap<>();
  private final Map<String, String> failNext = new LinkedHashMap<>();
  private int nextChangeId = 1;
  private int nextTaskId = 1;
  private final Map<List<String>, ExecHandler> execHandlers = new LinkedHashMap<>();
  private final Map<String, ExecSession> execSessions = new LinkedHashMap<>();
  private final List<ExecRequest> execs = new ArrayList<>();

  /** The simulated state of one service. */
  private static final class ServiceState {
    String current = "inactive";
    String since;
    Service startedWith;
  }

  private PebbleServer(Path socketPath, Path rootDir) throws IOException {
    this.socketPath = socketPath;
    this.rootDir = rootDir;
    this.files = new FilesApi(rootDir);
  }

  private boolean assumeImageBinaries;

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
      PebbleServer server = new PebbleServer(socketPath, rootDir);
      server.http = UnixHttpServer.start(socketPath, server::handle);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test Pebble on " + socketPath, e);
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

  /** The current combined plan. */
  public synchronized Plan plan() {
    return plan;
  }

  /** Each planned service's status: {@code active}, {@code inactive}, {@code error}, … */
  public synchronized Map<String, String> serviceStatuses() {
    Map<String, String> out = new TreeMap<>();
    for (String name : plan.services().keySet()) {
      out.put(name, state(name).current);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Makes the next start of {@code service} fail with {@code error} as the task's reason, e.g.
   * {@code "cannot start service: exited quickly with code 1"}.
   */
  public synchronized void failNextStart(String service, String error) {
    failNext.put(service, error);
  }

  /**
   * Makes commands starting with {@code prefix} exist, answered by {@code handler}; the longest
   * matching prefix wins, and a later registration of the same prefix replaces the earlier one.
   * This is how tests stand in for the workload's programs (the test Pebble runs no process).
   */
  public synchronized void onExec(List<String> prefix, ExecHandler handler) {
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("an exec handler needs a command prefix");
    }
    execHandlers.put(List.copyOf(prefix), handler);
  }

  /**
   * Every command run so far, in the order they finished: the request as the client sent it, with
   * the stdin that arrived (empty when none).
   */
  public synchronized List<ExecRequest> execs() {
    return List.copyOf(execs);
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
    if (http != null) {
      http.close();
    }
    synchronized (this) {
      execSessions.values().forEach(ExecSession::stop);
      notifyAll(); // release any waiter so its thread can end
    }
  }

  // ---- routing ----

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
        ObjectNode info = Envelope.JSON.createObjectNode();
        info.put("boot-id", bootId);
        info.put("version", "v1.14.1");
        return Envelope.sync(info);
      case "/v1/health":
        requireMethod(r, "GET");
        return Envelope.sync(Map.of("healthy", true));
      case "/v1/plan":
        requireMethod(r, "GET");
        return getPlan(r);
      case "/v1/layers":
        requireMethod(r, "POST");
        return addLayer(r);
      case "/v1/services":
        requireMethod(r, "GET", "POST");
        return r.method().equals("GET") ? getServices(r) : postServices(r);
      case "/v1/checks":
        requireMethod(r, "GET");
        return getChecks(r);
      case "/v1/changes":
        requireMethod(r, "GET");
        return listChanges(r);
      case "/v1/files":
        requireMethod(r, "GET", "POST");
        return r.method().equals("GET") ? files.get(r) : files.post(r);
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
        return waitChange(rest.substring(0, rest.length() - "/wait".length()), r);
      }
      if (!rest.contains("/")) {
        return Envelope.sync(findChange(rest));
      }
    }
    throw ApiError.notFound("invalid API endpoint requested");
  }

  private static void requireMethod(HttpRequest r, String... allowed) {
    if (!Arrays.asList(allowed).contains(r.method())) {
      throw new ApiError(405, "method \"" + r.method() + "\" not allowed", null);
    }
  }

  private static JsonNode jsonBody(HttpRequest r) {
    try {
      JsonNode node = Envelope.JSON.readTree(r.body());
      if (node == null || !node.isObject()) {
        throw ApiError.badRequest("cannot decode request body: not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw ApiError.badRequest("cannot decode request body: invalid JSON");
    }
  }

  // ---- plan and layers ----

  private synchronized HttpResponse getPlan(HttpRequest r) {
    String format = r.param("format");
    if (!"yaml".equals(format)) {
      throw ApiError.badRequest("invalid format \"" + (format == null ? "" : format) + "\"");
    }
    return Envelope.sync(LayerCombiner.render(plan));
  }

  private synchronized HttpResponse addLayer(HttpRequest r) {
    JsonNode body = jsonBody(r);
    String action = body.path("action").asText("");
    if (!action.equals("add")) {
      throw ApiError.badRequest("invalid action \"" + action + "\"");
    }
    String label = body.path("label").asText("");
    if (label.isEmpty()) {
      throw ApiError.badRequest("label must be set");
    }
    String format = body.path("format").asText("");
    if (!format.equals("yaml")) {
      throw ApiError.badRequest("invalid format \"" + format + "\"");
    }
    ObjectNode layer = LayerCombiner.parse(label, body.path("layer").asText(""));
    boolean combine = body.path("combine").asBoolean(false);
    if (layers.containsKey(label) && !combine) {
      throw ApiError.badRequest("layer \"" + label + "\" already exists");
    }
    Map<String, ObjectNode> next = new LinkedHashMap<>(layers);
    next.put(
        label, layers.containsKey(label) ? LayerCombiner.combine(layers.get(label), layer) : layer);
    ObjectNode combined = Envelope.JSON.createObjectNode();
    for (ObjectNode each : next.values()) {
      combined = LayerCombiner.combine(combined, each);
    }
    Plan newPlan = LayerCombiner.toPlan(combined); // throws before anything is stored
    layers.clear();
    layers.putAll(next);
    plan = newPlan;
    for (Map.Entry<String, Check> check : plan.checks().entrySet()) {
      checkChanges.computeIfAbsent(check.getKey(), name -> performCheck(name, check.getValue()));
    }
    return Envelope.sync(true);
  }

  /** Pebble 1.14 runs each check as a change that stays "Doing" while the check exists. */
  private String performCheck(String name, Check check) {
    String type = check.http() != null ? "http" : check.tcp() != null ? "tcp" : "exec";
    String summary = "Perform " + type + " check \"" + name + "\"";
    String now = now();
    Task task =
        new Task(
            Integer.toString(nextTaskId++),
            "perform-check",
            summary,
            "Doing",
            null,
            new Task.Progress("", 1, 1),
            now,
            null,
            null);
    String id = Integer.toString(nextChangeId++);
    changes.put(
        id,
        new Change(id, "perform-check", summary, "Doing", List.of(task), false, null, now, null));
    return id;
  }

  // ---- services ----

  private ServiceState state(String name) {
    return services.computeIfAbsent(name, n -> new ServiceState());
  }

  private synchronized HttpResponse getServices(HttpRequest r) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String value : r.params("names")) {
      for (String name : value.split(",")) {
        if (!name.isBlank()) {
          wanted.add(name.trim());
        }
      }
    }
    ArrayNode out = Envelope.JSON.createArrayNode();
    for (Map.Entry<String, Service> entry : new TreeMap<>(plan.services()).entrySet()) {
      String name = entry.getKey();
      if (!wanted.isEmpty() && !wanted.contains(name)) {
        continue; // unknown names are silently omitted, as Pebble does
      }
      ServiceState s = state(name);
      ObjectNode info = out.addObject();
      info.put("name", name);
      info.put("startup", "enabled".equals(entry.getValue().startup()) ? "enabled" : "disabled");
      info.put("current", s.current);
      if (s.since != null) {
        info.put("current-since", s.since);
      }
    }
    return Envelope.sync(out);
  }

  private synchronized HttpResponse postServices(HttpRequest r) {
    JsonNode body = jsonBody(r);
    String action = body.path("action").asText("");
    List<String> names = new ArrayList<>();
    body.path("services").forEach(n -> names.add(n.asText()));
    Change change;
    switch (action) {
      case "start", "stop", "restart" -> {
        if (names.isEmpty()) {
          throw ApiError.badRequest("no services to " + action + " provided");
        }
        for (String name : names) {
          if (!plan.services().containsKey(name)) {
            throw ApiError.badRequest(
                "cannot " + action + " services: service \"" + name + "\" does not exist");
          }
        }
        change = runChange(action, names, action.equals("start") ? List.of() : names, names);
      }
      case "replan", "autostart" -> {
        if (!names.isEmpty()) {
          throw ApiError.badRequest(action + " accepts no service names");
        }
        change = action.equals("replan") ? replan() : autostart();
      }
      default -> throw ApiError.badRequest("action \"" + action + "\" is unsupported");
    }
    notifyAll();
    return Envelope.async(change.id());
  }

  private Change replan() {
    List<String> stop = new ArrayList<>();
    List<String> start = new ArrayList<>();
    for (Map.Entry<String, Service> entry : new TreeMap<>(plan.services()).entrySet()) {
      ServiceState s = state(entry.getKey());
      boolean running = s.current.equals("active");
      boolean changed = running && !entry.getValue().equals(s.startedWith);
      if (changed) {
        stop.add(entry.getKey());
      }
      if (changed || (!running && "enabled".equals(entry.getValue().startup()))) {
        start.add(entry.getKey());
      }
    }
    return runChange("replan", start, stop, start);
  }

  private Change autostart() {
    List<String> start = new ArrayList<>();
    for (Map.Entry<String, Service> entry : new TreeMap<>(plan.services()).entrySet()) {
      if ("enabled".equals(entry.getValue().startup())) {
        start.add(entry.getKey());
      }
    }
    if (start.isEmpty()) {
      throw new ApiError(400, "no default services", "no-default-services");
    }
    start.removeIf(name -> state(name).current.equals("active"));
    return runChange("autostart", start, List.of(), start);
  }

  /**
   * Records a finished change: stop tasks for {@code stop}, then start tasks for the services in
   * {@code named} that are being started ({@code stop} for a stop change starts nothing).
   */
  private Change runChange(String kind, List<String> named, List<String> stop, List<String> start) {
    String spawn = now();
    List<Task> tasks = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (String name : stop) {
      tasks.add(stopTask(name));
    }
    if (!kind.equals("stop")) {
      for (String name : start) {
        Task task = startTask(name);
        tasks.add(task);
        if (task.status().equals("Error")) {
          failures.add(task.summary() + " (" + reasonOf(task) + ")");
        }
      }
    }
    String id = Integer.toString(nextChangeId++);
    String err =
        failures.isEmpty()
            ? null
            : "cannot perform the following tasks:\n- " + String.join("\n- ", failures);
    Change change =
        new Change(
            id,
            kind,
            summary(kind, named),
            failures.isEmpty() ? "Done" : "Error",
            tasks,
            true,
            err,
            spawn,
            now());
    changes.put(id, change);
    return change;
  }

  private static String reasonOf(Task task) {
    String last = task.log().get(task.log().size() - 1);
    int at = last.indexOf(" ERROR ");
    return at < 0 ? last : last.substring(at + " ERROR ".length());
  }

  private static String summary(String kind, List<String> names) {
    String verb = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    if (names.isEmpty()) {
      return verb + " - no services";
    }
    List<String> quoted = names.stream().map(n -> "\"" + n + "\"").toList();
    return verb + " service " + String.join(", ", quoted);
  }

  private Task stopTask(String name) {
    String spawn = now();
    ServiceState s = state(name);
    if (!s.current.equals("inactive")) {
      s.current = "inactive";
      s.since = now();
    }
    s.startedWith = null;
    return doneTask("stop", "Stop service \"" + name + "\"", spawn, null);
  }

  private Task startTask(String name) {
    String spawn = now();
    ServiceState s = state(name);
    String summary = "Start service \"" + name + "\"";
    if (s.current.equals("active")) {
      return doneTask("start", summary, spawn, null);
    }
    Service config = plan.services().get(name);
    String failure = failNext.remove(name);
    if (failure == null) {
      failure = commandProblem(config.command());
    }
    s.since = now();
    if (failure != null) {
      s.current = "error";
      String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " ERROR " + failure;
      return doneTask("start", summary, spawn, List.of(line));
    }
    s.current = "active";
    s.startedWith = config;
    return doneTask("start", summary, spawn, null);
  }

  private Task doneTask(String kind, String summary, String spawn, List<String> errorLog) {
    return new Task(
        Integer.toString(nextTaskId++),
        kind,
        summary,
        errorLog == null ? "Done" : "Error",
        errorLog,
        new Task.Progress("", 1, 1),
        spawn,
        now(),
        null);
  }

  /**
   * Treats every service binary that is not found as present in the workload image. The embedded
   * Juju runs charms whose workload images (Tempo, nginx, …) do not exist on this machine: their
   * services are simulated, so they start as long as nothing says otherwise ({@code /bin/false},
   * {@link #failNextStart}). Off by default, so client tests see Pebble's real refusals.
   */
  public void assumeImageBinaries(boolean assume) {
    synchronized (this) {
      assumeImageBinaries = assume;
    }
  }

  /** Pebble's reason for a command that cannot run, or null when it would start. */
  private String commandProblem(String command) {
    String[] words = command.trim().split("\\s+");
    String binary = words[0].replace("\"", "").replace("'", "");
    if (binary.equals("/bin/false") || binary.equals("/usr/bin/false") || binary.equals("false")) {
      return "cannot start service: exited quickly with code 1";
    }
    if (assumeImageBinaries) {
      return null;
    }
    if (binary.startsWith("/")) {
      return exists(binary)
          ? null
          : "cannot start service: fork/exec " + binary + ": no such file or directory";
    }
    for (String dir : PATH) {
      if (exists(dir + "/" + binary)) {
        return null;
      }
    }
    return "cannot start service: exec: \"" + binary + "\": executable file not found in $PATH";
  }

  private boolean exists(String containerPath) {
    Path inRoot = rootDir.resolve(containerPath.substring(1)).normalize();
    return (inRoot.startsWith(rootDir) && Files.exists(inRoot))
        || Files.isExecutable(Path.of(containerPath));
  }

  // ---- changes ----

  private Change findChange(String id) {
    synchronized (this) {
      Change change = changes.get(id);
      if (change == null) {
        throw ApiError.notFound("cannot find change with id \"" + id + "\"");
      }
      return change;
    }
  }

  private synchronized HttpResponse listChanges(HttpRequest r) {
    String select = r.param("select") == null ? "in-progress" : r.param("select");
    List<Change> out = new ArrayList<>();
    for (Change change : changes.values()) {
      boolean keep =
          switch (select) {
            case "all" -> true;
            case "ready" -> change.ready();
            case "in-progress" -> !change.ready();
            default -> throw ApiError.badRequest("select should be one of: all,in-progress,ready");
          };
      if (keep) {
        out.add(change);
      }
    }
    return Envelope.sync(out);
  }

  private synchronized HttpResponse waitChange(String id, HttpRequest r) {
    String timeoutText = r.param("timeout");
    long timeout = timeoutText == null ? MAX_WAIT_MILLIS : GoDuration.parseMillis(timeoutText);
    long deadline = System.nanoTime() + timeout * 1_000_000L;
    Change change = findChange(id);
    while (!change.ready()) {
      long remaining = (deadline - System.nanoTime()) / 1_000_000L;
      if (remaining <= 0 || !isOpen()) {
        throw new ApiError(
            504, "timed out waiting for change after " + GoDuration.format(timeout), null);
      }
      try {
        wait(remaining);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiError(504, "wait interrupted", null);
      }
      change = findChange(id);
    }
    return Envelope.sync(change);
  }

  private boolean isOpen() {
    return http != null && Files.exists(socketPath);
  }

  // ---- exec ----

  /** Pebble's default {@code PATH} for commands, when neither context nor request sets one. */
  private static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private synchronized HttpResponse exec(HttpRequest r) {
    JsonNode body = jsonBody(r);
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
    ExecHandler handler = execHandler(command);
    if (handler == null) {
      throw ApiError.badRequest("cannot find executable \"" + command.get(0) + "\"");
    }
    String requestedDir = text(body, "working-dir");
    if (requestedDir != null && !requestedDir.isEmpty() && !isDirectory(requestedDir)) {
      throw ApiError.badRequest("cannot find working directory \"" + requestedDir + "\"");
    }
    Map<String, String> requestedEnv = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : body.path("environment").properties()) {
      requestedEnv.put(e.getKey(), e.getValue().asText());
    }
    String context = text(body, "service-context");
    Map<String, String> environment = new TreeMap<>();
    String workingDir = requestedDir;
    if (context != null && !context.isEmpty()) {
      Service service = plan.services().get(context);
      if (service == null) {
        throw ApiError.badRequest("context service \"" + context + "\" not found");
      }
      environment.putAll(service.environment());
      if (workingDir == null || workingDir.isEmpty()) {
        workingDir = service.workingDir();
      }
    }
    environment.putAll(requestedEnv);
    environment.putIfAbsent("PATH", DEFAULT_PATH);
    // The test Pebble runs as root, as Pebble does in a workload container.
    if (environment.getOrDefault("HOME", "").isEmpty()) {
      environment.put("HOME", "/root");
    }
    if (environment.getOrDefault("USER", "").isEmpty()) {
      environment.put("USER", "root");
    }
    environment.putIfAbsent("LANG", "C.UTF-8");
    if (workingDir == null || workingDir.isEmpty()) {
      workingDir = environment.get("HOME");
    }
    ExecRequest request =
        new ExecRequest(
            command,
            requestedEnv,
            requestedDir,
            timeoutMillis > 0 ? Duration.ofMillis(timeoutMillis) : null,
            body.hasNonNull("user-id") ? body.get("user-id").asInt() : null,
            text(body, "user"),
            body.hasNonNull("group-id") ? body.get("group-id").asInt() : null,
            text(body, "group"),
            context,
            null);

    String now = now();
    String taskId = Integer.toString(nextTaskId++);
    String changeId = Integer.toString(nextChangeId++);
    Task task =
        new Task(
            taskId,
            "exec",
            "exec command \"" + command.get(0) + "\"",
            "Doing",
            null,
            new Task.Progress("", 0, 1),
            now,
            null,
            null);
    changes.put(
        changeId,
        new Change(
            changeId,
            "exec",
            "Execute command \"" + command.get(0) + "\"",
            "Doing",
            List.of(task),
            false,
            null,
            now,
            null));
    ExecSession session =
        new ExecSession(
            changeId,
            taskId,
            request,
            environment,
            workingDir,
            body.path("split-stderr").asBoolean(false),
            handler,
            timeoutMillis,
            this::execFinished);
    execSessions.put(taskId, session);
    session.start();
    ObjectNode result = Envelope.JSON.createObjectNode();
    result.set("environment", Envelope.JSON.valueToTree(environment));
    result.put("task-id", taskId);
    result.put("working-dir", workingDir);
    return Envelope.async(changeId, result);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The handler with the longest prefix of {@code command}, or null. */
  private ExecHandler execHandler(List<String> command) {
    List<String> best = null;
    for (List<String> prefix : execHandlers.keySet()) {
      boolean matches =
          prefix.size() <= command.size() && command.subList(0, prefix.size()).equals(prefix);
      if (matches && (best == null || prefix.size() > best.size())) {
        best = prefix;
      }
    }
    return best == null ? null : execHandlers.get(best);
  }

  private boolean isDirectory(String containerPath) {
    if (!containerPath.startsWith("/")) {
      return false;
    }
    Path local = rootDir.resolve(containerPath.substring(1)).normalize();
    return local.startsWith(rootDir) && Files.isDirectory(local);
  }

  private HttpResponse webSocket(String taskId, String id, HttpRequest r) {
    ExecSession session;
    synchronized (this) {
      session = execSessions.get(taskId);
      if (session == null) {
        Task task = findTask(taskId);
        if (task == null) {
          throw ApiError.notFound("cannot find task with id \"" + taskId + "\"");
        }
        if (!task.kind().equals("exec")) {
          throw ApiError.badRequest("\"" + task.kind() + "\" tasks do not have websockets");
        }
        throw ApiError.notFound("exec task \"" + taskId + "\" has finished");
      }
      if (!session.expects(id)) {
        throw ApiError.notFound("websocket \"" + id + "\" not found");
      }
      if (session.connected(id)) {
        throw ApiError.badRequest("websocket \"" + id + "\" already connected");
      }
    }
    String key = r.header("sec-websocket-key");
    String upgrade = r.header("upgrade");
    String connection = r.header("connection");
    if (key == null
        || upgrade == null
        || !upgrade.equalsIgnoreCase("websocket")
        || connection == null
        || !connection.toLowerCase(java.util.Locale.ROOT).contains("upgrade")
        || !"13".equals(r.header("sec-websocket-version"))) {
      // Gorilla's wording, which Pebble passes on as plain text.
      return HttpResponse.text(400, "websocket: the client is not using the websocket protocol\n");
    }
    return HttpResponse.webSocket(
        ServerWebSocket.accept(key), (in, out) -> session.serve(id, new ServerWebSocket(in, out)));
  }

  private Task findTask(String taskId) {
    for (Change change : changes.values()) {
      for (Task task : change.tasks()) {
        if (task.id().equals(taskId)) {
          return task;
        }
      }
    }
    return null;
  }

  /** Records the end of an exec as Pebble does: exit code in the task data, or a failed change. */
  private synchronized void execFinished(ExecSession session, int exitCode, String failure) {
    execSessions.remove(session.taskId());
    execs.add(session.recorded());
    Change before = changes.get(session.changeId());
    Task task = before.tasks().get(0);
    String now = now();
    List<String> log =
        failure == null
            ? null
            : List.of(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " ERROR " + failure);
    Task after =
        new Task(
            task.id(),
            task.kind(),
            task.summary(),
            failure == null ? "Done" : "Error",
            log,
            new Task.Progress("", 1, 1),
            task.spawnTime(),
            now,
            Map.of("exit-code", exitCode));
    changes.put(
        before.id(),
        new Change(
            before.id(),
            before.kind(),
            before.summary(),
            failure == null ? "Done" : "Error",
            List.of(after),
            true,
            failure == null
                ? null
                : "cannot perform the following tasks:\n- " + task.summary() + " (" + failure + ")",
            before.spawnTime(),
            now));
    notifyAll();
  }

  // ---- checks ----

  private synchronized HttpResponse getChecks(HttpRequest r) {
    String level = r.param("level");
    Set<String> names = new LinkedHashSet<>();
    for (String value : r.params("names")) {
      names.addAll(Arrays.asList(value.split(",")));
    }
    names.remove("");
    ArrayNode out = Envelope.JSON.createArrayNode();
    for (Map.Entry<String, Check> entry : new TreeMap<>(plan.checks()).entrySet()) {
      Check check = entry.getValue();
      if (level != null && !level.equals(check.level())) {
        continue;
      }
      if (!names.isEmpty() && !names.contains(entry.getKey())) {
        continue;
      }
      ObjectNode info = out.addObject();
      info.put("name", entry.getKey());
      if (check.level() != null && !check.level().isEmpty()) {
        info.put("level", check.level());
      }
      info.put("status", "up");
      info.put("threshold", check.threshold() == null ? 3 : check.threshold());
      String changeId = checkChanges.get(entry.getKey());
      if (changeId != null) {
        info.put("change-id", changeId);
      }
    }
    return Envelope.sync(out);
  }

  private static String now() {
    return Instant.now().toString();
  }
}
