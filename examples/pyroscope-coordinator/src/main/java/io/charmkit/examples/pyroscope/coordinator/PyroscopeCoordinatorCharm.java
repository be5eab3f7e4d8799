package io.charmkit.examples.pyroscope.coordinator;

import io.charmkit.coordinator.ClusterContext;
import io.charmkit.coordinator.CoordinatorCharm;
import io.charmkit.coordinator.CoordinatorEndpoints;
import io.charmkit.coordinator.datasource.DatasourceSpec;
import io.charmkit.coordinator.ingress.IngressContext;
import io.charmkit.coordinator.ingress.TraefikConfig;
import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.tls.CertificatesTls;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Status;
import io.charmkit.schema.catalogue.CatalogueItem;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Pyroscope coordinator (PRODUCTS.md §3): configures Pyroscope workers and serves the UI and
 * HTTP API on 8080 and OTLP profiles over gRPC on 42424. TLS, when on, terminates at nginx; the
 * workers never speak it.
 *
 * <p>Pyroscope registers itself with Grafana as a {@value #DATASOURCE_TYPE} datasource at {@code
 * http(s)://<fqdn>:8080} and shares the UIDs Grafana assigned on {@code send-datasource}. The
 * Python charm declares and wires that endpoint but never publishes on it; this one does, so that
 * Tempo and others can correlate with its profiles.
 */
public final class PyroscopeCoordinatorCharm extends CoordinatorCharm {
  /** The Grafana datasource type of Pyroscope (PRODUCTS.md §3.5). */
  public static final String DATASOURCE_TYPE = "grafana-pyroscope-datasource";

  /**
   * Creates the charm as deployed: TLS from its {@code certificates} relation (off without one).
   *
   * @param framework the dispatch's framework
   */
  public PyroscopeCoordinatorCharm(Framework framework) {
    this(framework, HostEnvironment.system());
  }

  /**
   * Creates the charm with TLS from its {@code certificates} relation and the given host facts.
   *
   * @param framework the dispatch's framework
   * @param host the host's FQDN, DNS server, IPv6 address and clock
   */
  public PyroscopeCoordinatorCharm(Framework framework, HostEnvironment host) {
    this(
        framework, new CertificatesTls(framework, "certificates", "pyroscope-cluster", host), host);
  }

  /**
   * Creates the charm with a certificate source.
   *
   * @param framework the dispatch's framework
   * @param tls where the certificate comes from
   */
  public PyroscopeCoordinatorCharm(Framework framework, TlsSource tls) {
    this(framework, tls, HostEnvironment.system());
  }

  /**
   * Creates the charm with a certificate source and the host's facts (tests pass their own).
   *
   * @param framework the dispatch's framework
   * @param tls where the certificate comes from
   * @param host the host's FQDN, DNS server and IPv6 address
   */
  public PyroscopeCoordinatorCharm(Framework framework, TlsSource tls, HostEnvironment host) {
    super(framework, RolesTable.PYROSCOPE, CoordinatorEndpoints.of("pyroscope-cluster"), tls, host);
  }

  @Override
  protected String workerConfig(ClusterContext cluster) {
    return new PyroscopeConfig(cluster.members(), cluster.s3(), settings(), null).render();
  }

  @Override
  protected Optional<DatasourceSpec> grafanaDatasource() {
    String scheme = tls().isPresent() ? "https" : "http";
    return Optional.of(
        new DatasourceSpec(
            DATASOURCE_TYPE, scheme + "://" + fqdn() + ":" + PyroscopePorts.NGINX_HTTP));
  }

  /** Pyroscope's workload sends Jaeger Thrift over HTTP (PRODUCTS.md §3.2). */
  @Override
  protected List<String> workloadTracingProtocols() {
    return List.of("jaeger_thrift_http");
  }

  @Override
  protected List<Integer> workerPorts(String role) {
    return PyroscopePorts.workerPorts(role);
  }

  /** The workers serve their metrics on the HTTP port, as in the Python coordinator. */
  @Override
  protected int workerMetricsPort(String role) {
    return PyroscopePorts.HTTP;
  }

  @Override
  protected NginxConfig nginxConfig(String serverName, String resolver, boolean ipv6) {
    return PyroscopeRoutes.nginx(serverName, resolver, ipv6);
  }

  @Override
  protected Collection<Integer> coordinatorPorts() {
    return List.of(PyroscopePorts.NGINX_HTTP, PyroscopePorts.NGINX_GRPC);
  }

  /** {@code UI ready at <url>}, the URL being this unit's nginx. */
  @Override
  protected String activeMessage() {
    String scheme = tls().isPresent() ? "https" : "http";
    return PyroscopeConfig.activeMessage(scheme + "://" + fqdn() + ":" + PyroscopePorts.NGINX_HTTP);
  }

  /** The route of the Python Pyroscope coordinator: the UI under a path prefix, gRPC apart. */
  @Override
  protected Optional<TraefikConfig> ingressConfig(IngressContext context) {
    return Optional.of(PyroscopeIngress.config(context));
  }

  /**
   * The catalogue entry the Python Pyroscope coordinator publishes: its UI (through Traefik once it
   * is known), no API list.
   */
  @Override
  protected Optional<CatalogueItem> catalogueItem() {
    return Optional.of(
        new CatalogueItem(
            "Pyroscope (" + app().name() + ")",
            "Grafana Pyroscope is a distributed continuous profiling backend. Allows you to"
                + " collect, store, query, and visualize profiles from your distributed"
                + " deployment.",
            ingressUrl()
                .map(url -> url + PyroscopeIngress.prefix(model().name(), app().name()))
                .orElseGet(() -> internalUrl() + ":" + PyroscopePorts.NGINX_HTTP),
            "flame",
            "",
            null));
  }

  /** Blocked on invalid time options; the workers then run with cleanup disabled. */
  @Override
  protected List<Status> productStatuses() {
    return settings().validationMessage().map(Status::blocked).stream().toList();
  }

  private PyroscopeSettings settings() {
    return new PyroscopeSettings(
        config().string("retention_period").orElse(PyroscopeSettings.DEFAULTS.retentionPeriod()),
        config().string("deletion_delay").orElse(PyroscopeSettings.DEFAULTS.deletionDelay()),
        config().string("cleanup_interval").orElse(PyroscopeSettings.DEFAULTS.cleanupInterval()));
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(PyroscopeCoordinatorCharm::new);
  }
}
