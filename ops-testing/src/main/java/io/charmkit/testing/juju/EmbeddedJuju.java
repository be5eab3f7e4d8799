package io.charmkit.testing.juju;

import io.charmkit.ops.context.HostFqdn;
import io.charmkit.ops.hooktools.ToolResult;
import io.charmkit.testing.pebble.ContainerFiles;
import io.charmkit.testing.pebble.WorkloadImages;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A small Juju that runs packaged charms as real processes, the way a unit agent does.
 *
 * <p>Each unit gets its own copy of the charm directory, its own {@code JUJU_*} environment and
 * {@code CHARMKIT_CONTAINERS_DIR}, and a {@code PATH} whose first entry holds the hook tools: small
 * shell scripts that forward each call over 127.0.0.1 to this model. A hook's relation data, charm
 * state, ports and secrets are committed only when {@code dispatch} exits 0; status, logs and the
 * workload version apply at once (JUJU.md §5). Lifecycle calls ({@link #deploy}, {@link #relate},
 * {@link #removeUnit} …) only queue hooks in Juju's order; {@link #settle()} runs them.
 *
 * <p>Failed hooks: like Juju, a unit whose hook exits non-zero is held in error and runs nothing
 * else until {@link #resolve resolved}; settle reports the failure and carries on with the other
 * units instead of retrying with back-off.
 *
 * <pre>{@code
 * try (var juju = EmbeddedJuju.builder().build()) {
 *   juju.deploy("db", Path.of("db/target/charm"), 1, Map.of());
 *   juju.deploy("app", Path.of("app/target/charm"), 2, Map.of());
 *   int rel = juju.relate("app:db", "db:db");
 *   juju.settle();
 *   System.out.print(juju.status());
 * }
 * }</pre>
 */
public final class EmbeddedJuju implements AutoCloseable {
  /**
   * The Juju version the hooks are told ({@code JUJU_VERSION}) unless the builder names one; only
   * its tools are on the hooks' {@code PATH} ({@link io.charmkit.ops.hooktools.JujuToolSet}).
   */
  public static final String JUJU_VERSION = "3.6.14";

  /** How long one hook may run before it is killed (reported as terminated). */
  private static final Duration HOOK_TIMEOUT = Duration.ofMinutes(5);

  private final Object lock = new Object();
  private final Model model;
  private final ToolServer tools;
  private final HookToolSet commands;
  private final String jujuVersion;
  private final Path toolsDir;
  private final int hookBound;
  private final boolean deleteWorkDir;
  private final String inheritedPath;
  private final String javaHome;
  private final List<HookRun> history = new ArrayList<>();
  private long contextCounter;

  private EmbeddedJuju(Builder b) throws IOException {
    deleteWorkDir = b.workDir == null;
    // Short and under /tmp: Pebble socket paths under it must stay below 108 bytes.
    Path work = deleteWorkDir ? Files.createTempDirectory(Path.of("/tmp"), "ckj") : b.workDir;
    Files.createDirectories(work);
    WorkloadContainers containers =
        b.containers != null
            ? b.containers
            : b.pebbleBinary != null
                ? new PebbleBinaryContainers(b.pebbleBinary)
                : WorkloadContainers.inProcessPebble(b.images);
    model = new Model(b.modelName, b.modelUuid, work.toAbsolutePath(), containers);
    jujuVersion = b.jujuVersion == null ? JUJU_VERSION : b.jujuVersion;
    commands = HookToolSet.forVersion(jujuVersion);
    tools = ToolServer.start(this::answer);
    toolsDir = work.resolve("tools");
    ToolShim.install(toolsDir, tools.port(), commands.names());
    hookBound = b.hookBound;
    inheritedPath = Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin");
    javaHome = System.getenv("JAVA_HOME");
  }

  /** Starts configuring an embedded Juju. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- operations

  /**
   * Deploys {@code units} units of the charm in {@code charmDir} as application {@code app} and
   * queues their start-up hooks (install, peer relation-created, leader-elected or
   * leader-settings-changed, config-changed, start, pebble-ready per container).
   */
  public void deploy(String app, Path charmDir, int units, Map<String, ?> config) {
    withLock(() -> model.deploy(app, charmDir, units, new LinkedHashMap<>(config)));
  }

  /** Sets config values ({@code null} resets one); queues config-changed if anything changed. */
  public void config(String app, Map<String, ?> values) {
    withLock(() -> model.configure(model.app(app), new LinkedHashMap<>(values)));
  }

  /**
   * Relates two endpoints, each {@code app:endpoint} (or {@code app} when only one endpoint fits),
   * and queues relation-created on every unit, then relation-joined and relation-changed per remote
   * unit.
   *
   * @return the relation id
   */
  public int relate(String first, String second) {
    return locked(() -> model.relate(first, second));
  }

  /** Removes a relation: relation-departed per remote unit, then relation-broken, on every unit. */
  public void removeRelation(int relationId) {
    withLock(() -> model.removeRelation(relationId));
  }

  /** Adds a unit to {@code app} and queues its start-up and relation hooks; returns its name. */
  public String addUnit(String app) {
    return locked(() -> model.addUnit(model.app(app)).name);
  }

  /**
   * Removes a unit: the other units see it depart, it departs and breaks its relations, then runs
   * stop and remove; after that its databags are gone. A removed leader is replaced by the lowest
   * remaining unit.
   */
  public void removeUnit(String unit) {
    withLock(() -> model.removeUnit(model.unit(unit)));
  }

  /**
   * Removes an application, as {@code juju remove-application} does: its relations are removed
   * (departed and broken on both sides), then every unit stops and is removed.
   */
  public void removeApplication(String app) {
    withLock(() -> model.removeApplication(model.app(app)));
  }

  /**
   * The directory standing in for the filesystem of one of a unit's workload containers: a file the
   * charm pushed to {@code /etc/worker/config.yaml} is at {@code containerRoot(unit,
   * c).resolve("etc/worker/config.yaml")}.
   */
  public Path containerRoot(String unit, String container) {
    return unitDir(unit).resolve("rootfs").resolve(container);
  }

  /** Queues update-status on every unit. */
  public void updateStatus() {
    withLock(model::updateStatus);
  }

  /**
   * Makes {@code unit} its application's leader: leader-elected there, leader-settings-changed on
   * the others.
   */
  public void electLeader(String unit) {
    withLock(() -> model.electLeader(model.unit(unit)));
  }

  /**
   * Clears a unit's error, like {@code juju resolve}: with {@code retry} the failed hook is run
   * again by the next settle, otherwise it is skipped.
   */
  public void resolve(String unit, boolean retry) {
    withLock(() -> model.resolve(model.unit(unit), retry));
  }

  /**
   * Runs queued hooks, one at a time in queue order, until none is left to run (units held in error
   * are skipped).
   *
   * @throws SettleBoundExceededException when more hooks than the bound ran: the model flaps
   */
  public SettleReport settle() {
    List<HookRun> runs = new ArrayList<>();
    Map<String, Integer> fired = new TreeMap<>();
    withLock(model.keyChanges::clear);
    while (true) {
      PendingHook next;
      synchronized (lock) {
        next = model.next();
        if (next != null && runs.size() >= hookBound) {
          throw new SettleBoundExceededException(flapping(runs.size(), fired), report(runs));
        }
      }
      if (next == null) {
        return report(runs);
      }
      runs.add(run(next, null));
      fired.merge(next.unit() + " " + next.hook(), 1, Integer::sum);
    }
  }

  private static SettleReport report(List<HookRun> runs) {
    return new SettleReport(List.copyOf(runs), runs.stream().filter(r -> !r.succeeded()).toList());
  }

  private String flapping(int ran, Map<String, Integer> fired) {
    Map<String, Integer> repeated = new TreeMap<>(fired);
    repeated.values().removeIf(n -> n < 2);
    return "the model did not settle within %d hooks: something keeps changing relation data.\n"
            .formatted(ran)
        + "hooks that kept firing:\n"
        + top(repeated, " runs")
        + "databag keys that kept changing:\n"
        + top(model.keyChanges, " changes");
  }

  /** The five highest counts, highest first, one {@code " key: n<unit>"} line each. */
  private static String top(Map<String, Integer> counts, String unit) {
    return counts.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .limit(5)
        .map(e -> "  " + e.getKey() + ": " + e.getValue() + unit + "\n")
        .collect(Collectors.joining());
  }

  /**
   * Runs {@code action} on {@code unit} (or {@code <app>/leader}) now, between hooks, as {@code
   * juju run} does (see {@link ActionRunner}); hooks it causes (relation data it wrote) run at the
   * next settle, and hooks already queued are not run first. The run is recorded in {@link
   * #hookRuns()} under the action's name.
   *
   * @throws EmbeddedJujuException when Juju would refuse it (unknown unit or action, parameters
   *     that do not fit {@code actions.yaml}); nothing runs
   */
  public ActionResult runAction(String unit, String action, Map<String, ?> params) {
    ActionRunner runner =
        locked(
            () -> ActionRunner.prepare(model, jujuVersion, unit, action, params, ++contextCounter));
    run(PendingHook.simple(runner.unit(), action), runner);
    return runner.result();
  }

  // ---------------------------------------------------------------- observation

  /** A {@code juju status}-like table: model, applications, units (leader marked *), relations. */
  public String status() {
    return locked(() -> StatusTable.render(model, jujuVersion));
  }

  /**
   * The unit's workload status as {@code juju status} shows it (error while a hook failure holds
   * it).
   */
  public WorkloadStatus unitStatus(String unit) {
    return locked(() -> model.unit(unit).displayedStatus());
  }

  /** The application status: what the leader set, else the most severe unit status. */
  public WorkloadStatus appStatus(String app) {
    return locked(() -> model.appStatus(model.app(app)));
  }

  /** The application's leader unit, or null when it has none. */
  public String leader(String app) {
    return locked(() -> model.app(app).leader);
  }

  /** The application's units, in the order they were added. */
  public List<String> units(String app) {
    return locked(() -> model.app(app).units.stream().map(u -> u.name).toList());
  }

  /** The committed application databag of {@code app} in a relation. */
  public Map<String, String> appData(int relationId, String app) {
    if (!locked(() -> model.relation(relationId).involves(app))) {
      throw new EmbeddedJujuException("application " + app + " is not in relation " + relationId);
    }
    return unitData(relationId, app);
  }

  /** The committed databag of {@code unit} in a relation; empty once the unit has left it. */
  public Map<String, String> unitData(int relationId, String unit) {
    return locked(
        () ->
            Collections.unmodifiableMap(
                new TreeMap<>(model.relation(relationId).bags.getOrDefault(unit, Map.of()))));
  }

  /** Every relation's committed databags, raw, for reading or printing. */
  public String dump() {
    return locked(() -> StatusTable.dump(model));
  }

  /** The unit's log: its juju-log records and hook output (stdout DEBUG, stderr WARNING). */
  public String log(String unit) {
    return locked(() -> model.unit(unit).log.toString());
  }

  /** The unit's committed charm state ({@code state-set}). */
  public Map<String, String> unitState(String unit) {
    return locked(() -> Map.copyOf(model.unit(unit).state));
  }

  /** The ports the unit has opened, e.g. {@code 8080/tcp}. */
  public List<String> openedPorts(String unit) {
    return locked(() -> List.copyOf(model.unit(unit).ports));
  }

  /** The latest content of each secret owned by {@code app} (or its units), by secret URI. */
  public Map<String, Map<String, String>> secrets(String app) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    withLock(
        () ->
            model.secrets.values().stream()
                .filter(s -> s.ownerApp.equals(app))
                .forEach(s -> out.put(s.uri(), Map.copyOf(s.contentOrEmpty(s.latestRevision())))));
    return out;
  }

  /** The unit's directory: its charm copy ({@code charm/}) and containers ({@code containers/}). */
  public Path unitDir(String unit) {
    return locked(() -> model.unit(unit).dir);
  }

  /** Every hook run so far, in order. */
  public List<HookRun> hookRuns() {
    return locked(() -> List.copyOf(history));
  }

  /** Per hook name: runs, failures, wall time and hook-tool calls by tool. */
  public String figures() {
    return locked(() -> StatusTable.figures(history));
  }

  /** Stops the tool server and the workloads, and deletes a temporary work directory. */
  @Override
  public void close() throws IOException {
    tools.close();
    synchronized (lock) {
      for (Unit u : model.units.values()) {
        for (WorkloadContainers.Workload w : u.workloads) {
          w.close();
        }
      }
    }
    if (deleteWorkDir) {
      ContainerFiles.deleteTree(model.workDir);
    }
  }

  // ---------------------------------------------------------------- running one hook

  private <T> T locked(Supplier<T> read) {
    synchronized (lock) {
      return read.get();
    }
  }

  private void withLock(Runnable change) {
    synchronized (lock) {
      change.run();
    }
  }

  private ToolResult answer(ToolRequest request) {
    synchronized (lock) {
      HookContext ctx = model.contexts.get(request.contextId());
      if (ctx == null) {
        return ToolText.error(
            "bad request: JUJU_CONTEXT_ID \"" + request.contextId() + "\" is not a running hook");
      }
      return commands.run(ctx, request.tool(), request.args(), request.stdin());
    }
  }

  /**
   * Opens a hook context on {@code unit} without running a process and returns the environment a
   * hook would get: tests that drive the hook tools themselves run them with it. The context is
   * never committed.
   */
  Map<String, String> openHookContext(String unit, String hook) {
    synchronized (lock) {
      String id = unit.replace('/', '-') + "-" + hook + "-" + (++contextCounter);
      return environment(model.begin(PendingHook.simple(unit, hook), id));
    }
  }

  /** Runs a hook, or the action {@code action} when it is not null. */
  private HookRun run(PendingHook hook, ActionRunner action) {
    HookContext ctx;
    Path handler;
    Map<String, String> env;
    synchronized (lock) {
      String id = hook.unit().replace('/', '-') + "-" + hook.hook() + "-" + (++contextCounter);
      ctx = model.begin(hook, id);
      handler =
          action != null ? action.begin(ctx) : handler(ctx.unit.charmDir(), "hooks", hook.hook());
      env = environment(ctx);
    }
    int exit = 0;
    long start = System.nanoTime();
    String stdout = "";
    String stderr = "";
    if (handler != null) {
      Path out = ctx.unit.dir.resolve(".hook-stdout");
      Path err = ctx.unit.dir.resolve(".hook-stderr");
      ProcessBuilder pb = new ProcessBuilder(handler.toString());
      pb.environment().clear();
      pb.environment().putAll(env);
      pb.directory(ctx.unit.charmDir().toFile());
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      try {
        Process p = pb.start();
        boolean ended = p.waitFor(HOOK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
          p.destroyForcibly().waitFor();
        }
        exit = ended ? p.exitValue() : -1;
        stdout = Files.readString(out, StandardCharsets.UTF_8);
        stderr = Files.readString(err, StandardCharsets.UTF_8);
      } catch (IOException e) {
        exit = -1;
        stderr = "embedded Juju could not run " + handler + ": " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exit = -1;
        stderr = "interrupted while waiting for " + handler;
      }
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    synchronized (lock) {
      Unit unit = ctx.unit;
      String logger = "unit." + unit.name + "." + hook.hook();
      if (!stdout.isEmpty()) {
        model.log(unit, "DEBUG", logger, stripNewline(stdout));
      }
      if (!stderr.isEmpty()) {
        model.log(unit, "WARNING", logger, stripNewline(stderr));
      }
      if (exit != 0 && action == null) {
        String how = exit < 0 ? "was terminated" : "(via dispatch) failed: exit status " + exit;
        model.log(unit, "ERROR", "juju.worker.uniter", "hook \"" + hook.hook() + "\" " + how);
      }
      if (action != null) {
        action.finish(model, ctx, exit, stdout, stderr);
      } else {
        model.finish(ctx, exit);
      }
      String remote =
          hook.remoteUnit() != null
              ? hook.remoteUnit()
              : Objects.requireNonNullElse(hook.remoteApp(), "");
      HookRun run =
          new HookRun(
              hook.unit(),
              hook.hook(),
              remote,
              exit,
              wall,
              Collections.unmodifiableMap(new TreeMap<>(ctx.toolCalls)));
      history.add(run);
      return run;
    }
  }

  private static String stripNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * {@code dispatch} if executable, else the legacy {@code <legacyDir>/<name>} ({@code hooks/} or
   * {@code actions/}), else nothing.
   */
  static Path handler(Path charmDir, String legacyDir, String name) {
    for (Path p :
        List.of(charmDir.resolve("dispatch"), charmDir.resolve(legacyDir).resolve(name))) {
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** The hook's environment (JUJU.md §2), its agent on this model's tool server. */
  private Map<String, String> environment(HookContext ctx) {
    Unit unit = ctx.unit;
    Map<String, String> env =
        HookEnvironment.of(
            model, ctx, jujuVersion, unit.charmDir(), "tcp", "127.0.0.1:" + tools.port());
    // All units share this host: give each the pod FQDN it would have on Kubernetes.
    env.put(HostFqdn.OVERRIDE, unit.hostname(model.name));
    env.put("CHARMKIT_CONTAINERS_DIR", unit.containersDir().toString());
    env.put("PATH", toolsDir + File.pathSeparator + inheritedPath);
    if (javaHome != null) {
      env.put("JAVA_HOME", javaHome);
    }
    return env;
  }

  /**
   * A UUID that is the same on every run (so output is reproducible) but has the shape Juju's model
   * UUIDs have: version 4, IETF variant. Charms check that shape (JujuTopology does).
   */
  static String stableVersion4Uuid(String seed) {
    UUID named = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    long msb = (named.getMostSignificantBits() & ~0xF000L) | 0x4000L;
    return new UUID(msb, named.getLeastSignificantBits()).toString();
  }

  /** Options for an {@link EmbeddedJuju}. */
  public static final class Builder {
    private String modelName = "embedded";
    private String modelUuid = stableVersion4Uuid("charmkit-embedded");
    private Path workDir;
    private int hookBound = 500;
    private Path pebbleBinary;
    private WorkloadContainers containers;
    private String jujuVersion;
    private WorkloadImages images = new WorkloadImages();

    private Builder() {}

    /**
     * The Juju version to emulate, e.g. {@code 3.6.14} or {@code 2.9.51}: hooks see it as {@code
     * JUJU_VERSION}, and only that version's hook tools are on their {@code PATH} (Juju 3 has no
     * {@code leader-get} or {@code leader-set}). Default: {@link EmbeddedJuju#JUJU_VERSION}, with
     * Juju 3.6's tool set.
     */
    public Builder jujuVersion(String version) {
      this.jujuVersion = Objects.requireNonNull(version);
      return this;
    }

    /** The model name ({@code JUJU_MODEL_NAME}); default {@code embedded}. */
    public Builder modelName(String name) {
      this.modelName = Objects.requireNonNull(name);
      return this;
    }

    /** The model UUID ({@code JUJU_MODEL_UUID}); default a fixed UUID, for reproducible runs. */
    public Builder modelUuid(String uuid) {
      this.modelUuid = Objects.requireNonNull(uuid);
      return this;
    }

    /**
     * Where unit directories and the hook tools go; kept on close. Default: a fresh directory under
     * /tmp, deleted on close. Keep it short: Pebble sockets live beneath it.
     */
    public Builder workDir(Path dir) {
      this.workDir = dir;
      return this;
    }

    /** The most hooks one settle may run before it reports flapping; default 500. */
    public Builder hookBound(int bound) {
      if (bound < 1) {
        throw new IllegalArgumentException("hook bound must be positive, got " + bound);
      }
      this.hookBound = bound;
      return this;
    }

    /** Serve each container with this real {@code pebble} binary instead of the default. */
    public Builder pebbleBinary(Path pebble) {
      this.pebbleBinary = pebble;
      return this;
    }

    /**
     * The images the in-process Pebbles run, per application and container (none declared: no
     * workload service starts). Keep the object to change an image later.
     */
    public Builder images(WorkloadImages declared) {
      this.images = declared;
      return this;
    }

    /** Serve containers with this implementation (overrides {@link #pebbleBinary}). */
    public Builder containers(WorkloadContainers containers) {
      this.containers = containers;
      return this;
    }

    /** Starts the embedded Juju: the tool server and the tool directory. */
    public EmbeddedJuju build() throws IOException {
      return new EmbeddedJuju(this);
    }
  }
}
