package io.charmkit.testing;

import io.charmkit.ops.pebble.Change;
import io.charmkit.ops.pebble.ChangeErrorException;
import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.CheckInfo;
import io.charmkit.ops.pebble.ExecException;
import io.charmkit.ops.pebble.ExecOutput;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.FileInfo;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PathErrorException;
import io.charmkit.ops.pebble.PathNotFoundException;
import io.charmkit.ops.pebble.PebbleApiException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleConnectionException;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.ops.pebble.Service;
import io.charmkit.ops.pebble.ServiceInfo;
import io.charmkit.ops.pebble.SystemInfo;
import io.charmkit.ops.pebble.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A {@link PebbleClient} for one container of a {@link State}, in memory: layers combine into a
 * plan, services change state on start/stop/restart/replan, files live under a temporary directory
 * standing in for the container's root, commands are answered from the container's scripted {@link
 * ExecResult}s and recorded. When the state says the container cannot connect, every call but
 * {@link #canConnect()} throws {@link PebbleConnectionException}, as the real client does.
 */
final class MemoryPebble implements PebbleClient {
  private static final String TIME = "2026-01-01T00:00:00Z";

  private final Container initial;
  private final Path root;
  private final Map<String, Layer> layers;
  private final Map<String, String> services;
  private final Map<String, Change> changes = new LinkedHashMap<>();
  private final List<ExecRequest> execHistory = new ArrayList<>();

  /** A Pebble for {@code container}, its files written under {@code root}. */
  MemoryPebble(Container container, Path root) {
    this.initial = container;
    this.root = root;
    this.layers = new LinkedHashMap<>(container.layers());
    this.services = new TreeMap<>(container.serviceStatuses());
    try {
      for (Map.Entry<String, String> file : container.files().entrySet()) {
        Path p = local(file.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out the files of " + container.name(), e);
    }
  }

  /** The container as it is now: layers, service states and files. */
  Container snapshot() {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            "/" + root.relativize(p).toString().replace('\\', '/'),
            new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the files of " + initial.name(), e);
    }
    return new Container(
        initial.name(),
        initial.canConnect(),
        layers,
        services,
        initial.checkStatuses(),
        files,
        initial.execs(),
        initial.missingExecutables());
  }

  /** Every command the charm ran, in order. */
  List<ExecRequest> execHistory() {
    return List.copyOf(execHistory);
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
    connected();
    return new SystemInfo("00000000-0000-4000-8000-000000000000", "v1.19.0");
  }

  @Override
  public Plan plan() {
    connected();
    return LayerPlan.plan(layers);
  }

  @Override
  public void addLayer(String label, Layer layer, boolean combine) {
    connected();
    LayerPlan.problem(label, layer)
        .ifPresent(
            p -> {
              throw badRequest(p);
            });
    Layer existing = layers.get(label);
    if (existing != null && !combine) {
      throw badRequest("layer \"" + label + "\" already exists");
    }
    layers.put(label, existing == null ? layer : LayerPlan.combine(existing, layer));
  }

  @Override
  public List<ServiceInfo> services(List<String> names) {
    connected();
    List<ServiceInfo> out = new ArrayList<>();
    new TreeMap<>(LayerPlan.plan(layers).services())
        .forEach(
            (name, service) -> {
              if (names.isEmpty() || names.contains(name)) {
                out.add(
                    new ServiceInfo(
                        name,
                        service.startup() == null ? "disabled" : service.startup(),
                        services.getOrDefault(name, "inactive"),
                        null));
              }
            });
    return out;
  }

  @Override
  public Change start(List<String> names) {
    return serviceChange("start", "Start", names, "active");
  }

  @Override
  public Change stop(List<String> names) {
    return serviceChange("stop", "Stop", names, "inactive");
  }

  @Override
  public Change restart(List<String> names) {
    return serviceChange("restart", "Restart", names, "active");
  }

  @Override
  public Change replan() {
    connected();
    List<String> enabled = new ArrayList<>();
    LayerPlan.plan(layers)
        .services()
        .forEach(
            (name, service) -> {
              if ("enabled".equals(service.startup())) {
                enabled.add(name);
              }
            });
    enabled.sort(null); // Pebble starts them in name order (no dependencies here)
    String summary =
        enabled.isEmpty()
            ? "Replan"
            : "Replan service \""
                + enabled.get(0)
                + "\""
                + (enabled.size() > 1 ? " and " + (enabled.size() - 1) + " more" : "");
    failToStart("replan", summary, enabled);
    enabled.forEach(n -> services.put(n, "active"));
    return record("replan", "Replan");
  }

  @Override
  public Change change(String id) {
    connected();
    Change change = changes.get(id);
    if (change == null) {
      throw new PebbleApiException(
          404, "Not Found", "cannot find change with id \"" + id + "\"", "not-found");
    }
    return change;
  }

  @Override
  public Change waitChange(String id, Duration timeout) {
    return change(id);
  }

  @Override
  public void push(String path, byte[] content, PushOptions options) {
    connected();
    Path p = local(path);
    try {
      if (options.makeDirs()) {
        Files.createDirectories(p.getParent());
      } else if (!Files.isDirectory(p.getParent())) {
        throw new PathNotFoundException(path, "parent directory not found");
      }
      Files.write(p, content);
      if (options.permissions() != null) {
        Files.setPosixFilePermissions(p, permissions(options.permissions()));
      }
    } catch (IOException e) {
      throw new PathErrorException(path, "generic-file-error", e.toString());
    }
  }

  @Override
  public byte[] pull(String path) {
    connected();
    Path p = local(path);
    if (!Files.exists(p)) {
      throw new PathNotFoundException(path, "stat " + path + ": no such file or directory");
    }
    if (Files.isDirectory(p)) {
      throw new PathErrorException(
          path, "generic-file-error", "can only read a regular file: \"" + path + "\"");
    }
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new PathErrorException(path, "generic-file-error", e.toString());
    }
  }

  @Override
  public List<FileInfo> listFiles(String path, String pattern, boolean itself) {
    connected();
    Path p = local(path);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new PathNotFoundException(path, "stat " + path + ": no such file or directory");
    }
    if (itself || !Files.isDirectory(p)) {
      return List.of(info(p));
    }
    PathMatcher matcher =
        pattern == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (Stream<Path> entries = Files.list(p)) {
      return entries
          .filter(e -> matcher == null || matcher.matches(e.getFileName()))
          .sorted()
          .map(this::info)
          .toList();
    } catch (IOException e) {
      throw new PathErrorException(path, "generic-file-error", e.toString());
    }
  }

  @Override
  public void makeDir(String path, boolean makeParents, String permissions) {
    connected();
    Path p = local(path);
    try {
      if (makeParents) {
        Files.createDirectories(p);
      } else if (Files.exists(p)) {
        throw new PathErrorException(path, "generic-file-error", "mkdir " + path + ": file exists");
      } else if (!Files.isDirectory(p.getParent())) {
        throw new PathNotFoundException(path, "mkdir " + path + ": no such file or directory");
      } else {
        Files.createDirectory(p);
      }
      if (permissions != null) {
        Files.setPosixFilePermissions(p, permissions(permissions));
      }
    } catch (IOException e) {
      throw new PathErrorException(path, "generic-file-error", e.toString());
    }
  }

  @Override
  public void remove(String path, boolean recursive) {
    connected();
    Path p = local(path);
    try {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        if (recursive) {
          return;
        }
        throw new PathNotFoundException(path, "remove " + path + ": no such file or directory");
      }
      if (recursive && Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(each);
          }
        }
      } else {
        Files.delete(p);
      }
    } catch (DirectoryNotEmptyException e) {
      throw new PathErrorException(
          path, "generic-file-error", "remove " + path + ": directory not empty");
    } catch (IOException e) {
      throw new PathErrorException(path, "generic-file-error", e.toString());
    }
  }

  @Override
  public List<CheckInfo> checks(String level, List<String> names) {
    connected();
    List<CheckInfo> out = new ArrayList<>();
    new TreeMap<>(LayerPlan.plan(layers).checks())
        .forEach(
            (name, check) -> {
              if ((names.isEmpty() || names.contains(name))
                  && (level == null || level.equals(check.level()))) {
                out.add(info(name, check));
              }
            });
    return out;
  }

  /**
   * Answers from the scripted results, refusing what Pebble would refuse: a command no result
   * matches (as a missing executable), a missing working directory, an unknown context service.
   */
  @Override
  public ExecOutput exec(ExecRequest request) {
    connected();
    List<String> command = request.command();
    ExecResult scripted =
        execResult(command)
            .orElseThrow(() -> badRequest("cannot find executable \"" + command.get(0) + "\""));
    String dir = request.workingDir();
    if (dir != null && !dir.isEmpty() && !Files.isDirectory(local(dir))) {
      throw badRequest("cannot find working directory \"" + dir + "\"");
    }
    String context = request.serviceContext();
    if (context != null && !LayerPlan.plan(layers).services().containsKey(context)) {
      throw badRequest("context service \"" + context + "\" not found");
    }
    execHistory.add(request);
    ExecOutput output =
        new ExecOutput(
            command,
            scripted.exitCode(),
            scripted.stdout().getBytes(StandardCharsets.UTF_8),
            scripted.stderr().getBytes(StandardCharsets.UTF_8));
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

  private CheckInfo info(String name, Check check) {
    String status = initial.checkStatuses().getOrDefault(name, "up");
    int threshold = check.threshold() == null ? 3 : check.threshold();
    return new CheckInfo(
        name,
        check.level(),
        check.startup() == null ? "enabled" : check.startup(),
        status,
        status.equals("down") ? threshold : 0,
        threshold,
        null);
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

  private Change serviceChange(String kind, String verb, List<String> names, String status) {
    connected();
    Map<String, Service> planned = LayerPlan.plan(layers).services();
    for (String name : names) {
      if (!planned.containsKey(name)) {
        throw badRequest("service \"" + name + "\" does not exist");
      }
    }
    String summary = verb + " service" + (names.size() == 1 ? "" : "s") + " " + names;
    if (status.equals("active")) {
      failToStart(kind, summary, names);
    }
    names.forEach(n -> services.put(n, status));
    return record(kind, summary);
  }

  /**
   * Fails the change as Pebble v1.14.1 does when the first service to start has an executable the
   * image lacks (PEBBLE.md, "Workload faults"): that task is in Error, the later ones on Hold, and
   * every service of the change ends inactive.
   */
  private void failToStart(String kind, String summary, List<String> names) {
    Map<String, Service> planned = LayerPlan.plan(layers).services();
    for (String name : names) {
      Optional<String> why = startError(planned.get(name));
      if (why.isEmpty()) {
        continue;
      }
      names.forEach(n -> services.put(n, "inactive"));
      List<Task> tasks = new ArrayList<>();
      for (String n : names) {
        boolean failed = n.equals(name);
        tasks.add(
            new Task(
                Integer.toString(tasks.size() + 1),
                "start",
                "Start service \"" + n + "\"",
                failed ? "Error" : "Hold",
                failed ? List.of(TIME + " ERROR cannot start service: " + why.get()) : List.of(),
                new Task.Progress("", failed ? 1 : 0, 1),
                TIME,
                TIME,
                Map.of()));
      }
      String id = Integer.toString(changes.size() + 1);
      Change change =
          new Change(
              id,
              kind,
              summary,
              "Error",
              tasks,
              true,
              "cannot perform the following tasks:\n- Start service \""
                  + name
                  + "\" (cannot start service: "
                  + why.get()
                  + ")",
              TIME,
              TIME);
      changes.put(id, change);
      throw new ChangeErrorException(change);
    }
  }

  /** Pebble's reason for not starting {@code service}, when its executable is missing. */
  private Optional<String> startError(Service service) {
    if (service == null || service.command() == null || service.command().isBlank()) {
      return Optional.empty();
    }
    String executable = service.command().strip().split("\\s+", 2)[0];
    if (!initial.missingExecutables().contains(executable)) {
      return Optional.empty();
    }
    return Optional.of(
        executable.startsWith("/")
            ? "fork/exec " + executable + ": no such file or directory"
            : "exec: \"" + executable + "\": executable file not found in $PATH");
  }

  private Change record(String kind, String summary) {
    String id = Integer.toString(changes.size() + 1);
    Change change = new Change(id, kind, summary, "Done", List.of(), true, null, TIME, TIME);
    changes.put(id, change);
    return change;
  }

  private static PebbleApiException badRequest(String message) {
    return new PebbleApiException(400, "Bad Request", message, null);
  }

  private Path local(String path) {
    if (path == null || !path.startsWith("/")) {
      throw badRequest("paths must be absolute, got \"" + path + "\"");
    }
    Path p = root.resolve(path.substring(1)).normalize();
    if (!p.startsWith(root)) {
      throw badRequest("path escapes the container: \"" + path + "\"");
    }
    return p;
  }

  private FileInfo info(Path p) {
    try {
      PosixFileAttributes a =
          Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      String type = a.isDirectory() ? "directory" : a.isSymbolicLink() ? "symlink" : "file";
      String perms = octal(a.permissions());
      String inContainer = "/" + root.relativize(p).toString().replace('\\', '/');
      return new FileInfo(
          inContainer,
          p.getFileName().toString(),
          type,
          a.isRegularFile() ? a.size() : null,
          perms,
          a.lastModifiedTime().toInstant().toString(),
          null,
          null,
          null,
          null);
    } catch (IOException e) {
      throw new PathErrorException(p.toString(), "generic-file-error", e.toString());
    }
  }

  private static Set<PosixFilePermission> permissions(String octal) {
    int bits = Integer.parseInt(octal, 8);
    StringBuilder s = new StringBuilder();
    String rwx = "rwx";
    for (int i = 8; i >= 0; i--) {
      s.append((bits & (1 << i)) != 0 ? rwx.charAt((8 - i) % 3) : '-');
    }
    return PosixFilePermissions.fromString(s.toString());
  }

  private static String octal(Set<PosixFilePermission> perms) {
    int bits = 0;
    for (PosixFilePermission p : perms) {
      bits |= 1 << (8 - p.ordinal());
    }
    return String.format("%03o", bits);
  }
}
