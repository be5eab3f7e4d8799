package io.charmkit.testing.pebble;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.ops.pebble.Change;
import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.CheckInfo;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.Service;
import io.charmkit.ops.pebble.ServiceInfo;
import io.charmkit.ops.pebble.SystemInfo;
import io.charmkit.ops.pebble.Task;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one simulated Pebble: the state and rules of a workload container's Pebble v1.14.1 (layers
 * and plan, services, changes, checks, files, exec), behind both front ends, the unix-socket HTTP
 * {@link PebbleServer} and the {@link InProcessTransport} of state-transition tests. Each method is
 * one API operation; errors are {@link io.charmkit.ops.pebble.PebbleApiException}s (the envelope
 * Pebble would send) or, per path, {@link io.charmkit.ops.pebble.PathErrorException}s.
 *
 * <p>Services are simulated, not run. Whether one starts is decided by the container's {@link
 * ContainerImage}: a command whose program the image lacks fails with Pebble's change error and
 * task log, a program that exits at once fails with {@code exited quickly}, and a failing start in
 * a multi-service change leaves the later starts on {@code Hold} (PEBBLE.md, "Workload faults").
 * Commands run through {@code exec} are answered by {@linkplain #onExec handlers}; a command no
 * handler matches does not exist. A check reports the status a test set; otherwise an {@code http}
 * or {@code tcp} check is {@code down} (at its threshold) while no service is active, since nothing
 * answers its probe, and {@code up} once one is. As in Pebble 1.14 each check owns a {@code
 * perform-check} change that never finishes.
 *
 * <p>Thread-safe: every operation holds the engine's lock; change waiters wait on it.
 */
public final class PebbleEngine {
  /** Pebble's default {@code PATH} for commands, when neither context nor request sets one. */
  static final String DEFAULT_PATH = String.join(":", ContainerImage.PATH);

  private final ContainerFiles files;
  private final String bootId;
  private Supplier<ContainerImage> image = ContainerImage::empty;
  private final Map<String, ObjectNode> layers = new LinkedHashMap<>();
  private Plan plan = Plan.empty();
  private final Map<String, ServiceState> services = new TreeMap<>();
  private final Map<String, Change> changes = new LinkedHashMap<>();
  private final Map<String, String> checkChanges = new LinkedHashMap<>();
  private final Map<String, Integer> checkFailures = new TreeMap<>();
  private final Map<String, String> failNext = new LinkedHashMap<>();
  private int nextChangeId = 1;
  private int nextTaskId = 1;
  private final Map<List<String>, ExecHandler> execHandlers = new LinkedHashMap<>();
  private final List<ExecRequest> execs = new ArrayList<>();

  /** The simulated state of one service. */
  private static final class ServiceState {
    String current = "inactive";
    String since;
    Service startedWith;
  }

  /**
   * A Pebble whose container's root filesystem is {@code rootDir} (created if missing).
   *
   * @param bootId what system-info reports as the boot id
   */
  public PebbleEngine(Path rootDir, String bootId) {
    try {
      this.files = new ContainerFiles(rootDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the container root " + rootDir, e);
    }
    this.bootId = bootId;
  }

  /** A Pebble rooted at {@code rootDir} with a random boot id. */
  public PebbleEngine(Path rootDir) {
    this(rootDir, UUID.randomUUID().toString());
  }

  // ---- setup, for tests and front ends ----

  /** The container's files. */
  public ContainerFiles files() {
    return files;
  }

  /** Sets the image the container runs, read at each start and exec. */
  public synchronized void image(ContainerImage fixed) {
    this.image = () -> fixed;
  }

  /**
   * Sets where the image comes from, asked at each start: a test can replace a broken image (a new
   * image resource, an upgrade) and the next start sees the fix.
   */
  public synchronized void image(Supplier<ContainerImage> source) {
    this.image = source;
  }

  /** Puts a service in {@code status}, as a test's starting state. */
  public synchronized void serviceStatus(String service, String status) {
    ServiceState s = state(service);
    s.current = status;
    s.startedWith = "active".equals(status) ? plan.services().get(service) : null;
  }

  /**
   * Sets a check {@code up} or {@code down}; down reports {@code failures} consecutive failures.
   */
  public synchronized void checkStatus(String check, String status, int failures) {
    checkFailures.put(check, "down".equals(status) ? Math.max(1, failures) : 0);
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
   */
  public synchronized void onExec(List<String> prefix, ExecHandler handler) {
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("an exec handler needs a command prefix");
    }
    execHandlers.put(List.copyOf(prefix), handler);
  }

  /** Every command run so far, in the order they finished, with the stdin that arrived. */
  public synchronized List<ExecRequest> execs() {
    return List.copyOf(execs);
  }

  // ---- system, plan, layers ----

  /** What {@code GET /v1/system-info} answers. */
  public SystemInfo systemInfo() {
    return new SystemInfo(bootId, "v1.14.1");
  }

  /** The combined plan. */
  public synchronized Plan plan() {
    return plan;
  }

  /** The layers by label, as JSON trees, in the order they were added. */
  public synchronized Map<String, ObjectNode> layers() {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    layers.forEach((label, layer) -> out.put(label, layer.deepCopy()));
    return Collections.unmodifiableMap(out);
  }

  /** Adds a layer given as YAML text, as {@code POST /v1/layers} does. */
  public void addLayer(String label, String yaml, boolean combine) {
    if (label.isEmpty()) {
      throw Envelope.badRequest("label must be set");
    }
    addLayer(label, LayerCombiner.parse(label, yaml), combine);
  }

  /** Adds a layer given as a typed value (turned into the same tree the YAML would give). */
  public void addLayer(String label, Object layer, boolean combine) {
    addLayer(label, (ObjectNode) Envelope.JSON.valueToTree(layer), combine);
  }

  private synchronized void addLayer(String label, ObjectNode layer, boolean combine) {
    Envelope.refuseIf(LayerCombiner.layerProblem(label, layer));
    if (layers.containsKey(label) && !combine) {
      throw Envelope.badRequest("layer \"" + label + "\" already exists");
    }
    Map<String, ObjectNode> next = new LinkedHashMap<>(layers);
    next.merge(label, layer, LayerCombiner::combine);
    ObjectNode combined =
        next.values().stream().reduce(Envelope.JSON.createObjectNode(), LayerCombiner::combine);
    Plan newPlan = LayerCombiner.toPlan(combined); // throws before anything is stored
    layers.clear();
    layers.putAll(next);
    plan = newPlan;
    for (Map.Entry<String, Check> check : plan.checks().entrySet()) {
      checkChanges.computeIfAbsent(check.getKey(), name -> performCheck(name, check.getValue()));
    }
  }

  /** Pebble 1.14 runs each check as a change that stays "Doing" while the check exists. */
  private String performCheck(String name, Check check) {
    String type = check.http() != null ? "http" : check.tcp() != null ? "tcp" : "exec";
    String summary = "Perform " + type + " check \"" + name + "\"";
    return doing("perform-check", summary, summary, 1).id();
  }

  // ---- services ----

  private ServiceState state(String name) {
    return services.computeIfAbsent(name, n -> new ServiceState());
  }

  /** The planned services named in {@code names} (all when empty; unknown names are dropped). */
  public synchronized List<ServiceInfo> services(Collection<String> names) {
    return new TreeMap<>(plan.services())
        .entrySet().stream()
            .filter(entry -> names.isEmpty() || names.contains(entry.getKey()))
            .map(
                entry -> {
                  ServiceState s = state(entry.getKey());
                  String startup = enabled(entry.getValue()) ? "enabled" : "disabled";
                  return new ServiceInfo(entry.getKey(), startup, s.current, s.since);
                })
            .toList();
  }

  /** Each planned service's status: {@code active}, {@code inactive}, … */
  public synchronized Map<String, String> serviceStatuses() {
    Map<String, String> out = new TreeMap<>();
    plan.services().keySet().forEach(name -> out.put(name, state(name).current));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Runs {@code POST /v1/services}: {@code start}, {@code stop}, {@code restart} (a non-empty list
   * of planned services), {@code replan} or {@code autostart} (no names). Returns the finished
   * change, failed or not.
   */
  public synchronized Change serviceAction(String action, List<String> names) {
    Change change;
    switch (action) {
      case "start", "stop", "restart" -> {
        if (names.isEmpty()) {
          throw Envelope.badRequest("no services to " + action + " provided");
        }
        for (String name : names) {
          if (!plan.services().containsKey(name)) {
            throw Envelope.badRequest(
                "cannot " + action + " services: service \"" + name + "\" does not exist");
          }
        }
        change =
            runChange(
                action,
                names,
                action.equals("start") ? List.of() : names,
                action.equals("stop") ? List.of() : names);
      }
      case "replan", "autostart" -> {
        if (!names.isEmpty()) {
          throw Envelope.badRequest(action + " accepts no service names");
        }
        change = action.equals("replan") ? replan() : autostart();
      }
      default -> throw Envelope.badRequest("action \"" + action + "\" is unsupported");
    }
    notifyAll();
    return change;
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
      if (changed || (!running && enabled(entry.getValue()))) {
        start.add(entry.getKey());
      }
    }
    return runChange("replan", start, stop, start);
  }

  private Change autostart() {
    List<String> enabled =
        new TreeMap<>(plan.services())
            .entrySet().stream().filter(e -> enabled(e.getValue())).map(Map.Entry::getKey).toList();
    if (enabled.isEmpty()) {
      throw Envelope.failure(400, "no default services", "no-default-services");
    }
    List<String> start = enabled.stream().filter(n -> !state(n).current.equals("active")).toList();
    return runChange("autostart", start, List.of(), start);
  }

  /** Whether Pebble starts {@code service} on replan and autostart. */
  private static boolean enabled(Service service) {
    return "enabled".equals(service.startup());
  }

  /**
   * Records a finished change: stop tasks for {@code stop}, then start tasks for {@code start}. As
   * Pebble chains a change's tasks, a failed start leaves the starts after it on {@code Hold},
   * their services untouched.
   */
  private Change runChange(String kind, List<String> named, List<String> stop, List<String> start) {
    String spawn = now();
    List<Task> tasks = new ArrayList<>(stop.stream().map(this::stopTask).toList());
    List<String> failures = new ArrayList<>();
    for (String name : start) {
      Task task =
          failures.isEmpty()
              ? startTask(name)
              : task("start", "Start service \"" + name + "\"", "Hold", 1, now(), null);
      tasks.add(task);
      if (task.status().equals("Error")) {
        failures.add(task.summary() + " (" + reasonOf(task) + ")");
      }
    }
    String id = Integer.toString(nextChangeId++);
    return finished(id, kind, summary(kind, named), tasks, failures, spawn);
  }

  /**
   * Records the change {@code id} as finished with {@code tasks}: {@code Done}, or {@code Error}
   * with Pebble's error text when there are {@code failures} (each {@code "summary (reason)"}).
   */
  private Change finished(
      String id,
      String kind,
      String summary,
      List<Task> tasks,
      List<String> failures,
      String spawn) {
    String err =
        failures.isEmpty()
            ? null
            : "cannot perform the following tasks:\n- " + String.join("\n- ", failures);
    String status = failures.isEmpty() ? "Done" : "Error";
    Change change = new Change(id, kind, summary, status, tasks, true, err, spawn, now());
    changes.put(id, change);
    return change;
  }

  private static String reasonOf(Task task) {
    String last = task.log().get(task.log().size() - 1);
    int at = last.indexOf(" ERROR ");
    return at < 0 ? last : last.substring(at + " ERROR ".length());
  }

  /** Pebble's change summary: the first service, then how many more. */
  private static String summary(String kind, List<String> names) {
    String verb = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    if (names.isEmpty()) {
      return verb + " - no services";
    }
    String first = verb + " service \"" + names.get(0) + "\"";
    return names.size() == 1 ? first : first + " and " + (names.size() - 1) + " more";
  }

  private Task stopTask(String name) {
    String spawn = now();
    ServiceState s = state(name);
    if (!s.current.equals("inactive")) {
      s.current = "inactive";
      s.since = now();
    }
    s.startedWith = null;
    return task("stop", "Stop service \"" + name + "\"", "Done", 1, spawn, null);
  }

  private Task startTask(String name) {
    String spawn = now();
    ServiceState s = state(name);
    String summary = "Start service \"" + name + "\"";
    if (s.current.equals("active")) {
      return task("start", summary, "Done", 1, spawn, null);
    }
    Service config = plan.services().get(name);
    String scripted = failNext.remove(name);
    List<String> log =
        scripted != null ? List.of(logLine("ERROR", scripted)) : startProblem(config.command());
    if (log != null) {
      // Pebble leaves a service that failed to start inactive, its current-since untouched.
      s.current = "inactive";
      return task("start", summary, "Error", 1, spawn, log);
    }
    s.current = "active";
    s.since = now();
    s.startedWith = config;
    return task("start", summary, "Done", 1, spawn, null);
  }

  /** A new task with {@code done} of its 1 step done, ready unless it is still {@code Doing}. */
  private Task task(
      String kind, String summary, String status, int done, String spawn, List<String> log) {
    return new Task(
        Integer.toString(nextTaskId++),
        kind,
        summary,
        status,
        log,
        new Task.Progress("", done, 1),
        spawn,
        status.equals("Doing") ? null : now(),
        null);
  }

  /** The task log of a start that fails, as Pebble writes it, or null when the program runs. */
  private List<String> startProblem(String command) {
    List<String> words = CommandLine.split(command == null ? "" : command);
    if (words.isEmpty()) {
      return List.of(logLine("ERROR", "cannot start service: no command"));
    }
    String program = words.get(0);
    ContainerImage.Program found = find(program);
    if (found == null) {
      return List.of(
          logLine(
              "ERROR",
              program.startsWith("/")
                  ? "cannot start service: fork/exec " + program + ": no such file or directory"
                  : "cannot start service: exec: \""
                      + program
                      + "\": executable file not found in $PATH"));
    }
    if (found.exitCode() == null) {
      return null;
    }
    String output = found.output().strip().replace("\n", "\n    ");
    return List.of(
        logLine("INFO", "Most recent service output:\n    " + output),
        logLine("ERROR", "cannot start service: exited quickly with code " + found.exitCode()));
  }

  /** The program {@code name} (a path, or looked up on Pebble's {@code PATH}), or null. */
  private ContainerImage.Program find(String name) {
    if (name.startsWith("/")) {
      return lookup(name);
    }
    return ContainerImage.PATH.stream()
        .map(dir -> lookup(dir + "/" + name))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /** The image's program at {@code path}, or an executable file the charm put there itself. */
  private ContainerImage.Program lookup(String path) {
    ContainerImage.Program program = image.get().executables().get(path);
    if (program == null && files.isExecutable(path)) {
      return ContainerImage.Program.RUNS;
    }
    return program;
  }

  private static String logLine(String level, String message) {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + level + " " + message;
  }

  // ---- changes ----

  /** The change with {@code id}, or a 404. */
  public synchronized Change change(String id) {
    Change change = changes.get(id);
    if (change == null) {
      throw Envelope.notFound("cannot find change with id \"" + id + "\"");
    }
    return change;
  }

  /** The changes {@code select}ed: {@code all}, {@code ready} or {@code in-progress}. */
  public synchronized List<Change> changes(String select) {
    Predicate<Change> keep =
        switch (select) {
          case "all" -> change -> true;
          case "ready" -> Change::ready;
          case "in-progress" -> change -> !change.ready();
          default -> throw Envelope.badRequest("select should be one of: all,in-progress,ready");
        };
    return changes.values().stream().filter(keep).toList();
  }

  /**
   * Waits until the change is ready, at most {@code timeoutMillis}; a 504 when the wait times out
   * or {@code open} turns false (the server is closing).
   */
  public synchronized Change waitChange(String id, long timeoutMillis, Supplier<Boolean> open) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    Change change = change(id);
    while (!change.ready()) {
      long remaining = (deadline - System.nanoTime()) / 1_000_000L;
      if (remaining <= 0 || !open.get()) {
        throw Envelope.failure(
            504, "timed out waiting for change after " + GoDuration.format(timeoutMillis), null);
      }
      try {
        wait(remaining);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Envelope.failure(504, "wait interrupted", null);
      }
      change = change(id);
    }
    return change;
  }

  /** Wakes change waiters (the server is closing). */
  public synchronized void wakeWaiters() {
    notifyAll();
  }

  // ---- checks ----

  /** The planned checks, filtered by level and names (all when null or empty). */
  public synchronized List<CheckInfo> checks(String level, Collection<String> names) {
    boolean serving = services.values().stream().anyMatch(st -> st.current.equals("active"));
    return new TreeMap<>(plan.checks())
        .entrySet().stream()
            .filter(entry -> level == null || level.equals(entry.getValue().level()))
            .filter(entry -> names.isEmpty() || names.contains(entry.getKey()))
            .map(
                entry -> {
                  Check check = entry.getValue();
                  int threshold = check.threshold() == null ? 3 : check.threshold();
                  // Unless a test set it, an http or tcp probe fails while no service answers it.
                  boolean probe = check.http() != null || check.tcp() != null;
                  int failures =
                      checkFailures.getOrDefault(entry.getKey(), probe && !serving ? threshold : 0);
                  return new CheckInfo(
                      entry.getKey(),
                      check.level() == null || check.level().isEmpty() ? null : check.level(),
                      null,
                      failures > 0 ? "down" : "up",
                      failures,
                      threshold,
                      checkChanges.get(entry.getKey()));
                })
            .toList();
  }

  // ---- exec ----

  /**
   * An exec Pebble has accepted: its change and task, the environment and working directory it
   * settled on, and the handler that stands in for the program.
   */
  public record ExecTask(
      String changeId,
      String taskId,
      ExecRequest request,
      Map<String, String> environment,
      String workingDir,
      ExecHandler handler) {

    /**
     * Runs the handler on its own thread with these streams, as Pebble runs a command, killing it
     * at the request's timeout with Pebble's words for a command past its deadline.
     */
    Ending run(InputStream stdin, OutputStream stdout, OutputStream stderr) {
      ExecCall call = new ExecCall(request, environment, workingDir, stdin, stdout, stderr);
      long timeoutMillis = request.timeout() == null ? 0 : request.timeout().toMillis();
      FutureTask<Integer> command = new FutureTask<>(() -> handler.run(call));
      Thread thread = new Thread(command, "simulated-pebble-exec-" + taskId);
      thread.setDaemon(true);
      thread.start();
      try {
        return new Ending(
            timeoutMillis > 0 ? command.get(timeoutMillis, TimeUnit.MILLISECONDS) : command.get(),
            null);
      } catch (TimeoutException e) {
        command.cancel(true);
        return new Ending(
            -1,
            "timed out after " + GoDuration.format(timeoutMillis) + ": context deadline exceeded");
      } catch (ExecutionException e) {
        return new Ending(-1, "exec handler failed: " + e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        command.cancel(true);
        return new Ending(-1, "simulated Pebble stopped");
      }
    }
  }

  /**
   * Accepts {@code POST /v1/exec}: finds the program, the working directory and the context
   * service, settles the environment, and records a {@code Doing} exec change.
   */
  public synchronized ExecTask startExec(ExecRequest request) {
    List<String> command = request.command();
    ExecHandler handler = execHandler(command);
    if (handler == null) {
      handler = imageProgram(command.get(0));
    }
    if (handler == null) {
      throw Envelope.badRequest("cannot find executable \"" + command.get(0) + "\"");
    }
    String requestedDir = request.workingDir();
    if (requestedDir != null && !requestedDir.isEmpty() && !files.isDirectory(requestedDir)) {
      throw Envelope.badRequest("cannot find working directory \"" + requestedDir + "\"");
    }
    String context = request.serviceContext();
    Map<String, String> environment = new TreeMap<>();
    String workingDir = requestedDir;
    if (context != null && !context.isEmpty()) {
      Service service = plan.services().get(context);
      if (service == null) {
        throw Envelope.badRequest("context service \"" + context + "\" not found");
      }
      environment.putAll(service.environment());
      if (workingDir == null || workingDir.isEmpty()) {
        workingDir = service.workingDir();
      }
    }
    environment.putAll(request.environment());
    environment.putIfAbsent("PATH", DEFAULT_PATH);
    // The simulated Pebble runs as root, as Pebble does in a workload container; an empty HOME or
    // USER counts as unset.
    environment.merge("HOME", "/root", (given, root) -> given.isEmpty() ? root : given);
    environment.merge("USER", "root", (given, root) -> given.isEmpty() ? root : given);
    environment.putIfAbsent("LANG", "C.UTF-8");
    if (workingDir == null || workingDir.isEmpty()) {
      workingDir = environment.get("HOME");
    }
    String program = "command \"" + command.get(0) + "\"";
    Change change = doing("exec", "Execute " + program, "exec " + program, 0);
    return new ExecTask(
        change.id(), change.tasks().get(0).id(), request, environment, workingDir, handler);
  }

  /**
   * Runs a program the image provides, when no test scripted the command: one that exits at once
   * prints its output and exits with its code, as it would under real Pebble; one that keeps
   * running (a daemon) runs until the exec's timeout stops it. Null when the image lacks it.
   */
  private ExecHandler imageProgram(String program) {
    ContainerImage.Program found = find(program);
    if (found == null) {
      return null;
    }
    if (found.exitCode() == null) {
      return call -> {
        Thread.sleep(Long.MAX_VALUE);
        return 0;
      };
    }
    return ExecHandler.output(found.exitCode(), found.output(), "");
  }

  /** The handler with the longest prefix of {@code command}, or null. */
  private ExecHandler execHandler(List<String> command) {
    return execHandlers.entrySet().stream()
        .filter(e -> e.getKey().size() <= command.size())
        .filter(e -> command.subList(0, e.getKey().size()).equals(e.getKey()))
        .max(Comparator.comparingInt(e -> e.getKey().size()))
        .map(Map.Entry::getValue)
        .orElse(null);
  }

  /** Whether an exec task {@code taskId} exists (finished or not), and its kind, or null. */
  synchronized String taskKind(String taskId) {
    return changes.values().stream()
        .flatMap(change -> change.tasks().stream())
        .filter(task -> task.id().equals(taskId))
        .map(Task::kind)
        .findFirst()
        .orElse(null);
  }

  /**
   * Records the end of an exec as Pebble does: the exit code in the task data, or a failed change
   * with the failure as the task's reason.
   */
  synchronized void execFinished(ExecTask exec, ExecRequest recorded, Ending end) {
    String failure = end.failure();
    execs.add(recorded);
    Change before = changes.get(exec.changeId());
    Task task = before.tasks().get(0);
    Task after =
        new Task(
            task.id(),
            task.kind(),
            task.summary(),
            failure == null ? "Done" : "Error",
            failure == null ? null : List.of(logLine("ERROR", failure)),
            new Task.Progress("", 1, 1),
            task.spawnTime(),
            now(),
            Map.of("exit-code", end.exitCode()));
    List<String> failures =
        failure == null ? List.of() : List.of(task.summary() + " (" + failure + ")");
    finished(
        before.id(), before.kind(), before.summary(), List.of(after), failures, before.spawnTime());
    notifyAll();
  }

  /**
   * Runs an accepted exec on the caller's behalf with {@code stdin} (or none when {@code null}), no
   * WebSockets (the in-process front end), bounded by the request's timeout as Pebble bounds it;
   * what it printed until it ended goes to {@code stdout} and {@code stderr}.
   */
  void runExec(
      ExecTask exec, byte[] stdin, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Ending end = exec.run(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin), out, err);
    // A handler stopped at its timeout may still write: the caller gets what came before the end.
    stdout.writeBytes(out.toByteArray());
    stderr.writeBytes(err.toByteArray());
    execFinished(exec, exec.request().withStdin(stdin), end);
  }

  /** How a command's handler ended: its exit code (-1 if it did not finish), or Pebble's reason. */
  record Ending(int exitCode, String failure) {}

  /**
   * Records a change that stays {@code Doing}, with its one task ({@code done} of 1 done): a check
   * being performed, or an exec running.
   */
  private Change doing(String kind, String summary, String taskSummary, int done) {
    String now = now();
    Task task = task(kind, taskSummary, "Doing", done, now, null);
    String id = Integer.toString(nextChangeId++);
    Change change = new Change(id, kind, summary, "Doing", List.of(task), false, null, now, null);
    changes.put(id, change);
    return change;
  }

  private static String now() {
    return Instant.now().toString();
  }
}
