package io.charmkit.ops;

import io.charmkit.ops.context.DispatchPath;
import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.context.MissingContextException;
import io.charmkit.ops.event.ActionEvent;
import io.charmkit.ops.event.CollectStatusEvent;
import io.charmkit.ops.event.HookEvent;
import io.charmkit.ops.event.RelationEvent;
import io.charmkit.ops.event.SecretEvent;
import io.charmkit.ops.event.StorageEvent;
import io.charmkit.ops.event.WorkloadEvent;
import io.charmkit.ops.framework.Event;
import io.charmkit.ops.framework.EventSource;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.HookTools;
import io.charmkit.ops.hooktools.ProcessHookTools;
import io.charmkit.ops.inputs.InputJournal;
import io.charmkit.ops.log.JujuLogSink;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.metadata.MetadataException;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.PebbleConnector;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.state.FileStateStore;
import io.charmkit.ops.state.JujuStateStore;
import io.charmkit.ops.state.StateStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one whole dispatch, in the order ops runs it (JUJU.md §4): build the model, construct the
 * charm (which registers its observers), re-emit deferred events, emit the Juju event, collect
 * status, commit. If anything throws, nothing is committed (no relation data, no stored state) and
 * the exit code is non-zero, so Juju discards the hook's changes and retries it.
 *
 * <p>This loop is the same in production and under test: only the {@link HookTools} and {@link
 * StateStore} handed in differ.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private Dispatcher() {}

  /** Where a charm keeps its stored state and deferred events between dispatches. */
  public enum StateBackend {
    /**
     * A JSON file in the charm directory (the default; lost when a Kubernetes pod is recreated).
     */
    CHARM_DIR,
    /** Juju's controller-side charm state ({@code state-get}/{@code state-set}); survives pods. */
    JUJU
  }

  /**
   * The production entry point: runs the dispatch Juju started this process for and exits with its
   * code. Call it from the charm's {@code main}.
   */
  public static void main(Function<Framework, ? extends Charm> charmFactory) {
    main(charmFactory, StateBackend.CHARM_DIR);
  }

  /** The production entry point, keeping stored state in {@code backend}. */
  public static void main(Function<Framework, ? extends Charm> charmFactory, StateBackend backend) {
    int code = runProduction(System.getenv(), charmFactory, backend);
    if (code == 0 && StartupTraining.requested()) {
      // install/upgrade-charm building the start-up cache: let it hold every class, not only
      // those this hook happened to load (relation hooks need many more).
      StartupTraining.preloadClassPath();
    }
    // Exit explicitly: a charm's stray non-daemon thread must not keep the hook alive.
    System.exit(code);
  }

  /**
   * Runs one production dispatch from {@code env}: real hook tools, logging to {@code juju-log},
   * the chosen state store. Returns the exit code instead of exiting (for tests and embedders).
   *
   * <p>With {@code CHARMKIT_HOOK_STATS=<path>} in {@code env}, a JSON summary of the dispatch (tool
   * calls and time by tool, total time, peak RSS) is written to {@code <path>} at the end; see
   * {@link HookStats}. Unset, nothing is measured beyond two clock reads per tool call.
   */
  public static int runProduction(
      Map<String, String> env,
      Function<Framework, ? extends Charm> charmFactory,
      StateBackend backend) {
    long start = System.nanoTime();
    JujuContext context;
    try {
      context = JujuContext.fromEnvironment(env);
    } catch (MissingContextException | IllegalArgumentException e) {
      // No hook tools can be trusted without a context: say why on stderr, which Juju logs.
      System.err.println("charmkit: cannot start: " + e.getMessage());
      return 2;
    }
    ProcessHookTools tools = new ProcessHookTools(env);
    JujuLogSink.install(tools, env);
    int code = 1;
    try {
      code = runWithTools(env, context, tools, charmFactory, backend);
      return code;
    } finally {
      JujuLogSink.uninstall();
      HookStats.writeIfRequested(
          env, context.dispatchPath().raw(), code, System.nanoTime() - start, tools);
    }
  }

  private static int runWithTools(
      Map<String, String> env,
      JujuContext context,
      ProcessHookTools tools,
      Function<Framework, ? extends Charm> charmFactory,
      StateBackend backend) {
    CharmMetadata metadata;
    try {
      metadata = CharmMetadata.load(context.charmDir());
    } catch (MetadataException e) {
      LOG.error("cannot start: {}", e.getMessage());
      return 1;
    }
    StateStore store =
        backend == StateBackend.JUJU
            ? new JujuStateStore(tools)
            : new FileStateStore(context.charmDir());
    DispatchResult result =
        run(context, metadata, tools, PebbleConnector.fromEnvironment(env), store, charmFactory);
    if (!result.succeeded() && context.dispatchPath().action()) {
      // For actions Juju shows stderr to the operator: give a one-line reason there too.
      System.err.println(
          "action "
              + context.dispatchPath().juju()
              + " failed: "
              + result.failure().map(Throwable::toString).orElse("unknown error"));
    }
    return result.exitCode();
  }

  /**
   * Runs the dispatch described by {@code context}.
   *
   * @param context the parsed Juju environment
   * @param metadata the charm's metadata
   * @param tools the hook-tool backend
   * @param pebble how to reach the workload containers' Pebble
   * @param store where stored state and deferred events live
   * @param charmFactory the charm's constructor
   */
  public static DispatchResult run(
      JujuContext context,
      CharmMetadata metadata,
      HookTools tools,
      PebbleConnector pebble,
      StateStore store,
      Function<Framework, ? extends Charm> charmFactory) {
    Framework framework = null;
    try {
      // Every read is journaled for the steady-state fast path (io.charmkit.ops.inputs).
      InputJournal journal = new InputJournal(context, tools, pebble);
      Model model = new Model(context, metadata, journal, journal.pebble());
      framework = new Framework(model, store);
      Charm charm = charmFactory.apply(framework);
      boolean restricted = context.restricted();
      if (!restricted) {
        framework.reemitDeferred();
      }
      Optional<EventSource<? extends Event>> source =
          charm.on().forDispatch(context.dispatchPath());
      if (source.isPresent()) {
        emit(source.get(), eventFor(context, model, tools));
      } else {
        LOG.debug("{} is not an event of this charm; nothing to do", context.dispatchPath().raw());
      }
      if (!restricted) {
        collectStatus(charm, model);
      }
      model.commit();
      framework.commit();
      return new DispatchResult(0, Optional.empty(), framework.emitted(), framework.deferred());
    } catch (RuntimeException e) {
      LOG.error("{} failed; nothing was committed", describe(context), e);
      List<String> emitted = framework == null ? List.of() : framework.emitted();
      return new DispatchResult(1, Optional.of(e), emitted, List.of());
    }
  }

  private static String describe(JujuContext context) {
    DispatchPath path = context.dispatchPath();
    return (path.action() ? "action " : "hook ") + path.juju();
  }

  @SuppressWarnings("unchecked")
  private static <E extends Event> void emit(EventSource<E> source, Event event) {
    source.emit((E) event);
  }

  private static void collectStatus(Charm charm, Model model) {
    if (model.isLeader()) {
      CollectStatusEvent app = new CollectStatusEvent(true);
      charm.on().collectAppStatus().emit(app);
      app.winner().ifPresent(s -> model.app().setStatus(s));
    }
    CollectStatusEvent unit = new CollectStatusEvent(false);
    charm.on().collectUnitStatus().emit(unit);
    unit.winner().ifPresent(s -> model.unit().setStatus(s));
  }

  /** Builds the event object for the Juju event the context names. */
  static Event eventFor(JujuContext context, Model model, HookTools tools) {
    EventKind kind = context.kind();
    if (kind.isRelation()) {
      Relation relation =
          model.relation(
              context.relation().orElseThrow().endpoint(), context.relation().get().id());
      return new RelationEvent(
          kind,
          relation,
          context.remoteApp().map(model::appNamed),
          context.remoteUnit().map(model::unitNamed),
          context.departingUnit().map(model::unitNamed));
    }
    if (kind.isWorkload()) {
      return new WorkloadEvent(
          kind,
          context.workloadName().orElseThrow(),
          context.noticeId(),
          context.noticeType(),
          context.noticeKey(),
          context.pebbleCheckName());
    }
    if (kind.isSecret()) {
      return new SecretEvent(
          kind, context.secretId().orElseThrow(), context.secretLabel(), context.secretRevision());
    }
    if (kind.isStorage()) {
      return new StorageEvent(kind, context.storageId().orElseThrow(), context.storageLocation());
    }
    if (kind == EventKind.ACTION) {
      return new ActionEvent(context.actionName().orElseThrow(), context.actionUuid(), tools);
    }
    return new HookEvent(context.dispatchPath().juju());
  }
}
