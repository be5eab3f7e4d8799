package io.charmkit.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.ops.pebble.Change;
import io.charmkit.ops.pebble.ChangeErrorException;
import io.charmkit.ops.pebble.CheckInfo;
import io.charmkit.ops.pebble.ExecException;
import io.charmkit.ops.pebble.ExecOutput;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.ExecTimeoutException;
import io.charmkit.ops.pebble.FileInfo;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PathErrorException;
import io.charmkit.ops.pebble.PathNotFoundException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleConnectionException;
import io.charmkit.ops.pebble.PebbleException;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.ops.pebble.ServiceInfo;
import io.charmkit.ops.pebble.SystemInfo;
import io.charmkit.testing.pebble.ApiError;
import io.charmkit.testing.pebble.ContainerFiles;
import io.charmkit.testing.pebble.ExecHandler;
import io.charmkit.testing.pebble.PathProblem;
import io.charmkit.testing.pebble.PebbleEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The in-memory front end of the simulated Pebble, for one container of a {@link State}: a {@link
 * PebbleClient} that calls the same {@link PebbleEngine} the unix-socket server serves, and turns
 * its answers into what the production client returns or throws for the same envelopes (a failed
 * change is a {@link ChangeErrorException}, a per-path error a {@link PathErrorException}, …). When
 * the state says the container cannot connect, every call but {@link #canConnect()} throws {@link
 * PebbleConnectionException}, as the real client does.
 */
final class MemoryPebble implements PebbleClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Container initial;
  private final PebbleEngine engine;

  /** A Pebble for {@code container}, its files written under {@code root}. */
  MemoryPebble(Container container, Path root) {
    this.initial = container;
    this.engine = new PebbleEngine(root, "00000000-0000-4000-8000-000000000000");
    engine.image(container.image());
    container.layers().forEach((label, layer) -> engine.addLayer(label, layer, false));
    container.serviceStatuses().forEach(engine::serviceStatus);
    Map<String, io.charmkit.ops.pebble.Check> checks = container.plan().checks();
    container
        .checkStatuses()
        .forEach(
            (name, status) -> {
              io.charmkit.ops.pebble.Check check = checks.get(name);
              int threshold = check == null || check.threshold() == null ? 3 : check.threshold();
              engine.checkStatus(name, status, threshold);
            });
    for (Map.Entry<String, String> file : container.files().entrySet()) {
      byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
      try {
        engine.files().write(file.getKey(), content, PushOptions.defaults().withMakeDirs());
      } catch (PathProblem e) {
        throw new IllegalArgumentException(
            "cannot lay out " + file.getKey() + " in " + container.name() + ": " + e.getMessage(),
            e);
      }
    }
    for (ExecResult scripted : container.execs()) {
      engine.onExec(
          scripted.command(),
          ExecHandler.output(scripted.exitCode(), scripted.stdout(), scripted.stderr()));
    }
  }

  /** The container as it is now: layers, service states and files. */
  Container snapshot() {
    Map<String, Layer> layers = new LinkedHashMap<>();
    engine
        .layers()
        .forEach(
            (label, tree) -> {
              try {
                layers.put(label, JSON.treeToValue(tree, Layer.class));
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                    "cannot read back layer \"" + label + "\": " + e.getOriginalMessage(), e);
              }
            });
    Map<String, String> services = new TreeMap<>(initial.serviceStatuses());
    services.putAll(engine.serviceStatuses());
    return new Container(
        initial.name(),
        initial.canConnect(),
        layers,
        services,
        initial.checkStatuses(),
        engine.files().textFiles(),
        initial.execs(),
        initial.image());
  }

  /** Every command the charm ran, in order. */
  List<ExecRequest> execHistory() {
    return engine.execs();
  }

  /** The scripted result for {@code argv}: the one with the longest matching command prefix. */
  Optional<ExecResult> execResult(List<String> argv) {
    return initial.execs().stream()
        .filter(e -> e.matches(argv))
        .max(Comparator.comparingInt(e -> e.command().size()));
  }

  @Override
  public boolean canConnect() {
    return initial.canConnect();
  }

  @Override
  public SystemInfo systemInfo() {
    return call(engine::systemInfo);
  }

  @Override
  public Plan plan() {
    return call(engine::plan);
  }

  @Override
  public void addLayer(String label, Layer layer, boolean combine) {
    if (label == null || label.isEmpty()) {
      throw new IllegalArgumentException("a layer needs a non-empty label");
    }
    call(
        () -> {
          engine.addLayer(label, layer, combine);
          return null;
        });
  }

  @Override
  public List<ServiceInfo> services(List<String> names) {
    return call(() -> engine.services(names));
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
    Change change = call(() -> engine.serviceAction(action, names));
    if (change.failed()) {
      throw new ChangeErrorException(change);
    }
    return change;
  }

  @Override
  public Change change(String id) {
    return call(() -> engine.change(id));
  }

  @Override
  public Change waitChange(String id, Duration timeout) {
    Change change;
    try {
      change = call(() -> engine.waitChange(id, timeout.toMillis(), () -> true));
    } catch (io.charmkit.ops.pebble.PebbleApiException e) {
      if (e.statusCode() != 504) {
        throw e;
      }
      throw new PebbleException(
          "timed out after "
              + timeout.toSeconds()
              + "s waiting for change "
              + id
              + " in container \""
              + initial.name()
              + "\"");
    }
    if (change.failed()) {
      throw new ChangeErrorException(change);
    }
    return change;
  }

  @Override
  public void push(String path, byte[] content, PushOptions options) {
    fileAction(path, f -> f.write(path, content, options));
  }

  @Override
  public byte[] pull(String path) {
    return file(path, f -> f.read(path));
  }

  @Override
  public List<FileInfo> listFiles(String path, String pattern, boolean itself) {
    requireAbsolute(path);
    connected();
    try {
      return engine.files().list(path, pattern, itself);
    } catch (ApiError e) {
      if (PathProblem.NOT_FOUND.equals(e.kind())) {
        throw new PathNotFoundException(path, e.getMessage());
      }
      throw e.toClientException();
    }
  }

  @Override
  public void makeDir(String path, boolean makeParents, String permissions) {
    fileAction(path, f -> f.makeDir(path, makeParents, permissions));
  }

  @Override
  public void remove(String path, boolean recursive) {
    fileAction(path, f -> f.remove(path, recursive));
  }

  @Override
  public List<CheckInfo> checks(String level, List<String> names) {
    return call(() -> engine.checks(level, names));
  }

  /** Runs the command's scripted handler, ending as the production client ends an exec. */
  @Override
  public ExecOutput exec(ExecRequest request) {
    PebbleEngine.ExecTask task = call(() -> engine.startExec(request));
    PebbleEngine.ExecRun run = engine.runExec(task);
    if (run.failure() != null) {
      ChangeErrorException failed = new ChangeErrorException(engine.change(task.changeId()));
      if (request.timeout() != null && run.failure().contains("timed out after")) {
        throw new ExecTimeoutException(
            new ExecOutput(request.command(), -1, run.stdout(), run.stderr()),
            request.timeout(),
            failed.err(),
            failed);
      }
      throw failed;
    }
    ExecOutput output =
        new ExecOutput(request.command(), run.exitCode(), run.stdout(), run.stderr());
    if (output.exitCode() != 0) {
      throw new ExecException(output);
    }
    return output;
  }

  @Override
  public void close() {
    // Nothing to release: there is no connection.
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Calls the engine as a request would reach it: refused when not connected, errors mapped. */
  private <T> T call(Supplier<T> operation) {
    connected();
    try {
      return operation.get();
    } catch (ApiError e) {
      throw e.toClientException();
    }
  }

  /** A files operation on one path; a void one answers null. */
  private interface FileOperation<T> {
    T run(ContainerFiles files) throws PathProblem;
  }

  /** A files operation on one path that answers nothing. */
  private interface FileAction {
    void run(ContainerFiles files) throws PathProblem;
  }

  private void fileAction(String path, FileAction action) {
    file(
        path,
        f -> {
          action.run(f);
          return null;
        });
  }

  /** Runs a files operation as the client's per-path errors surface: not-found or path error. */
  private <T> T file(String path, FileOperation<T> operation) {
    requireAbsolute(path);
    connected();
    try {
      return operation.run(engine.files());
    } catch (PathProblem p) {
      throw pathError(path, p);
    }
  }

  private void connected() {
    if (!initial.canConnect()) {
      throw new PebbleConnectionException(
          initial.name(),
          Path.of(DEFAULT_CONTAINERS_DIR, initial.name(), "pebble.socket"),
          "the test state says container \"" + initial.name() + "\" cannot connect",
          null);
    }
  }

  private static RuntimeException pathError(String path, PathProblem p) {
    if (PathProblem.NOT_FOUND.equals(p.kind())) {
      return new PathNotFoundException(path, p.getMessage());
    }
    return new PathErrorException(path, p.kind(), p.getMessage());
  }

  private static void requireAbsolute(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("Pebble paths must be absolute, not \"" + path + "\"");
    }
  }
}
