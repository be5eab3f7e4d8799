package io.charmkit.examples.mimir.coordinator;

import io.charmkit.coordinator.ClusterContext;
import io.charmkit.coordinator.CoordinatorCharm;
import io.charmkit.coordinator.CoordinatorEndpoints;
import io.charmkit.coordinator.datasource.DatasourceSpec;
import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.tls.CertificatesTls;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Status;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Mimir coordinator (PRODUCTS.md §5): configures Mimir workers over {@code mimir-cluster} and
 * serves Mimir's HTTP APIs through nginx on 8080 (443 under TLS).
 *
 * <p>Everything product-specific is here and in {@link MimirConfig}, {@link MimirRoutes}, {@link
 * MimirPorts} and {@link MimirSettings}; the gate, the statuses naming missing roles, S3, TLS and
 * publishing are the coordinator base's. Mimir registers with Grafana as a {@value
 * #DATASOURCE_TYPE} datasource at {@code <url>/prometheus}.
 */
public final class MimirCoordinatorCharm extends CoordinatorCharm {
  /** The Grafana datasource type of Mimir. */
  public static final String DATASOURCE_TYPE = "prometheus";

  /** The endpoints of the Python charm: its peers and Loki endpoints have their own names. */
  static final CoordinatorEndpoints ENDPOINTS =
      new CoordinatorEndpoints(
          "mimir-cluster",
          "s3",
          "certificates",
          "mimir-peers",
          "logging-consumer",
          "send-remote-write");

  /**
   * Creates the charm as deployed: TLS from its {@code certificates} relation (off without one).
   *
   * @param framework the dispatch's framework
   */
  public MimirCoordinatorCharm(Framework framework) {
    this(framework, HostEnvironment.system());
  }

  /**
   * Creates the charm with TLS from its {@code certificates} relation and the given host facts.
   *
   * @param framework the dispatch's framework
   * @param host the host's FQDN, DNS server, IPv6 address and clock
   */
  public MimirCoordinatorCharm(Framework framework, HostEnvironment host) {
    this(framework, new CertificatesTls(framework, "certificates", "mimir-cluster", host), host);
  }

  /**
   * Creates the charm with a certificate source and the host's facts (tests pass their own).
   *
   * @param framework the dispatch's framework
   * @param tls where the certificate comes from
   * @param host the host's FQDN, DNS server and IPv6 address
   */
  public MimirCoordinatorCharm(Framework framework, TlsSource tls, HostEnvironment host) {
    super(framework, RolesTable.MIMIR, ENDPOINTS, tls, host);
  }

  @Override
  protected String workerConfig(ClusterContext cluster) {
    return new MimirConfig(
            cluster.members(),
            cluster.s3(),
            cluster.tls(),
            settings(),
            MimirConfig.clusterLabel(model().name(), model().uuid(), app().name()),
            List.of())
        .render();
  }

  @Override
  protected List<Integer> workerPorts(String role) {
    return MimirPorts.workerPorts(role);
  }

  @Override
  protected NginxConfig nginxConfig(String serverName, String resolver, boolean ipv6) {
    return MimirRoutes.nginx(serverName, resolver, ipv6, tls().isPresent());
  }

  @Override
  protected Collection<Integer> coordinatorPorts() {
    return List.of(MimirPorts.nginx(tls().isPresent()));
  }

  @Override
  protected Optional<DatasourceSpec> grafanaDatasource() {
    return Optional.of(new DatasourceSpec(DATASOURCE_TYPE, url() + "/prometheus"));
  }

  /** Blocked on an invalid retention period; the workers then keep every metric. */
  @Override
  protected List<Status> productStatuses() {
    return settings().validationMessage().map(Status::blocked).stream().toList();
  }

  /** This unit's nginx, as clients reach it without ingress. */
  private String url() {
    boolean tls = tls().isPresent();
    return (tls ? "https" : "http") + "://" + fqdn() + ":" + MimirPorts.nginx(tls);
  }

  private MimirSettings settings() {
    return new MimirSettings(
        config()
            .string("metrics_retention_period")
            .orElse(MimirSettings.DEFAULTS.metricsRetentionPeriod()),
        config()
            .integer("max_global_exemplars_per_user")
            .orElse(MimirSettings.DEFAULTS.maxGlobalExemplarsPerUser()));
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(MimirCoordinatorCharm::new);
  }
}
