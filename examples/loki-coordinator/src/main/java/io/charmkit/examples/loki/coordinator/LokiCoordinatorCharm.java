package io.charmkit.examples.loki.coordinator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.coordinator.ClusterContext;
import io.charmkit.coordinator.CoordinatorCharm;
import io.charmkit.coordinator.CoordinatorEndpoints;
import io.charmkit.coordinator.datasource.DatasourceCorrelation;
import io.charmkit.coordinator.datasource.DatasourceSpec;
import io.charmkit.coordinator.monolith.MonolithicFallback;
import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.tls.CertificatesTls;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.examples.loki.process.LokiProcess;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkloadProcess;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Status;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Loki coordinator (PRODUCTS.md §4): configures Loki workers running the simple-scalable
 * targets ({@code read}, {@code write}, {@code backend}, or {@code all} for a monolithic worker)
 * and fronts them with nginx on port 3100, with or without TLS.
 *
 * <p>The coordinator's URL {@code http(s)://<fqdn>:3100} is given to the workers as the compactor
 * address and the ruler's external URL, as the Python charm does without ingress. Loki registers
 * itself with Grafana as a {@value #DATASOURCE_TYPE} datasource at that URL, with the tenant header
 * and, when a Tempo datasource is shared with it, links from trace IDs in log lines to the traces
 * ({@link LokiCorrelation}); it shares the UIDs Grafana assigned on {@code send-datasource}.
 *
 * <p>With the option {@code monolithic-fallback} on, the coordinator runs Loki itself ({@code
 * -target all}, in its {@code loki} container, on the same bucket) while no consistent set of
 * workers is related, and hands the work over to them once they form one ({@link
 * MonolithicFallback}).
 *
 * <p>Not served here: the {@code logging} push endpoint, {@code alertmanager} (the ruler gets no
 * Alertmanager URL), ingress, alert rules and the other COS relations of the Python charm.
 */
public final class LokiCoordinatorCharm extends CoordinatorCharm {
  /** The Grafana datasource type of Loki. */
  public static final String DATASOURCE_TYPE = "loki";

  /** The endpoint names of loki-coordinator-k8s (PRODUCTS.md §4.5). */
  public static final CoordinatorEndpoints ENDPOINTS =
      new CoordinatorEndpoints(
          "loki-cluster",
          "s3",
          "certificates",
          "loki-peers",
          "logging-consumer",
          "send-remote-write");

  /**
   * Creates the charm as deployed: TLS from its {@code certificates} relation (off without one).
   *
   * @param framework the dispatch's framework
   */
  public LokiCoordinatorCharm(Framework framework) {
    this(framework, HostEnvironment.system());
  }

  /**
   * Creates the charm with TLS from its {@code certificates} relation and the given host facts.
   *
   * @param framework the dispatch's framework
   * @param host the host's FQDN, DNS server, IPv6 address and clock
   */
  public LokiCoordinatorCharm(Framework framework, HostEnvironment host) {
    this(framework, new CertificatesTls(framework, "certificates", "loki-cluster", host), host);
  }

  /**
   * Creates the charm with a certificate source.
   *
   * @param framework the dispatch's framework
   * @param tls where the certificate comes from
   */
  public LokiCoordinatorCharm(Framework framework, TlsSource tls) {
    this(framework, tls, HostEnvironment.system());
  }

  /**
   * Creates the charm with a certificate source and the host's facts (tests pass their own).
   *
   * @param framework the dispatch's framework
   * @param tls where the certificate comes from
   * @param host the host's FQDN, DNS server and IPv6 address
   */
  public LokiCoordinatorCharm(Framework framework, TlsSource tls, HostEnvironment host) {
    super(framework, RolesTable.LOKI, ENDPOINTS, tls, host);
  }

  @Override
  protected String workerConfig(ClusterContext cluster) {
    return new LokiConfig(
            cluster.members(),
            cluster.s3(),
            settings(),
            url(cluster.tls()),
            cluster.tls(),
            LokiConfig.clusterLabel(model().name()),
            List.of())
        .render();
  }

  /**
   * Loki with every target, as a monolithic worker runs it: the coordinator declares no
   * workload-tracing endpoint, so there are no tracing variables.
   */
  @Override
  protected Optional<WorkloadProcess> monolithicProcess() {
    return Optional.of(LokiProcess.forRoles(List.of(MonolithicFallback.ROLE), Map.of()));
  }

  @Override
  protected Optional<DatasourceSpec> grafanaDatasource() {
    return Optional.of(new DatasourceSpec(DATASOURCE_TYPE, url(tls().isPresent())));
  }

  @Override
  protected Optional<ObjectNode> datasourceExtraFields(DatasourceCorrelation correlation) {
    return LokiCorrelation.extraFields(correlation);
  }

  @Override
  protected List<Integer> workerPorts(String role) {
    return LokiPorts.workerPorts(role);
  }

  @Override
  protected NginxConfig nginxConfig(String serverName, String resolver, boolean ipv6) {
    return LokiRoutes.nginx(serverName, resolver, ipv6);
  }

  @Override
  protected Collection<Integer> coordinatorPorts() {
    return List.of(LokiPorts.HTTP);
  }

  /** nginx serves its status page on 3100 like everything else, TLS or not. */
  @Override
  protected int nginxStatusPort(boolean tls) {
    return LokiPorts.HTTP;
  }

  /** Blocked on options Loki would refuse; the workers then run with those options' defaults. */
  @Override
  protected List<Status> productStatuses() {
    return settings().validationMessage().map(Status::blocked).stream().toList();
  }

  private String url(boolean tls) {
    return (tls ? "https" : "http") + "://" + fqdn() + ":" + LokiPorts.HTTP;
  }

  private LokiSettings settings() {
    LokiSettings d = LokiSettings.DEFAULTS;
    return new LokiSettings(
        config().integer("ingestion-rate-mb").orElse(d.ingestionRateMb()),
        config().integer("ingestion-burst-size-mb").orElse(d.ingestionBurstSizeMb()),
        config().integer("max-global-streams-per-user").orElse(d.maxGlobalStreamsPerUser()),
        config().integer("retention-period").orElse(d.retentionPeriodDays()),
        config().bool("reporting_enabled").orElse(d.reportingEnabled()));
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(LokiCoordinatorCharm::new);
  }
}
