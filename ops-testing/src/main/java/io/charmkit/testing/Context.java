package io.charmkit.testing;

import io.charmkit.ops.Charm;
import io.charmkit.ops.DispatchResult;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.HookTools;
import io.charmkit.ops.hooktools.ProcessHookTools;
import io.charmkit.ops.log.JujuLogSink;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.PebbleConnector;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.state.FileStateStore;
import io.charmkit.ops.state.StoredSnapshot;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.StateModel;
import io.charmkit.testing.pebble.ContainerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs a charm's <em>production</em> dispatch loop for one event against a {@link State}, with
 * in-memory backends: the production hook-tool client over an in-process transport to the simulated
 * Juju model the state describes ({@link StateModel}), a Pebble per container backed by a temporary
 * directory, stored state in the production state file ({@code FileStateStore}) of a temporary
 * charm directory. The Java counterpart of ops.testing's {@code Context}.
 *
 * <pre>{@code
 * Context ctx = new Context(MyCharm.class, CharmMetadata.parse(META, CONFIG, ACTIONS));
 * Outcome out = ctx.run(Event.configChanged(), State.builder().leader(true).build());
 * assertThat(out.unitStatus()).isEqualTo(Status.active());
 * }</pre>
 *
 * <p>A context is immutable and can be shared by the tests of a class. Runs are serialised, since
 * the log sink that routes SLF4J to {@code juju-log} is process-wide.
 */
public final class Context {
  private static final Object LOCK = new Object();

  private final Function<Framework, ? extends Charm> charm;
  private final CharmMetadata metadata;
  private final String appName;
  private final int unitId;
  private final String jujuVersion;
  private final Optional<String> logLevel;
  private final Optional<Path> charmFiles;

  /**
   * A context for {@code charmClass}, constructed through its {@code (Framework)} constructor.
   *
   * @throws IllegalArgumentException when the class has no such constructor
   */
  public Context(Class<? extends Charm> charmClass, CharmMetadata metadata) {
    this(factory(charmClass), metadata);
  }

  /** A context for the charm {@code charm} constructs (usually {@code MyCharm::new}). */
  public Context(Function<Framework, ? extends Charm> charm, CharmMetadata metadata) {
    this(
        charm,
        metadata,
        metadata.name(),
        0,
        EmbeddedJuju.JUJU_VERSION,
        Optional.empty(),
        Optional.empty());
  }

  private Context(
      Function<Framework, ? extends Charm> charm,
      CharmMetadata metadata,
      String appName,
      int unitId,
      String jujuVersion,
      Optional<String> logLevel,
      Optional<Path> charmFiles) {
    this.charm = Objects.requireNonNull(charm, "charm");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.appName = appName;
    this.unitId = unitId;
    this.jujuVersion = jujuVersion;
    this.logLevel = logLevel;
    this.charmFiles = charmFiles;
  }

  /** This context with another application name (default: the charm's name). */
  public Context withAppName(String name) {
    return new Context(charm, metadata, name, unitId, jujuVersion, logLevel, charmFiles);
  }

  /** This context running as unit number {@code id} (default 0). */
  public Context withUnitId(int id) {
    return new Context(charm, metadata, appName, id, jujuVersion, logLevel, charmFiles);
  }

  /**
   * This context emulating Juju {@code version}: reported as {@code JUJU_VERSION}, and only that
   * version's hook tools present (Juju 3 has no {@code leader-get} or {@code leader-set}; a missing
   * tool is refused as the production runtime refuses it, and the simulated agent has no such
   * tool). Default: 3.6.14, Juju 3.6's tool set.
   */
  public Context withJujuVersion(String version) {
    return new Context(charm, metadata, appName, unitId, version, logLevel, charmFiles);
  }

  /**
   * This context forwarding log records from {@code level} up to {@code juju-log} ({@code
   * CHARMKIT_LOG_LEVEL}); by default the production threshold applies (INFO).
   */
  public Context withLogLevel(String level) {
    return new Context(
        charm, metadata, appName, unitId, jujuVersion, Optional.of(level), charmFiles);
  }

  /**
   * This context with a copy of {@code dir}'s files in the charm directory of every run (default:
   * an empty charm directory), for a charm that reads files it packages, such as alert rules or
   * dashboards. The charm sees a fresh copy each run.
   */
  public Context withCharmFiles(Path dir) {
    return new Context(charm, metadata, appName, unitId, jujuVersion, logLevel, Optional.of(dir));
  }

  /** The charm's metadata. */
  public CharmMetadata metadata() {
    return metadata;
  }

  /** This unit's name, {@code <app>/<id>}. */
  public String unitName() {
    return appName + "/" + unitId;
  }

  /**
   * Runs {@code event} against {@code state} through the production dispatch loop.
   *
   * @return the output state and what happened
   * @throws InconsistentStateException when the event and state could not happen with this charm,
   *     or when Juju would refuse the action's parameters ({@link ActionParameters}); nothing runs
   * @throws UncaughtCharmException when the charm throws; its outcome holds the unchanged input
   *     state and the side channels Juju keeps
   */
  public Outcome run(Event event, State state) {
    List<String> problems =
        Consistency.problems(metadata, appName, unitId, jujuVersion, event, state);
    if (!problems.isEmpty()) {
      throw new InconsistentStateException(problems);
    }
    // Juju fills in the defaults of actions.yaml before the action sees its parameters.
    Event run =
        event.isAction()
            ? event.withParams(
                ActionParameters.withDefaults(metadata, event.name(), event.params()))
            : event;
    synchronized (LOCK) {
      Path scratch = temporaryDirectory();
      try {
        return dispatch(run, state, scratch);
      } finally {
        deleteTree(scratch);
      }
    }
  }

  private Outcome dispatch(Event event, State state, Path scratch) {
    Path charmDir = directory(scratch.resolve("charm"));
    charmFiles.ifPresent(files -> copyTree(files, charmDir));
    StateModel juju = model(event, state, scratch.resolve("model"));
    Map<String, String> env = juju.environment(event, charmDir);
    JujuContext context = JujuContext.fromEnvironment(env);
    HookTools tools = new ProcessHookTools(juju.transport(), env);
    Function<Container, MemoryPebble> pebble =
        c -> new MemoryPebble(c, directory(scratch.resolve("containers/" + c.name())));
    Map<String, MemoryPebble> pebbles = new LinkedHashMap<>();
    state.containers().forEach(c -> pebbles.put(c.name(), pebble.apply(c)));
    // A declared container the state leaves out is one Juju has not started yet.
    PebbleConnector connector =
        name ->
            pebbles.computeIfAbsent(name, n -> pebble.apply(Container.disconnected(n))).client();
    // The production default store, in the run's charm directory, seeded with the state's.
    FileStateStore store = new FileStateStore(charmDir);
    store.save(new StoredSnapshot(state.storedState(), state.deferred()));

    Map<String, String> logEnv = new LinkedHashMap<>(env);
    logLevel.ifPresent(level -> logEnv.put("CHARMKIT_LOG_LEVEL", level));
    JujuLogSink.reset();
    JujuLogSink.install(tools, logEnv);
    DispatchResult result;
    try {
      result = Dispatcher.run(context, metadata, tools, connector, store, charm);
    } finally {
      JujuLogSink.uninstall();
    }

    State output =
        result.succeeded()
            ? juju.output(
                state.containers().stream().map(c -> pebbles.get(c.name()).snapshot()).toList(),
                store.load())
            : state;
    Map<String, List<ExecRequest>> execHistory = new LinkedHashMap<>();
    pebbles.forEach((name, p) -> execHistory.put(name, p.execHistory()));
    execHistory.values().removeIf(List::isEmpty);
    Outcome outcome =
        new Outcome(
            output,
            result.emitted(),
            juju.unitStatusHistory(),
            juju.appStatusHistory(),
            juju.logs(),
            juju.actionOutput(),
            juju.calls(),
            execHistory,
            result.succeeded() ? permissions(scratch.resolve("containers")) : Map.of());
    if (!result.succeeded()) {
      throw new UncaughtCharmException(
          event,
          outcome,
          result
              .failure()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the dispatch failed with exit code "
                              + result.exitCode()
                              + " but no exception")));
    }
    return outcome;
  }

  /** The simulated Juju model {@code state} describes, running {@code event} on this unit. */
  private StateModel model(Event event, State state, Path scratch) {
    return StateModel.of(
        state, metadata, appName, unitId, event, Optional.of(jujuVersion), scratch);
  }

  /** The environment Juju would give the charm process for {@code event} (JUJU.md §2). */
  Map<String, String> environment(Event event, State state, Path charmDir) {
    return model(event, state, charmDir).environment(event, charmDir);
  }

  private static Function<Framework, ? extends Charm> factory(Class<? extends Charm> type) {
    Constructor<? extends Charm> constructor;
    try {
      constructor = type.getDeclaredConstructor(Framework.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          type.getName() + " has no constructor taking a Framework; pass MyCharm::new instead", e);
    }
    constructor.setAccessible(true);
    return framework -> {
      try {
        return constructor.newInstance(framework);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r; // the charm's own failure, reported like any other
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException("cannot construct " + type.getName(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot construct " + type.getName(), e);
      }
    };
  }

  /** The permission bits of every file the containers hold, read before the scratch goes. */
  private static Map<String, Map<String, String>> permissions(Path containers) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    if (!Files.isDirectory(containers)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(containers)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Path rel = containers.relativize(file);
        int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        out.computeIfAbsent(rel.getName(0).toString(), c -> new TreeMap<>())
            .put(
                "/" + rel.subpath(1, rel.getNameCount()).toString().replace('\\', '/'),
                String.format(Locale.ROOT, "%03o", mode & 0777));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the container files under " + containers, e);
    }
    return out;
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("charmkit-context-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the run", e);
    }
  }

  private static Path directory(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the charm files from " + from, e);
    }
  }

  private static void deleteTree(Path root) {
    try {
      ContainerFiles.deleteTree(root);
    } catch (IOException e) {
      // A leftover temporary directory must not fail the test that produced it.
    }
  }
}
