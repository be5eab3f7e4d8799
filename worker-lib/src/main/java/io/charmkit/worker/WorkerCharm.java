package io.charmkit.worker;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.interfaces.WorkloadFault;
import io.charmkit.interfaces.cluster.ClusterRequirer;
import io.charmkit.interfaces.cluster.TlsData;
import io.charmkit.interfaces.loki.LogForwarding;
import io.charmkit.interfaces.topology.Topologies;
import io.charmkit.ops.Charm;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.event.CollectStatusEvent;
import io.charmkit.ops.framework.Event;
import io.charmkit.ops.framework.EventSource;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.inputs.SteadyState;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.metadata.ConfigOption;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PathNotFoundException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleConnectionException;
import io.charmkit.ops.pebble.PebbleException;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.topology.JujuTopology;
import io.charmkit.schema.validation.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of a coordinated worker charm (PRODUCTS.md §1.7, §1.10). A product's worker extends it,
 * names its workload container and cluster endpoint, and builds its Pebble layer:
 *
 * <pre>{@code
 * public final class TempoWorkerCharm extends WorkerCharm {
 *   public TempoWorkerCharm(Framework framework) {
 *     super(framework, "tempo", "tempo-cluster", HostEnvironment.system());
 *   }
 *
 *   protected Optional<Layer> layer() { ... }
 *   protected Optional<String> readinessUrl() { return Optional.of("http://" + address() + ":3200/ready"); }
 *
 *   public static void main(String[] args) { Dispatcher.main(TempoWorkerCharm::new); }
 * }
 * }</pre>
 *
 * <p><b>Roles</b> come from the charm's boolean {@code role-<name>} options. They are taken in the
 * order of the option names, which is the order Juju's {@code config-get} lists them in (Go sorts
 * map keys) and so the order the Python worker publishes.
 *
 * <p><b>Reconcile.</b> Every hook but {@code pebble-check-failed} runs the same reconcile, observed
 * before the cluster endpoint's own handlers so that this unit's data is published first: publish
 * the roles, this unit's FQDN and its topology; then, when <em>ready</em> (the container answers, a
 * role is enabled and the coordinator sent a configuration), write the configuration (only when its
 * meaning changed), the TLS files (each only when different, removed when the coordinator sends
 * none), and the layer (only when its services or checks differ from the plan), open the ports the
 * coordinator published, and restart the workload when any of that changed. When not ready but the
 * container answers, every file is wiped and every planned service stopped. Whenever the container
 * answers, its logs are forwarded to the Loki units the coordinator names (a layer labelled {@code
 * <container>-log-forwarding}); targets of Loki units that went away are switched off.
 *
 * <p><b>Status</b> is reported through collect-unit-status with the Python worker's texts, after
 * the charm's own {@link #productStatuses()} (which therefore win a tie).
 *
 * <p><b>Bad remote data</b> never fails a hook and never stops a running workload: when the
 * coordinator's bag does not validate or its {@code worker_config} is not a sane YAML mapping, the
 * worker leaves its files, layers, services and ports exactly as they are (its last good
 * configuration) and shows {@code Invalid coordinator data: relation …, application …, <field>: …}
 * until valid data arrives. A key secret this unit cannot read is named the same way and the key
 * file in use is kept. Only valid data (an empty {@code worker_config} included) or the relation
 * going away changes or stops the workload.
 *
 * <p><b>Workload faults</b> never fail a hook either: when Pebble refuses or fails what the worker
 * asks (a service that cannot start, a push or pull, a layer), the worker stops touching the
 * container for the rest of the hook and shows {@code [<container>] <Pebble's reason>} as a blocked
 * status; its role, address and topology are published regardless. A failed (re)start is retried
 * for at most {@link RestartPolicy#DEFAULT}'s few seconds, and the next event starts a service that
 * should run but does not. An exception that is not Pebble's is a bug in the charm and still fails
 * the hook.
 *
 * <p>After a TLS file changes, {@code update-ca-certificates --fresh} runs in the workload through
 * Pebble exec; a failure is a status. Not done yet: the workload version on pebble-ready. Also not
 * done: charm tracing, pod labels and the resources patch.
 */
public abstract class WorkerCharm extends Charm {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerCharm.class);
  private static final String ROLE_PREFIX = "role-";
  private static final ExecRequest UPDATE_CA_CERTIFICATES =
      ExecRequest.of("update-ca-certificates", "--fresh").withTimeout(Duration.ofSeconds(60));

  private final String containerName;
  private final String endpoint;
  private final HostEnvironment environment;
  private final List<String> roleOptions;
  private final ClusterRequirer cluster;
  private final SteadyState steady;

  // Read at most once per dispatch (every dispatch builds a new charm).
  private List<String> roles;
  private String address;
  private JujuTopology topology;
  private Boolean reachable;
  private Optional<Map<String, Object>> config;
  private final List<RemoteDataProblem> configProblems = new ArrayList<>();
  private Optional<Layer> layer;
  private Boolean configOnDisk;
  private List<String> stopped;
  // What the reconcile was doing, for the status if Pebble fails it.
  private String step = "";
  private final List<WorkloadFault> faults = new ArrayList<>();

  /**
   * Creates the worker and registers its observers.
   *
   * @param framework the dispatch's framework
   * @param containerName the workload container, as declared in {@code metadata.yaml}
   * @param endpoint the cluster endpoint (a {@code requires} with limit 1), e.g. {@code
   *     tempo-cluster}
   * @param environment the host's FQDN, environment, clock and sleeper
   * @throws IllegalArgumentException when the metadata declares no such container or endpoint
   * @throws IllegalStateException when {@code config.yaml} declares no {@code role-<name>} option,
   *     or declares one that is not a boolean
   */
  protected WorkerCharm(
      Framework framework, String containerName, String endpoint, HostEnvironment environment) {
    super(framework);
    this.containerName = Objects.requireNonNull(containerName, "containerName");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.environment = Objects.requireNonNull(environment, "environment");
    CharmMetadata metadata = model().metadata();
    this.roleOptions = roleOptions(metadata);
    Set<EventSource<? extends Event>> skipped = new HashSet<>();
    // A failing check only changes the status, which collect-status computes anyway (#172).
    metadata.containers().forEach(c -> skipped.add(on().pebbleCheckFailed(c)));
    on().pebbleReady(containerName); // fails early on an undeclared container
    for (EventSource<? extends Event> source : on().everyHook()) {
      if (!skipped.contains(source)) {
        observe(source, e -> reconcile());
      }
    }
    this.cluster = new ClusterRequirer(this, endpoint);
    observe(on().collectUnitStatus(), this::collectStatus);
    // The host facts the reconcile reads besides hook tools, Pebble and stored state: the FQDN it
    // publishes and the proxy variables its layer carries.
    this.steady =
        new SteadyState(
            this,
            () -> List.of(address(), charmEnvironment(), String.valueOf(steadyStateInputs())));
  }

  // --- what a product supplies ------------------------------------------------------------------

  /**
   * Builds the workload's Pebble layer, called when the worker is ready. The base adds the
   * readiness check and the proxy variables. Return empty when the configuration cannot run (for
   * example an unsupported combination of roles), and say why in {@link #productStatuses()}; an
   * exception is a bug in the charm and fails the hook.
   *
   * @return the layer, with {@code override} set on every service
   */
  protected abstract Optional<Layer> layer();

  /**
   * Returns the URL that the {@code ready} Pebble check GETs; empty for no check.
   *
   * @return the readiness URL
   */
  protected Optional<String> readinessUrl() {
    return Optional.empty();
  }

  /**
   * Returns the configuration to write, given the one the coordinator sent (a product may add
   * unit-specific settings). The default returns it unchanged.
   *
   * @param received the coordinator's {@code worker_config}, parsed; a copy the method may change
   * @return the configuration to write
   */
  protected Map<String, Object> workerConfig(Map<String, Object> received) {
    return received;
  }

  /**
   * Whether the workload can start with what the coordinator sent. When false the configuration and
   * layer are still written but nothing is restarted; the charm's status should say why.
   *
   * @return true by default
   */
  protected boolean readyToStart() {
    return true;
  }

  /**
   * Returns how long and how often a failed restart is retried.
   *
   * @return {@link RestartPolicy#DEFAULT} unless overridden
   */
  protected RestartPolicy restartPolicy() {
    return RestartPolicy.DEFAULT;
  }

  /**
   * Returns the ports to open when the coordinator publishes no {@code worker_ports} (an older
   * coordinator, or none yet). Empty (the default) leaves the opened ports alone.
   *
   * @return TCP port numbers
   */
  protected Set<Integer> legacyPorts() {
    return Set.of();
  }

  /**
   * Returns the product's own statuses, added to collect-unit-status before the base's, so that on
   * a tie of priority they win.
   *
   * @return the statuses; empty by default
   */
  protected List<Status> productStatuses() {
    return List.of();
  }

  /**
   * Returns what the product's callbacks ({@link #layer()}, {@link #workerConfig}, {@link
   * #productStatuses()}, …) read that is neither a hook tool, Pebble, stored state nor the host
   * facts the base reads (FQDN, the {@code JUJU_CHARM_*} variables): the steady-state fast path
   * hashes it with the other inputs, so that a change to it is never skipped. Its {@code toString}
   * must tell different values apart. Empty by default.
   *
   * @return the extra inputs
   */
  protected Object steadyStateInputs() {
    return List.of();
  }

  /**
   * Tells whether this dispatch skipped the reconcile because every input was as after the last
   * quiet dispatch of the same event ({@link SteadyState}).
   *
   * @return whether it was skipped
   */
  protected final boolean steadyStateSkipped() {
    return steady.unchanged();
  }

  // --- what a product can read ------------------------------------------------------------------

  /**
   * Returns the enabled roles, unexpanded ({@code all} stays {@code all}), in option-name order.
   *
   * @return the roles; empty when none is enabled
   */
  protected final List<String> roles() {
    if (roles == null) {
      List<String> enabled = new ArrayList<>();
      for (String option : roleOptions) {
        if (config().flag(option)) {
          enabled.add(option.substring(ROLE_PREFIX.length()));
        }
      }
      roles = Collections.unmodifiableList(enabled);
    }
    return roles;
  }

  /**
   * Returns this unit's FQDN: the address it publishes and its workload listens on.
   *
   * @return the FQDN
   */
  protected final String address() {
    if (address == null) {
      address = environment.fqdn().get();
    }
    return address;
  }

  /**
   * Returns the environment that sends a Grafana workload's own traces (Pyroscope, Loki, Mimir) to
   * the coordinator's {@code jaeger_thrift_http} receiver: {@code JAEGER_ENDPOINT}, a constant
   * sampler and the topology as {@code JAEGER_TAGS}.
   *
   * @return the variables; empty when the coordinator published no such receiver
   */
  protected final Map<String, String> jaegerTracingEnvironment() {
    return JaegerTracing.environment(cluster().workloadTracingReceivers(), topologyAttributes());
  }

  /**
   * Returns the topology as the workloads' tracing attributes take it (PRODUCTS.md §2.2, §3.2):
   * {@code juju_application=…,juju_model=…,juju_model_uuid=…,juju_unit=…,juju_charm=…}, in that
   * order, so Tempo's {@code OTEL_RESOURCE_ATTRIBUTES} and Pyroscope's {@code JAEGER_TAGS} agree.
   *
   * @return the attribute list
   */
  protected final String topologyAttributes() {
    JujuTopology t = topology();
    return "juju_application="
        + t.application()
        + ",juju_model="
        + t.model()
        + ",juju_model_uuid="
        + t.modelUuid()
        + ",juju_unit="
        + t.unit()
        + ",juju_charm="
        + t.charmName();
  }

  /**
   * Returns this unit's topology (model, model UUID, application, unit and charm name).
   *
   * @return the topology
   */
  protected final JujuTopology topology() {
    if (topology == null) {
      topology = Topologies.fromModel(model());
    }
    return topology;
  }

  /**
   * Returns the cluster endpoint, to read what the coordinator sent.
   *
   * @return the endpoint
   */
  protected final ClusterRequirer cluster() {
    return cluster;
  }

  /**
   * Returns the workload container's name.
   *
   * @return the name
   */
  protected final String containerName() {
    return containerName;
  }

  // --- reconcile --------------------------------------------------------------------------------

  private void reconcile() {
    if (steady.unchanged()) {
      // Nothing any input could change: no decoding, validation, rendering or comparison, and no
      // write (the statuses are set at collect-status from the record).
      return;
    }
    cluster.publish(roles(), address(), topology().forWorker());
    // Bad coordinator data changes nothing: the workload keeps its last good configuration. A
    // local decision (no role enabled) still stops it.
    boolean held = rejected() && !roles().isEmpty();
    List<Integer> published = cluster.workerPorts();
    if (!held && published.isEmpty() && !legacyPorts().isEmpty()) {
      LOG.info("the coordinator published no worker ports (yet); opening the legacy set");
      openPorts(legacyPorts());
    }
    if (!reachable()) {
      LOG.debug("container {} is not reachable: nothing to configure", containerName);
      return;
    }
    if (held) {
      LOG.warn(
          "the coordinator's data was rejected; {} keeps its files, layer and services as they"
              + " are until valid data arrives",
          containerName);
      return;
    }
    try {
      step = "cannot forward the workload's logs";
      forwardLogs();
      if (ready()) {
        if (!published.isEmpty()) {
          openPorts(published);
        }
        // All three are always evaluated, so that each file is brought up to date.
        step = "cannot write the TLS files";
        boolean changed = updateTlsFiles();
        step = "cannot write " + WorkerFiles.CONFIG;
        changed |= updateConfig();
        step = "cannot add the " + containerName + " layer";
        changed |= updateLayer();
        step = "cannot read the services";
        boolean retry = !changed && !stopped().isEmpty();
        step = "cannot (re)start the workload";
        if (changed) {
          LOG.info("the workload configuration changed; restarting");
          restart();
        } else if (retry) {
          // A start that failed on an earlier event (a missing binary, a crash) is tried again.
          LOG.info("services {} are not running; starting them again", stopped());
          restart();
        }
      } else {
        LOG.debug("worker not ready: wiping its files and stopping its services");
        step = "cannot remove the workload's files";
        wipe();
        step = "cannot stop the workload";
        stop();
      }
    } catch (PebbleConnectionException e) {
      // The container went away mid-hook; its next pebble-ready runs this again.
      LOG.warn("lost the {} container while configuring it: {}", containerName, e.getMessage());
      reachable = false;
    } catch (PebbleException e) {
      // The workload, not the charm, failed: show it and try again on the next event.
      WorkloadFault fault = WorkloadFault.of(containerName, step, e);
      faults.add(fault);
      LOG.error("{}; the next event tries again", fault.status());
    }
  }

  /** Whether the coordinator's bag or its configuration was rejected in this dispatch. */
  private boolean rejected() {
    receivedConfig(); // records a worker_config that is not a sane YAML mapping
    return !configProblems.isEmpty()
        || (cluster.coordinatorData().isEmpty() && !cluster.problems().isEmpty());
  }

  /** The services of the layer that should run but do not (a start failed earlier). */
  private List<String> stopped() {
    if (stopped == null) {
      Optional<Layer> wanted = fullLayer();
      if (wanted.isEmpty() || !configOnDisk() || roles().isEmpty() || !readyToStart()) {
        stopped = List.of();
      } else {
        Set<String> names = wanted.get().services().keySet();
        stopped =
            pebble().services(List.copyOf(names)).stream()
                .filter(s -> !"active".equals(s.current()))
                .map(s -> s.name())
                .sorted()
                .toList();
      }
    }
    return stopped;
  }

  private void forwardLogs() {
    Optional<Layer> changes =
        LogForwarding.changes(pebble().plan(), cluster.lokiEndpoints(), topology());
    if (changes.isPresent()) {
      pebble().addLayer(LogForwarding.label(containerName), changes.get(), true);
      LOG.info("log forwarding now goes to {}", cluster.lokiEndpoints().keySet());
    }
  }

  private boolean ready() {
    return reachable() && !roles().isEmpty() && receivedConfig().isPresent();
  }

  private void openPorts(Iterable<Integer> ports) {
    Set<Port> wanted = new HashSet<>();
    ports.forEach(p -> wanted.add(Port.tcp(p)));
    unit().setPorts(wanted);
  }

  private boolean updateConfig() {
    String text = ConfigYaml.write(receivedConfig().orElseThrow());
    if (ConfigYaml.sameMeaning(read(WorkerFiles.CONFIG), text)) {
      configOnDisk = true;
      return false;
    }
    pebble().push(WorkerFiles.CONFIG, text, PushOptions.defaults().withMakeDirs());
    configOnDisk = true;
    LOG.info("wrote a new workload configuration to {}", WorkerFiles.CONFIG);
    return true;
  }

  private boolean updateTlsFiles() {
    CoordinatorAppData data = cluster.coordinatorData().orElseThrow();
    // The key needs the CA, the certificate and a readable secret (ClusterRequirer#tls); the
    // other files follow their own fields, as in the Python worker.
    String key = cluster.tls().map(TlsData::privateKey).orElse(null);
    boolean keyRejected =
        key == null
            && data.caCert() != null
            && data.serverCert() != null
            && data.privkeySecretId() != null;
    boolean changed = sync(WorkerFiles.CLIENT_CA, data.caCert(), null);
    changed |= sync(WorkerFiles.CERT, data.serverCert(), null);
    if (keyRejected) {
      // A secret this unit cannot read does not take away the key in use (if there is one).
      LOG.warn("keeping {} as it is: the coordinator's key secret cannot be used", WorkerFiles.KEY);
    } else {
      changed |= sync(WorkerFiles.KEY, key, "600");
    }
    changed |= sync(WorkerFiles.S3_CA_CHAIN, data.s3TlsCaChain(), null);
    changed |= sync(WorkerFiles.ROOT_CA, data.caCert(), null);
    if (changed) {
      refreshTrustStore();
    }
    return changed;
  }

  /**
   * Runs {@code update-ca-certificates --fresh} in the workload, as the Python worker does after a
   * TLS file changed, so that the workload trusts the coordinator's CA. A missing or failing
   * program is a workload fault (a status): the files are written and the workload still restarts.
   */
  private void refreshTrustStore() {
    try {
      pebble().exec(UPDATE_CA_CERTIFICATES);
      LOG.info("TLS files changed; refreshed the workload's trust store");
    } catch (PebbleConnectionException e) {
      throw e;
    } catch (PebbleException e) {
      WorkloadFault fault = WorkloadFault.of(containerName, "cannot run update-ca-certificates", e);
      faults.add(fault);
      LOG.error("{}; the workload may not trust the coordinator's CA", fault.status());
    }
  }

  private boolean sync(String path, String wanted, String permissions) {
    Optional<String> current = read(path);
    if (wanted == null || wanted.isEmpty()) {
      if (current.isPresent()) {
        pebble().remove(path, true);
        LOG.debug("{} removed", path);
        return true;
      }
      return false;
    }
    if (current.isPresent() && current.get().equals(wanted)) {
      return false;
    }
    PushOptions options = PushOptions.defaults().withMakeDirs();
    pebble()
        .push(path, wanted, permissions == null ? options : options.withPermissions(permissions));
    LOG.debug("{} updated", path);
    return true;
  }

  private boolean updateLayer() {
    Optional<Layer> wanted = fullLayer();
    if (wanted.isEmpty()) {
      return false;
    }
    if (!WorkloadLayer.differs(wanted.get(), pebble().plan())) {
      return false;
    }
    pebble().addLayer(containerName, wanted.get(), true);
    LOG.info("added a new {} layer", containerName);
    return true;
  }

  private void restart() {
    if (!configOnDisk()) {
      LOG.error("cannot restart the workload: {} does not exist (yet)", WorkerFiles.CONFIG);
      return;
    }
    Optional<Layer> wanted = fullLayer();
    if (roles().isEmpty() || wanted.isEmpty() || wanted.get().services().isEmpty()) {
      return;
    }
    if (!readyToStart()) {
      LOG.warn("the workload cannot start with the coordinator's current data; not restarting");
      return;
    }
    stopped = null; // whatever happens, the services' states are to be read again
    new RestartLoop(restartPolicy(), environment.clock(), environment.sleeper(), unit()::setStatus)
        .restart(pebble(), List.copyOf(wanted.get().services().keySet()));
  }

  private void wipe() {
    for (String file : WorkerFiles.ALL) {
      pebble().remove(file, true);
    }
    configOnDisk = false;
  }

  private void stop() {
    List<String> services = List.copyOf(pebble().plan().services().keySet());
    if (services.isEmpty()) {
      LOG.debug("nothing to stop: no services in the plan");
      return;
    }
    pebble().stop(services);
  }

  // --- status -----------------------------------------------------------------------------------

  private void collectStatus(CollectStatusEvent event) {
    List<Status> statuses = new ArrayList<>();
    if (steady.unchanged()) {
      statuses.addAll(steady.recordedStatuses());
    } else {
      statuses.addAll(productStatuses());
      statuses.addAll(workerStatuses());
    }
    steady.statuses(statuses);
    statuses.forEach(event::addStatus);
  }

  /** The {@code JUJU_CHARM_*} variables (Juju's proxy settings), which the layer carries. */
  private Map<String, String> charmEnvironment() {
    Map<String, String> out = new TreeMap<>();
    environment
        .env()
        .forEach(
            (k, v) -> {
              if (k.startsWith("JUJU_CHARM_")) {
                out.put(k, v);
              }
            });
    return out;
  }

  private List<Status> workerStatuses() {
    List<Status> statuses = new ArrayList<>();
    for (WorkloadFault fault : faults) {
      statuses.add(
          fault.unreachable() ? Status.waiting(fault.status()) : Status.blocked(fault.status()));
    }
    if (!reachable()) {
      statuses.add(Status.waiting("Waiting for `" + containerName + "` container"));
    }
    Optional<Relation> relation = model().relations(endpoint).stream().findFirst();
    if (relation.isEmpty()) {
      statuses.add(Status.blocked("Missing relation to a coordinator charm"));
    } else if (relation.get().app().isEmpty()) {
      statuses.add(Status.waiting("Cluster relation not ready"));
    }
    receivedConfig(); // records a worker_config that is not YAML among the problems
    List<RemoteDataProblem> problems = new ArrayList<>(cluster.problems());
    problems.addAll(configProblems);
    if (!problems.isEmpty()) {
      statuses.add(Status.waiting("Invalid coordinator data: " + problems.get(0).summary()));
    }
    if (receivedConfig().isEmpty() || !configOnDisk()) {
      statuses.add(Status.waiting("Waiting for coordinator to publish a config"));
    }
    if (roles().isEmpty()) {
      statuses.add(
          Status.blocked(
              "Node offline: no role assigned. Please configure this worker to enable a role."
                  + " For example: 'juju config "
                  + app().name()
                  + " role-all=true'."));
    }
    if (faults.isEmpty() && reachable() && !rejected() && ready() && !stoppedQuietly().isEmpty()) {
      statuses.add(
          Status.blocked(
              "["
                  + containerName
                  + "] service \""
                  + stoppedQuietly().get(0)
                  + "\" is not running; the next event starts it again"));
    }
    if (readinessUrl().isPresent() && ready() && readinessCheckDown()) {
      LOG.error(
          "the worker's services appear to be down; check the Pebble services and their logs");
      statuses.add(Status.blocked("Pebble check [" + WorkloadLayer.READY_CHECK + "] is 'DOWN'."));
    }
    if (statuses.isEmpty()) {
      String joined = String.join(",", roles());
      statuses.add(Status.active(joined.equals("all") ? "(all roles) ready." : joined + " ready."));
    }
    return statuses;
  }

  /** {@link #stopped()}, or empty when Pebble cannot tell (the fault is then reported). */
  private List<String> stoppedQuietly() {
    try {
      return stopped();
    } catch (PebbleException e) {
      LOG.debug("cannot read the services: {}", e.getMessage());
      return List.of();
    }
  }

  private boolean readinessCheckDown() {
    try {
      return pebble().checks(null, List.of(WorkloadLayer.READY_CHECK)).stream()
          .anyMatch(c -> "down".equals(c.status()));
    } catch (PebbleException e) {
      LOG.debug("could not read the readiness check; it may not exist yet: {}", e.getMessage());
      return false;
    }
  }

  // --- per-dispatch reads -----------------------------------------------------------------------

  private PebbleClient pebble() {
    return model().container(containerName).pebble();
  }

  private boolean reachable() {
    if (reachable == null) {
      reachable = model().container(containerName).canConnect();
    }
    return reachable;
  }

  /** The configuration to write: the coordinator's, parsed and adjusted by the product. */
  private Optional<Map<String, Object>> receivedConfig() {
    if (config != null) {
      return config;
    }
    config = Optional.empty();
    Optional<String> text = cluster.config();
    if (text.isEmpty()) {
      return config;
    }
    Map<String, Object> parsed;
    try {
      parsed = ConfigYaml.parse(text.get());
    } catch (IllegalArgumentException e) {
      Relation relation = model().relations(endpoint).get(0);
      String owner = relation.app().map(a -> a.name()).orElse("?");
      RemoteDataProblem problem =
          new RemoteDataProblem(
              endpoint,
              relation.id(),
              owner,
              true,
              List.of(new Problem("worker_config", e.getMessage())));
      configProblems.add(problem);
      LOG.warn("ignoring the coordinator's configuration: {}", problem.message());
      return config;
    }
    if (!parsed.isEmpty()) {
      config = Optional.of(workerConfig(parsed));
    }
    return config;
  }

  private Optional<Layer> fullLayer() {
    if (layer == null) {
      layer = layer().map(l -> WorkloadLayer.decorate(l, readinessUrl(), environment.env()));
    }
    return layer;
  }

  /** Whether the container holds a configuration (a non-empty YAML mapping). */
  private boolean configOnDisk() {
    if (configOnDisk == null) {
      try {
        configOnDisk =
            reachable()
                && ConfigYaml.tryParse(read(WorkerFiles.CONFIG))
                    .filter(m -> !m.isEmpty())
                    .isPresent();
      } catch (PebbleException e) {
        // The reconcile reports the fault; the status only needs to know there is no config.
        LOG.debug("cannot read {}: {}", WorkerFiles.CONFIG, e.getMessage());
        configOnDisk = false;
      }
    }
    return configOnDisk;
  }

  private Optional<String> read(String path) {
    try {
      return Optional.of(pebble().pullText(path));
    } catch (PathNotFoundException e) {
      return Optional.empty();
    }
  }

  private static List<String> roleOptions(CharmMetadata metadata) {
    Map<String, ConfigOption> options = metadata.options();
    List<String> declared =
        options.keySet().stream()
            .filter(n -> n.startsWith(ROLE_PREFIX))
            .collect(Collectors.toCollection(ArrayList::new));
    if (declared.isEmpty()) {
      throw new IllegalStateException(
          "a worker charm must declare boolean 'role-<name>' options in config.yaml (e.g."
              + " role-all); "
              + metadata.name()
              + " declares none");
    }
    List<String> notBoolean =
        declared.stream().filter(n -> !options.get(n).type().equals("boolean")).toList();
    if (!notBoolean.isEmpty()) {
      throw new IllegalStateException(
          "role options must be booleans; " + metadata.name() + " declares " + notBoolean);
    }
    // config-get lists options in Go's sorted map order; the Python worker keeps that order.
    return List.copyOf(new TreeSet<>(declared));
  }
}
