package io.charmkit.coordinator.monolith;

import io.charmkit.coordinator.ClusterContext;
import io.charmkit.coordinator.cluster.ClusterConsistency;
import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.cluster.CoordinatorStatus;
import io.charmkit.coordinator.s3.S3Readiness;
import io.charmkit.coordinator.tls.ServerTls;
import io.charmkit.coordinator.workload.WorkerFiles;
import io.charmkit.interfaces.WorkloadFault;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkloadProcess;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.framework.StoredState;
import io.charmkit.ops.model.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator that is also a worker: with {@value MonolithSettings#ENABLED_OPTION} on and no
 * consistent worker set, the coordinator runs the product itself, in role {@value #ROLE}, in its
 * own workload container, on the same S3 bucket; it hands the work over to workers with hysteresis
 * ({@link HandoverState}) and takes it back when they no longer form a consistent cluster.
 *
 * <p>What each phase does:
 *
 * <ul>
 *   <li>{@link Phase#MONOLITH}: the process runs with the configuration the product's {@code
 *       workerConfig} renders for a cluster of the coordinator units alone (this unit and its
 *       peers, all in role {@code all}); nginx routes to them; nothing is published to workers.
 *       Status {@code running monolithic: no consistent worker set (missing roles: …)}.
 *   <li>{@link Phase#HANDOVER}: workers receive the configuration, rendered with the coordinator
 *       units added to the cluster (so they join the coordinator's ring and the ring's data hands
 *       over); the coordinator's process keeps running on its own configuration, which a worker
 *       joining or leaving does not change (no restart). Status {@code handing over to workers (Ns
 *       left)}.
 *   <li>{@link Phase#CLUSTER}: the process is stopped and the coordinator is upstream's again.
 * </ul>
 *
 * <p>S3 not ready blocks as it always does, and freezes the phase: the process is neither started
 * nor stopped. Turning the option off stops a running process and returns to {@link Phase#OFF}. The
 * phase lives in stored state; the time, which makes HANDOVER's status change, comes from the
 * injected clock ({@link io.charmkit.ops.context.HostEnvironment#clock()}) and is a steady-state
 * input during HANDOVER only.
 */
public final class MonolithicFallback extends Component {
  /** The role the coordinator runs: every product's meta-role for the whole product. */
  public static final String ROLE = "all";

  private static final Logger LOG = LoggerFactory.getLogger(MonolithicFallback.class);

  private final RolesTable roles;
  private final String peers;
  private final Clock clock;
  private final Supplier<Optional<WorkloadProcess>> process;
  private final StoredState<HandoverState> state;
  private MonolithSettings settings;
  private Instant now;

  /**
   * Creates the mode's component (it observes nothing: the coordinator calls it).
   *
   * @param coordinator the coordinator charm
   * @param roles the product's roles table (it must have the role {@value #ROLE} when the mode is
   *     used)
   * @param peers the coordinator's peer endpoint, where its units publish their {@code hostname}
   * @param clock the clock the hold is measured on
   * @param process the product's process, asked for only when the mode is on
   */
  public MonolithicFallback(
      Component coordinator,
      RolesTable roles,
      String peers,
      Clock clock,
      Supplier<Optional<WorkloadProcess>> process) {
    super(coordinator, "monolith");
    this.roles = Objects.requireNonNull(roles, "roles");
    this.peers = Objects.requireNonNull(peers, "peers");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.process = Objects.requireNonNull(process, "process");
    this.state = storedState("handover", HandoverState.class, () -> HandoverState.OFF);
  }

  /**
   * Moves the phase for this reconcile, stops the coordinator's own process when the phase says it
   * must not run (CLUSTER, or the mode just turned off: a charm that never turned it on never has
   * its container touched), and tells whether the coordinator runs the product itself with the gate
   * closed (phase {@link Phase#MONOLITH}, S3 ready). Call once per reconcile, before the gate.
   *
   * @param view the workers as gathered
   * @param consistency their consistency
   * @param s3 the s3 relation's state
   * @param faults where a Pebble failure goes (it is a status, never a failed hook)
   * @return whether the reconcile must go on although the gate is closed
   */
  public boolean advance(
      ClusterView view,
      ClusterConsistency consistency,
      S3Readiness s3,
      Consumer<WorkloadFault> faults) {
    HandoverState current = state.get();
    if (!settings().enabled()) {
      if (current.phase() != Phase.OFF) {
        LOG.info("{} is off; leaving the monolithic mode", MonolithSettings.ENABLED_OPTION);
        state.set(HandoverState.OFF);
        OwnWorkload.stop(model(), ownProcess()).ifPresent(faults);
      }
      return false;
    }
    if (!(s3 instanceof S3Readiness.Ready) || settings().problem().isPresent()) {
      // Frozen: S3 blocks as it always does, a bad hold is shown; the process is left as it is.
      return current.phase() == Phase.MONOLITH && s3 instanceof S3Readiness.Ready;
    }
    boolean consistent = !view.relations().isEmpty() && consistency.coherent();
    HandoverState next = current.next(consistent, now(), settings().hold());
    if (!next.equals(current)) {
      LOG.info("monolithic fallback: {} -> {}", current.phase(), next.phase());
      state.set(next);
    }
    if (next.phase() == Phase.CLUSTER) {
      OwnWorkload.stop(model(), ownProcess()).ifPresent(faults);
    }
    return next.phase() == Phase.MONOLITH;
  }

  /**
   * In MONOLITH and HANDOVER, keeps the coordinator's own process running on the configuration
   * rendered for the coordinator units alone, with the S3 CA chain and TLS files beside it as a
   * worker writes them; does nothing in the other phases or while a bad hold option freezes the
   * mode.
   *
   * @param context the cluster as the base gathered it (S3 ready)
   * @param fqdn this unit's FQDN
   * @param render the product's {@code workerConfig}
   * @param tls the coordinator's TLS material
   * @param faults where a Pebble failure goes (it is a status, never a failed hook)
   */
  public void run(
      ClusterContext context,
      String fqdn,
      Function<ClusterContext, String> render,
      Optional<ServerTls> tls,
      Consumer<WorkloadFault> faults) {
    if (!settings().enabled()
        || settings().problem().isPresent()
        || !state.get().phase().runsProcess()) {
      return;
    }
    WorkloadProcess own = ownProcess();
    Map<String, String> files = new LinkedHashMap<>();
    files.put(own.configFile(), render.apply(alone(context, fqdn)));
    files.put(WorkerFiles.S3_CA_CHAIN, context.s3().caChainPem().orElse(null));
    files.put(WorkerFiles.CLIENT_CA, tls.map(ServerTls::caCert).orElse(null));
    files.put(WorkerFiles.CERT, tls.map(ServerTls::serverCert).orElse(null));
    files.put(WorkerFiles.KEY, tls.map(ServerTls::privateKey).orElse(null));
    files.put(WorkerFiles.ROOT_CA, tls.map(ServerTls::caCert).orElse(null));
    OwnWorkload.run(model(), own, files).ifPresent(faults);
  }

  /**
   * Returns the cluster nginx routes to and workers are configured for in this phase: the
   * coordinator units alone in MONOLITH, the workers with the coordinator units in HANDOVER, the
   * workers alone otherwise.
   *
   * @param context the cluster as the base gathered it
   * @param fqdn this unit's FQDN
   * @return the cluster
   */
  public ClusterContext served(ClusterContext context, String fqdn) {
    return switch (state.get().phase()) {
      case MONOLITH -> alone(context, fqdn);
      case HANDOVER ->
          new ClusterContext(
              context.view(),
              units(fqdn).joining(context.members(), expandedRole()),
              context.s3(),
              context.tls(),
              context.remoteWriteUrls());
      case OFF, CLUSTER -> context;
    };
  }

  /**
   * Returns the status that replaces the coordinator's gate or active status, if the mode has one:
   * the S3 problem while S3 is not ready (what stops the coordinator from running alone), a bad
   * hold option, {@code running monolithic: …} in MONOLITH and {@code handing over to workers (Ns
   * left)} in HANDOVER. Empty when the mode is off and in CLUSTER.
   *
   * @param view the workers as gathered
   * @param consistency their consistency
   * @param s3 the s3 relation's state
   * @return the status
   */
  public Optional<Status> status(ClusterView view, ClusterConsistency consistency, S3Readiness s3) {
    if (!settings().enabled()) {
      return Optional.empty();
    }
    if (settings().problem().isPresent()) {
      return Optional.of(Status.blocked("[monolith] " + settings().problem().get()));
    }
    if (s3 instanceof S3Readiness.Missing) {
      return Optional.of(Status.blocked(CoordinatorStatus.MISSING_S3));
    }
    if (s3 instanceof S3Readiness.NotReady) {
      return Optional.of(Status.blocked(CoordinatorStatus.S3_NOT_READY));
    }
    HandoverState current = state.get();
    return switch (current.phase()) {
      case MONOLITH -> Optional.of(Status.active(monolithMessage(view, consistency)));
      case HANDOVER -> {
        long left = ceilSeconds(current.remaining(now(), settings().hold()));
        yield Optional.of(Status.active("handing over to workers (" + left + "s left)"));
      }
      case OFF, CLUSTER -> Optional.empty();
    };
  }

  /**
   * Returns what the steady-state fast path must hash besides stored state: the time, during
   * HANDOVER only (its status counts down and its end depends on nothing else); nothing otherwise.
   *
   * @return the input
   */
  public Object steadyStateInputs() {
    return state.get().phase() == Phase.HANDOVER ? now().toString() : "";
  }

  /**
   * Returns the phase after this dispatch's {@link #advance}.
   *
   * @return the phase
   */
  public Phase phase() {
    return state.get().phase();
  }

  static String monolithMessage(ClusterView view, ClusterConsistency consistency) {
    String why =
        view.relations().isEmpty()
            ? "no worker relation"
            : "missing roles: " + String.join(", ", consistency.missingRoles());
    return "running monolithic: no consistent worker set (" + why + ")";
  }

  private ClusterContext alone(ClusterContext context, String fqdn) {
    ClusterMembers members = units(fqdn).alone(expandedRole());
    return new ClusterContext(
        new ClusterView(List.of()),
        members,
        context.s3(),
        context.tls(),
        context.remoteWriteUrls());
  }

  private CoordinatorUnits units(String fqdn) {
    return CoordinatorUnits.read(model(), peers, fqdn);
  }

  private SortedSet<String> expandedRole() {
    if (!roles.roles().contains(ROLE) && !roles.isMetaRole(ROLE)) {
      throw new IllegalStateException(
          roles.product() + " has no role '" + ROLE + "'; the monolithic fallback needs one");
    }
    return roles.expand(ROLE);
  }

  private WorkloadProcess ownProcess() {
    return process
        .get()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the charm declares "
                        + MonolithSettings.ENABLED_OPTION
                        + " but its monolithicProcess() returns none"));
  }

  private MonolithSettings settings() {
    if (settings == null) {
      settings = MonolithSettings.read(model());
    }
    return settings;
  }

  private Instant now() {
    if (now == null) {
      now = clock.instant();
    }
    return now;
  }

  private static long ceilSeconds(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }
}
