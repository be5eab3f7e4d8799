package io.charmkit.coordinator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.coordinator.cluster.ClusterConsistency;
import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.cluster.CoordinatorStatus;
import io.charmkit.coordinator.cluster.UnderScaledRole;
import io.charmkit.coordinator.datasource.DatasourceCorrelation;
import io.charmkit.coordinator.datasource.DatasourceSpec;
import io.charmkit.coordinator.datasource.GrafanaSource;
import io.charmkit.coordinator.datasource.GrafanaSourceData;
import io.charmkit.coordinator.ingress.IngressContext;
import io.charmkit.coordinator.ingress.TraefikConfig;
import io.charmkit.coordinator.monitoring.CoordinatorRules;
import io.charmkit.coordinator.monitoring.ScrapeJobs;
import io.charmkit.coordinator.monolith.MonolithicFallback;
import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.nginx.NginxFiles;
import io.charmkit.coordinator.s3.S3Readiness;
import io.charmkit.coordinator.tls.ServerTls;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.interfaces.WorkloadFault;
import io.charmkit.interfaces.catalogue.CatalogueRequirer;
import io.charmkit.interfaces.cluster.ClusterProvider;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerRelation;
import io.charmkit.interfaces.cluster.WorkloadProcess;
import io.charmkit.interfaces.dashboard.GrafanaDashboardProvider;
import io.charmkit.interfaces.datasource.DatasourceExchange;
import io.charmkit.interfaces.ingress.TraefikRouteRequirer;
import io.charmkit.interfaces.loki.LokiPushApiRequirer;
import io.charmkit.interfaces.scrape.MetricsEndpointProvider;
import io.charmkit.interfaces.topology.Topologies;
import io.charmkit.interfaces.tracing.TracingRequirer;
import io.charmkit.ops.Charm;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.event.CollectStatusEvent;
import io.charmkit.ops.event.HookEvent;
import io.charmkit.ops.framework.Event;
import io.charmkit.ops.framework.EventSource;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.inputs.SteadyState;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Secret;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.model.StatusName;
import io.charmkit.ops.model.Unit;
import io.charmkit.schema.catalogue.CatalogueItem;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.RemoteWriteEndpoint;
import io.charmkit.schema.scrape.ScrapeJob;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of a coordinated-workers coordinator charm (PRODUCTS.md §1.3): one coordinator
 * configures every worker application related on its cluster endpoint.
 *
 * <p>Every Juju event except pebble-check-failed runs the same reconcile; collect-status is always
 * observed. The reconcile:
 *
 * <ol>
 *   <li>(leader) asks the s3 provider for a bucket, whatever the state of the cluster;
 *   <li>registers the coordinator with every Grafana on {@code grafana-source}, whatever the state
 *       of the cluster, as the Python grafana_source library's own observers do: each unit writes
 *       its URL, the leader the datasource description with the product's correlation settings;
 *   <li>evaluates the gate: at least one worker relation, the minimal deployment present (after
 *       meta-role expansion), S3 ready. While it is closed the coordinator logs why and does
 *       nothing else, as the Python coordinator stays unresponsive to avoid data loss;
 *   <li>renders nginx from the product's routes and pushes it (and the certificates) to the {@code
 *       nginx} container, restarting nginx only when a file changed; runs the exporter;
 *   <li>writes its FQDN as {@code hostname} into its peer unit bag;
 *   <li>opens the product's coordinator ports;
 *   <li>(leader) publishes to every cluster relation whose worker data is complete: the same {@code
 *       worker_config}, {@code worker_ports} from that relation's raw roles, Loki and remote-write
 *       endpoints, the receivers published on the coordinator's own charm- and workload-tracing
 *       relations, the S3 CA chain, and under TLS the CA, the certificate and the ID of a Juju
 *       secret holding the key, granted to each relation;
 *   <li>(leader) publishes on {@code send-datasource} and {@code receive-datasource}
 *       (grafana_datasource_exchange, WIRE.md §4) one entry per UID a Grafana assigned to its
 *       units: only fully specified entries, sorted, {@code []} when none. Like the Python Tempo
 *       coordinator's {@code _update_source_exchange}, this is behind the gate.
 * </ol>
 *
 * <p>Whatever the state of the cluster, every reachable container's logs are forwarded to the Loki
 * units on the {@code logging} endpoint (loki_push_api) through Pebble log targets, switched off
 * when they go ({@link CoordinatorLogForwarding}); the same units are the workers' {@code
 * loki_endpoints}. Once the cluster is coherent the leader also publishes the product's {@link
 * #catalogueItem()} to every catalogue related on {@code catalogue}; whatever the state of the
 * cluster, it submits the product's {@link #ingressConfig} route to the Traefik related on {@code
 * ingress} (traefik_route), balancing over every coordinator unit.
 *
 * <p>The datasource endpoints are optional and used when declared: {@code grafana-source}
 * (provides, grafana_datasource) needs {@link #grafanaDatasource()}; the exchange endpoints must be
 * declared as {@link DatasourceExchange} checks. So are the tracing requirer endpoints named by
 * {@link CoordinatorEndpoints#charmTracing()} and {@link CoordinatorEndpoints#workloadTracing()}
 * (interface {@code tracing}): the leader asks the first for {@code otlp_http} and the second for
 * {@link #workloadTracingProtocols()}, as coordinated-workers does.
 *
 * <p>Self-monitoring is optional too, whatever the state of the cluster: with {@code
 * metrics-endpoint} (provides, prometheus_scrape) declared, every unit publishes its address and
 * the leader the scrape jobs ({@link ScrapeJobs}: each worker unit on {@link
 * #workerMetricsPort(String)}, nginx's exporter on each coordinator unit) and the alert rules
 * ({@link CoordinatorRules}: the packaged {@code src/prometheus_alert_rules}); with {@code
 * grafana-dashboard} (provides, grafana_dashboard) declared, the leader sends the packaged {@code
 * src/grafana_dashboards}.
 *
 * <p>Statuses are those of coordinated-workers (§1.9) with two extensions: an incoherent cluster
 * names its missing roles ({@link CoordinatorStatus#clusterInconsistent}); rejected worker bags
 * block with the applications named ({@link CoordinatorStatus#invalidWorkerData}) while the other
 * workers are still configured. Roles below their recommended unit count are logged at WARN and
 * appended to the active message ({@link CoordinatorStatus#withUnderScaled}); they never block.
 *
 * <p>A product supplies its worker configuration, its worker and coordinator ports, its nginx
 * routes and its active message. Optionally, with {@link #monolithicProcess()} and the {@code
 * monolithic-fallback} option, the coordinator runs the product itself while there is no consistent
 * worker set ({@link MonolithicFallback}).
 */
public abstract class CoordinatorCharm extends Charm {
  /** The grafana_datasource_exchange endpoint under {@code provides} (Loki, Mimir, Pyroscope). */
  public static final String SEND_DATASOURCE = "send-datasource";

  /** The grafana_datasource_exchange endpoint under {@code requires} (Tempo). */
  public static final String RECEIVE_DATASOURCE = "receive-datasource";

  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorCharm.class);

  private final RolesTable roles;
  private final CoordinatorEndpoints endpoints;
  private final TlsSource tlsSource;
  private final ClusterProvider cluster;
  private final GrafanaSource grafanaSource;
  private final DatasourceExchange exchange;
  private final List<String> exchangeEndpoints;
  private final LokiPushApiRequirer logging;
  private final CatalogueRequirer catalogue;
  private final TraefikRouteRequirer ingress;
  private final MetricsEndpointProvider metrics;
  private final GrafanaDashboardProvider dashboards;
  private final TracingRequirer charmTracing;
  private final TracingRequirer workloadTracing;
  private final HostEnvironment host;
  private final SteadyState steady;
  private final MonolithicFallback monolith;
  private Snapshot snapshot;
  private final List<WorkloadFault> workloadFaults = new ArrayList<>();
  private String fqdn;

  /**
   * Creates the coordinator and registers its observers.
   *
   * @param framework the dispatch's framework
   * @param roles the product's roles table
   * @param endpoints the endpoint names
   * @param tlsSource where the certificate comes from ({@link TlsSource#NONE}: TLS off)
   * @param host the host's FQDN, DNS server and IPv6 address ({@link HostEnvironment#system()} in
   *     production), taken the same way as the worker base takes it
   * @throws IllegalArgumentException when the charm does not declare the cluster or s3 endpoint
   */
  protected CoordinatorCharm(
      Framework framework,
      RolesTable roles,
      CoordinatorEndpoints endpoints,
      TlsSource tlsSource,
      HostEnvironment host) {
    super(framework);
    this.host = Objects.requireNonNull(host, "host");
    this.roles = Objects.requireNonNull(roles, "roles");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.tlsSource = Objects.requireNonNull(tlsSource, "tlsSource");
    this.cluster = new ClusterProvider(this, endpoints.cluster(), roles);
    if (model().metadata().endpoint(endpoints.s3()).isEmpty()) {
      throw new IllegalArgumentException(
          "a coordinator needs its s3 endpoint '" + endpoints.s3() + "' in metadata.yaml");
    }
    this.grafanaSource =
        declared(GrafanaSource.DEFAULT_ENDPOINT)
            ? new GrafanaSource(model(), GrafanaSource.DEFAULT_ENDPOINT)
            : null;
    String send = declared(SEND_DATASOURCE) ? SEND_DATASOURCE : null;
    String receive = declared(RECEIVE_DATASOURCE) ? RECEIVE_DATASOURCE : null;
    this.exchange =
        send == null && receive == null ? null : new DatasourceExchange(this, send, receive);
    this.exchangeEndpoints = Stream.of(send, receive).filter(Objects::nonNull).toList();
    this.logging = new LokiPushApiRequirer(model(), endpoints.logging());
    this.catalogue =
        declared(CatalogueRequirer.DEFAULT_ENDPOINT)
            ? new CatalogueRequirer(model(), CatalogueRequirer.DEFAULT_ENDPOINT)
            : null;
    this.ingress =
        declared(TraefikRouteRequirer.DEFAULT_ENDPOINT)
            ? new TraefikRouteRequirer(model(), TraefikRouteRequirer.DEFAULT_ENDPOINT)
            : null;
    this.metrics =
        declared(MetricsEndpointProvider.DEFAULT_ENDPOINT)
            ? new MetricsEndpointProvider(
                model(), MetricsEndpointProvider.DEFAULT_ENDPOINT, this::fqdn)
            : null;
    this.dashboards =
        declared(GrafanaDashboardProvider.DEFAULT_ENDPOINT)
            ? new GrafanaDashboardProvider(model(), GrafanaDashboardProvider.DEFAULT_ENDPOINT)
            : null;
    // The coordinator's own traces and its workers' go to another backend when related: the
    // requirers ask for their protocols on relation-created and leader-elected.
    this.charmTracing =
        declared(endpoints.charmTracing())
            ? new TracingRequirer(this, endpoints.charmTracing(), List.of("otlp_http"))
            : null;
    this.workloadTracing =
        declared(endpoints.workloadTracing())
            ? new TracingRequirer(this, endpoints.workloadTracing(), workloadTracingProtocols())
            : null;
    // Restarting on a failed check loops while a workload replays its WAL (coordinated-workers
    // #159), so that one event is left alone.
    Set<EventSource<?>> skipped = new HashSet<>();
    for (String container : model().metadata().containers()) {
      skipped.add(on().pebbleCheckFailed(container));
    }
    for (EventSource<? extends Event> source : on().everyHook()) {
      if (!skipped.contains(source)) {
        observe(source, this::reconcile);
      }
    }
    observe(on().collectUnitStatus(), this::collectUnitStatus);
    this.monolith =
        new MonolithicFallback(
            this, roles, endpoints.peers(), host.clock(), this::monolithicProcess);
    // What the reconcile reads besides hook tools, Pebble and stored state: the host facts, and
    // the certificate (a TlsSource may take it from anywhere, a test fixture included).
    this.steady =
        new SteadyState(
            this,
            () ->
                List.of(
                    fqdn(),
                    resolver(),
                    ipv6(),
                    tlsSource.current(),
                    monolith.steadyStateInputs(),
                    String.valueOf(steadyStateInputs())));
  }

  /**
   * Renders the configuration every worker receives (the same text for all).
   *
   * @param cluster the cluster, the ready S3 settings and whether TLS is on
   * @return the {@code worker_config} YAML
   */
  protected abstract String workerConfig(ClusterContext cluster);

  /**
   * Returns the ports a worker application must open.
   *
   * @param role the application's raw, unexpanded {@code role} string, e.g. {@code all}
   * @return the ports (sorted, so that the bag is stable)
   */
  protected abstract List<Integer> workerPorts(String role);

  /**
   * Returns the port a worker application serves its metrics on, for its scrape jobs ({@code
   * worker_metrics_port} in coordinated-workers: Tempo's 3200, Pyroscope's 4040).
   *
   * @param role the application's raw, unexpanded {@code role} string
   * @return the port; by default the smallest of {@link #workerPorts(String)}, or 80 (the scrape
   *     library's default) when there is none
   */
  protected int workerMetricsPort(String role) {
    return workerPorts(role).stream().mapToInt(Integer::intValue).min().orElse(80);
  }

  /**
   * Returns the nginx configuration (routes and upstreams) for this coordinator.
   *
   * @param serverName this unit's FQDN
   * @param resolver the DNS server nginx resolves worker names with
   * @param ipv6 whether the pod has IPv6 addresses
   * @return the configuration; the base renders it against the gathered workers
   */
  protected abstract NginxConfig nginxConfig(String serverName, String resolver, boolean ipv6);

  /**
   * Returns what the product's callbacks read that is neither a hook tool, Pebble, stored state nor
   * the host facts the base reads (FQDN, DNS server, IPv6): the steady-state fast path hashes it
   * with the other inputs, so that a change to it is never skipped. Its {@code toString} must tell
   * different values apart. The products' callbacks read nothing else, so the default is empty.
   *
   * @return the extra inputs
   */
  protected Object steadyStateInputs() {
    return List.of();
  }

  /**
   * Returns the product's process for role {@code all}, which the coordinator runs itself in its
   * own workload container when the charm declares the {@code monolithic-fallback} option and the
   * user turns it on ({@link MonolithicFallback}). Build it with the same product code the worker
   * charm's {@code layer()} uses.
   *
   * @return the process; empty (the default) when the charm does not offer the mode
   */
  protected Optional<WorkloadProcess> monolithicProcess() {
    return Optional.empty();
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

  /**
   * Returns the TCP ports this coordinator unit opens.
   *
   * @return the ports
   */
  protected abstract Collection<Integer> coordinatorPorts();

  /**
   * Returns the nginx port whose status page the nginx-prometheus-exporter scrapes: a port the
   * product's routes listen on.
   *
   * @param tls whether nginx listens with TLS
   * @return {@link NginxFiles#TLS_PORT} under TLS, else {@link NginxFiles#PORT} (the default); Loki
   *     serves everything on 3100 either way
   */
  protected int nginxStatusPort(boolean tls) {
    return tls ? NginxFiles.TLS_PORT : NginxFiles.PORT;
  }

  /**
   * Returns the active message ({@code ""} for Tempo, Loki and Mimir).
   *
   * @return the message
   */
  protected String activeMessage() {
    return "";
  }

  /**
   * Returns the product's own statuses, added after the base's gate and bad-data statuses and
   * before the active one (e.g. Pyroscope's invalid time options).
   *
   * @return the statuses; empty by default
   */
  protected List<Status> productStatuses() {
    return List.of();
  }

  /**
   * Returns the datasource this coordinator registers with Grafana on {@code grafana-source}.
   *
   * @return the datasource; empty (the default) to register none
   */
  protected Optional<DatasourceSpec> grafanaDatasource() {
    return Optional.empty();
  }

  /**
   * Returns the {@code extra_fields} of this coordinator's datasource (Grafana's {@code jsonData}),
   * typically correlation settings. Asked on the leader only, whatever the state of the cluster.
   *
   * @param correlation the datasources shared with this coordinator that are registered with the
   *     same Grafanas
   * @return the fields; empty (the default) for none
   */
  protected Optional<ObjectNode> datasourceExtraFields(DatasourceCorrelation correlation) {
    return Optional.empty();
  }

  /**
   * Returns this coordinator's entry in the catalogues related on {@code catalogue} (published by
   * the leader once the cluster is coherent, as coordinated-workers does).
   *
   * @return the entry; empty (the default) to publish none
   */
  protected Optional<CatalogueItem> catalogueItem() {
    return Optional.empty();
  }

  /**
   * Returns the FQDN of this application's Kubernetes service, derived from the unit's FQDN as
   * coordinated-workers derives it: {@code tempo-0.tempo-endpoints.cos.svc.cluster.local} gives
   * {@code tempo.cos.svc.cluster.local}; an FQDN without a {@code svc} label is returned as it is.
   *
   * @return the service's FQDN
   */
  protected String appHostname() {
    List<String> labels = List.of(fqdn().split("\\."));
    int svc = labels.indexOf("svc");
    if (svc < 0) {
      return fqdn();
    }
    return app().name()
        + "."
        + model().name()
        + "."
        + String.join(".", labels.subList(svc, labels.size()));
  }

  /**
   * Returns the URL this application is reached at inside the cluster: {@code https} under TLS.
   *
   * @return e.g. {@code http://tempo.cos.svc.cluster.local}, without a port
   */
  protected String internalUrl() {
    return (tls().isPresent() ? "https" : "http") + "://" + appHostname();
  }

  /**
   * Returns the route this coordinator submits to the Traefik related on {@code ingress}
   * (traefik_route); asked on the leader while a Traefik is related.
   *
   * @param context the model and application names, every coordinator unit's FQDN and the TLS
   *     state, which a route is built from ({@link io.charmkit.coordinator.ingress.PortIngress}
   *     builds the one-entry-point-per-port route of the Python Tempo coordinator)
   * @return the route; empty (the default) to submit none
   */
  protected Optional<TraefikConfig> ingressConfig(IngressContext context) {
    return Optional.empty();
  }

  /**
   * Returns the URL Traefik serves this application at, once it sent its scheme and host over
   * {@code ingress}.
   *
   * @return e.g. {@code https://traefik.example.com}, without a port or path
   */
  protected Optional<String> ingressUrl() {
    return ingress == null ? Optional.empty() : ingress.externalUrl();
  }

  /**
   * Returns the most external URL known: Traefik's once it sent its scheme and host over {@code
   * ingress}, else {@link #internalUrl()}.
   *
   * @return e.g. {@code https://traefik.example.com}, without a port
   */
  protected String externalUrl() {
    return ingressUrl().orElseGet(this::internalUrl);
  }

  /**
   * Returns the protocols the coordinator asks for on its workload-tracing endpoint: what the
   * product's workload sends traces with. Called once, while the base is built, so it must return a
   * constant.
   *
   * @return the protocols; {@code otlp_http} by default (Tempo), Pyroscope's is {@code
   *     jaeger_thrift_http}
   */
  protected List<String> workloadTracingProtocols() {
    return List.of("otlp_http");
  }

  /**
   * Publishes the product's own relations (e.g. Tempo's tracing receivers). Called on the leader
   * only, past the gate, after the cluster relations are published; does nothing by default.
   *
   * @param cluster the cluster, the ready S3 settings and whether TLS is on
   */
  protected void publishProductRelations(ClusterContext cluster) {}

  /**
   * Returns the bucket to ask the s3 provider for.
   *
   * @return the bucket; empty to ask for {@code relation-<id>}, as the s3 library does
   */
  protected Optional<String> s3Bucket() {
    return Optional.empty();
  }

  /**
   * Returns this unit's fully qualified domain name (Python's {@code socket.getfqdn()}).
   *
   * @return the FQDN, looked up once per dispatch
   */
  protected String fqdn() {
    if (fqdn == null) {
      fqdn = host.fqdn().get();
    }
    return fqdn;
  }

  /**
   * Returns the DNS server nginx resolves worker names with: the host's (the first {@code
   * nameserver} of {@code /etc/resolv.conf} in production).
   *
   * @return the server
   */
  protected String resolver() {
    return host.nameserver().get();
  }

  /**
   * Tells whether the pod has a global IPv6 address (nginx then also listens on {@code [::]}).
   *
   * @return whether it has one
   */
  protected boolean ipv6() {
    return host.globalIpv6().getAsBoolean();
  }

  /**
   * Returns the coordinator's TLS material for this dispatch.
   *
   * @return the material; empty when TLS is off
   */
  protected final Optional<ServerTls> tls() {
    return snapshot().tls();
  }

  /**
   * Returns the cluster as the cluster endpoint read it this dispatch.
   *
   * @return the view
   */
  protected final ClusterView cluster() {
    return snapshot().view();
  }

  /**
   * Returns the state of the s3 relation this dispatch.
   *
   * @return missing, not ready, or ready
   */
  protected final S3Readiness s3() {
    return snapshot().s3();
  }

  /**
   * Returns the product's roles table.
   *
   * @return the table
   */
  protected final RolesTable roles() {
    return roles;
  }

  private void reconcile(Event event) {
    if (steady.unchanged()) {
      // Nothing any input could change: no decoding, validation, rendering or comparison, and no
      // write (the statuses are set at collect-status from the record).
      return;
    }
    Snapshot now = snapshot();
    S3Relation.requestBucket(model(), endpoints.s3(), s3Bucket());
    registerWithGrafana();
    // The coordinator's own logs go to Loki whatever the state of the cluster, as LogForwarder's
    // observers do.
    workloadFaults.addAll(CoordinatorLogForwarding.reconcile(model(), logging));
    submitIngress(now.tls().isPresent());
    publishSelfMonitoring(now);
    boolean alone = monolith.advance(now.view(), now.consistency(), now.s3(), workloadFaults::add);
    if (!now.status().gateOpen() && !alone) {
      String why =
          now.s3() instanceof S3Readiness.NotReady notReady
              ? now.status().message() + " (" + notReady.reason() + ")"
              : now.status().message();
      LOG.error("Incoherent deployment. {}: {}", unit().name(), why);
      return;
    }
    for (UnderScaledRole role : now.consistency().underScaled()) {
      LOG.warn(
          "role {} has {} unit(s); {} recommended: scale up by {}",
          role.role(),
          role.units(),
          role.recommended(),
          role.shortBy());
    }
    S3Readiness.Ready s3 = (S3Readiness.Ready) now.s3();
    SortedSet<String> remoteWrite =
        TelemetryRelations.remoteWriteUrls(model(), endpoints.remoteWrite());
    ClusterContext context =
        monolith.served(
            new ClusterContext(
                now.view(),
                ClusterMembers.of(now.view()),
                s3.config(),
                now.tls().isPresent(),
                List.copyOf(remoteWrite)),
            fqdn());
    monolith.run(context, fqdn(), this::workerConfig, now.tls(), workloadFaults::add);
    String workerConfig = workerConfig(context);

    reconcileNginx(context, now.tls());
    boolean install = event instanceof HookEvent hook && hook.hook().equals("install");
    if (!install) {
      // Juju refuses peer data during install.
      for (Relation peer : relationsOf(endpoints.peers())) {
        peer.localUnitData().put("hostname", fqdn());
      }
    }
    Set<Port> ports = new HashSet<>();
    coordinatorPorts().forEach(p -> ports.add(Port.tcp(p)));
    unit().setPorts(ports);

    if (model().isLeader() && now.status().gateOpen()) {
      publish(context, workerConfig, now.tls());
      shareDatasources();
      if (catalogue != null) {
        catalogueItem().ifPresent(catalogue::publish);
      }
      publishProductRelations(context);
    }
  }

  /**
   * (Leader) Submits the product's {@link #ingressConfig} route to the related Traefik, whatever
   * the state of the cluster, as the Python Tempo coordinator does.
   */
  private void submitIngress(boolean tls) {
    if (ingress == null || !model().isLeader() || !ingress.related()) {
      return;
    }
    List<String> servers = new ArrayList<>(List.of(fqdn()));
    for (Relation peer : relationsOf(endpoints.peers())) {
      peer.units().stream()
          .sorted(Comparator.comparing(Unit::name))
          .forEach(
              unit ->
                  peer.data(unit)
                      .get("hostname")
                      .filter(h -> h.matches("[A-Za-z0-9.-]{1,253}"))
                      .ifPresent(servers::add));
    }
    boolean https = ingress.scheme().filter("https"::equals).isPresent();
    ingressConfig(new IngressContext(model().name(), app().name(), servers, tls, https))
        .ifPresent(config -> ingress.submit(config.dynamic(), config.staticConfig()));
  }

  /** Writes this unit's URL and, on the leader, the datasource description to every Grafana. */
  private void registerWithGrafana() {
    Optional<DatasourceSpec> spec = grafanaSource == null ? Optional.empty() : grafanaDatasource();
    if (spec.isEmpty()) {
      return;
    }
    // Only the leader writes the application bag, so only it needs the correlation's reads.
    Optional<ObjectNode> extraFields =
        model().isLeader()
            ? datasourceExtraFields(
                new DatasourceCorrelation(model(), grafanaSource.grafanaUids(), exchangeEndpoints))
            : Optional.empty();
    GrafanaSourceData data =
        new GrafanaSourceData(
            model().name(),
            model().uuid(),
            app().name(),
            spec.get().type(),
            extraFields,
            Optional.empty());
    grafanaSource.publish(data, spec.get().url());
  }

  /**
   * Publishes the scrape jobs, alert rules and dashboards, as the Python coordinator's libraries do
   * on their own events whatever the state of the cluster.
   */
  private void publishSelfMonitoring(Snapshot now) {
    if (dashboards != null) {
      dashboards.publish();
    }
    if (metrics == null || !metrics.related()) {
      return;
    }
    if (!model().isLeader()) {
      metrics.publish(List.of(), List.of()); // the unit's address only
      return;
    }
    List<ScrapeJob> jobs =
        ScrapeJobs.of(
            now.view(),
            this::workerMetricsPort,
            coordinatorHosts(),
            now.tls().isPresent(),
            model().name(),
            model().uuid());
    metrics.publish(
        jobs,
        CoordinatorRules.of(
            model().charmDir().resolve(CoordinatorRules.DIRECTORY),
            now.view(),
            Topologies.fromModel(model())));
  }

  /**
   * Each coordinator unit's hostname: this unit's FQDN and what each peer wrote as {@code
   * hostname}, by unit number. A peer's value that is no host name is skipped and logged.
   */
  private SortedMap<String, String> coordinatorHosts() {
    SortedMap<String, String> hosts = new TreeMap<>(ClusterView.UNIT_ORDER);
    hosts.put(unit().name(), fqdn());
    for (Relation peer : relationsOf(endpoints.peers())) {
      for (Unit other : peer.units()) {
        Optional<String> hostname = peer.data(other).get("hostname");
        if (hostname.isEmpty()) {
          continue; // not written yet
        }
        String host = hostname.get();
        if (host.isBlank()
            || host.length() > 253
            || !host.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '"')) {
          LOG.warn(
              "relation {}:{}, unit {}, hostname: not a host name; its nginx is not scraped",
              peer.name(),
              peer.id(),
              other.name());
          continue;
        }
        hosts.put(other.name(), host);
      }
    }
    return hosts;
  }

  /** Shares the UIDs Grafana assigned to this application's units (leader only). */
  private void shareDatasources() {
    if (exchange == null) {
      return;
    }
    Optional<DatasourceSpec> spec = grafanaSource == null ? Optional.empty() : grafanaDatasource();
    exchange.publish(spec.map(s -> grafanaSource.datasources(s.type())).orElseGet(List::of));
  }

  private void reconcileNginx(ClusterContext context, Optional<ServerTls> tls) {
    NginxConfig nginx = nginxConfig(fqdn(), resolver(), ipv6());
    String text = nginx.render(context.members().addressesByRole(), tls.isPresent());
    NginxWorkload.reconcile(model(), text, tls).ifPresent(workloadFaults::add);
    String scrape =
        (tls.isPresent() ? "https" : "http")
            + "://127.0.0.1:"
            + nginxStatusPort(tls.isPresent())
            + "/status";
    NginxWorkload.reconcileExporter(model(), scrape).ifPresent(workloadFaults::add);
  }

  private void publish(ClusterContext context, String workerConfig, Optional<ServerTls> tls) {
    CoordinatorAppData.Builder data =
        CoordinatorAppData.builder(workerConfig)
            .lokiEndpoints(new TreeMap<>(logging.endpoints()))
            .charmTracingReceivers(receiversOf(charmTracing))
            .workloadTracingReceivers(receiversOf(workloadTracing))
            .workerLabels(new TreeMap<>(Map.of("app.kubernetes.io/part-of", app().name())));
    if (model().metadata().endpoint(endpoints.remoteWrite()).isPresent()) {
      data.remoteWriteEndpoints(
          context.remoteWriteUrls().stream().map(RemoteWriteEndpoint::new).toList());
    }
    context.s3().caChainPem().ifPresent(data::s3TlsCaChain);
    if (tls.isPresent()) {
      Secret secret =
          PrivateKeySecret.ensure(model(), endpoints.certificates(), tls.get().privateKey());
      cluster.grantSecret(secret);
      String id = Secret.normalise(secret.id().orElseGet(() -> secret.info().id()));
      data.tls(tls.get().caCert(), tls.get().serverCert(), id);
    }
    cluster.publish(data.build(), this::portsOf);
  }

  /** Every receiver the backend on a tracing endpoint published; {@code {}} when none. */
  private static Map<String, String> receiversOf(TracingRequirer tracing) {
    return tracing == null ? new TreeMap<>() : new TreeMap<>(tracing.receivers());
  }

  private List<Integer> portsOf(WorkerRelation relation) {
    return List.copyOf(new TreeSet<>(workerPorts(relation.role().orElse(""))));
  }

  private void collectUnitStatus(CollectStatusEvent event) {
    List<Status> statuses = steady.unchanged() ? steady.recordedStatuses() : computeStatuses();
    steady.statuses(statuses);
    statuses.forEach(event::addStatus);
  }

  private List<Status> computeStatuses() {
    List<Status> out = new ArrayList<>();
    computeStatuses(out::add);
    return out;
  }

  private void computeStatuses(Consumer<Status> event) {
    Snapshot now = snapshot();
    Optional<Status> own = monolith.status(now.view(), now.consistency(), now.s3());
    if (!now.status().gateOpen() && own.filter(s -> s.name() == StatusName.ACTIVE).isEmpty()) {
      event.accept(own.orElseGet(() -> Status.blocked(now.status().message())));
      return;
    }
    // Bad certificate data keeps TLS off; it is shown, never a failed hook.
    tlsSource.problems().forEach(p -> event.accept(Status.blocked("[tls] " + p)));
    // A workload that fails is shown, never a failed hook; the next event tries again.
    for (WorkloadFault fault : workloadFaults) {
      event.accept(
          fault.unreachable() ? Status.waiting(fault.status()) : Status.blocked(fault.status()));
    }
    SortedSet<String> invalid =
        now.view().problems().stream()
            .map(CoordinatorCharm::applicationOf)
            .collect(Collectors.toCollection(TreeSet::new));
    if (!invalid.isEmpty()) {
      event.accept(
          Status.blocked(
              CoordinatorStatus.invalidWorkerData(
                  invalid, now.view().problems().get(0).summary())));
    }
    productStatuses().forEach(event);
    event.accept(
        own.orElseGet(
            () ->
                Status.active(
                    CoordinatorStatus.withUnderScaled(
                        activeMessage(), now.consistency().underScaled()))));
  }

  private static String applicationOf(RemoteDataProblem problem) {
    String owner = problem.owner();
    int slash = owner.indexOf('/');
    return problem.application() || slash < 0 ? owner : owner.substring(0, slash);
  }

  /** Reads everything the gate and the statuses depend on, once per dispatch. */
  private Snapshot snapshot() {
    if (snapshot == null) {
      ClusterView view = cluster.gather();
      ClusterConsistency consistency = ClusterConsistency.evaluate(roles, view.roles());
      S3Readiness s3 = S3Relation.read(model(), endpoints.s3());
      // The active message is asked for at collect-status: products derive it from tls().
      CoordinatorStatus status =
          CoordinatorStatus.evaluate(view.relations().size(), consistency, s3, "", false);
      snapshot = new Snapshot(view, consistency, s3, tlsSource.current(), status);
    }
    return snapshot;
  }

  private boolean declared(String endpoint) {
    return model().metadata().endpoint(endpoint).isPresent();
  }

  private List<Relation> relationsOf(String endpoint) {
    if (model().metadata().endpoint(endpoint).isEmpty()) {
      return new ArrayList<>();
    }
    return model().relations(endpoint);
  }

  /** What one dispatch read; remote data does not change during a hook. */
  private record Snapshot(
      ClusterView view,
      ClusterConsistency consistency,
      S3Readiness s3,
      Optional<ServerTls> tls,
      CoordinatorStatus status) {}
}
