package io.charmkit.examples.tempo.coordinator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.coordinator.ClusterContext;
import io.charmkit.coordinator.CoordinatorCharm;
import io.charmkit.coordinator.CoordinatorEndpoints;
import io.charmkit.coordinator.datasource.DatasourceCorrelation;
import io.charmkit.coordinator.datasource.DatasourceSpec;
import io.charmkit.coordinator.ingress.IngressContext;
import io.charmkit.coordinator.ingress.IngressPort;
import io.charmkit.coordinator.ingress.PortIngress;
import io.charmkit.coordinator.ingress.TraefikConfig;
import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.tls.CertificatesTls;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.tracing.TracingProvider;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.catalogue.CatalogueItem;
import io.charmkit.schema.tracing.Receiver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Tempo coordinator (PRODUCTS.md §2): configures Tempo workers for monolithic or distributed
 * deployments and fronts their receivers and APIs with nginx on the workers' own port numbers.
 *
 * <p>The requested receivers ({@link TempoReceiver#requested}) are those the applications related
 * on {@code tracing} ask for, those enabled by the {@code always_enable_<protocol>} options, and
 * {@code otlp_http}: each gets its nginx route, its port on the coordinator and on the
 * distributors. The leader publishes them on every {@code tracing} relation with their URLs on this
 * unit's FQDN ({@code http://} or {@code https://} per TLS; gRPC ones without a scheme), past the
 * cluster gate as the Python charm. The workers' {@code charm_tracing_receivers} and {@code
 * workload_tracing_receivers} come from {@code self-charm-tracing} and {@code
 * self-workload-tracing} (the base's tracing requirers).
 *
 * <p>Tempo registers itself with Grafana as a {@code tempo} datasource at {@code
 * http(s)://<fqdn>:3200}, shares the UIDs Grafana assigned on {@code receive-datasource} (both
 * sides of the symmetric interface write, as the Python charm does through the requirer endpoint),
 * and links its datasource to the Loki and Prometheus datasources shared with it ({@link
 * TempoCorrelation}).
 */
public final class TempoCoordinatorCharm extends CoordinatorCharm {
  /** The endpoint Tempo serves traces on. */
  public static final String TRACING = "tracing";

  private final TracingProvider tracing;

  /**
   * Creates the charm as deployed: TLS from its {@code certificates} relation (off without one).
   *
   * @param framework the dispatch's framework
   */
  public TempoCoordinatorCharm(Framework framework) {
    this(framework, HostEnvironment.system());
  }

  /**
   * Creates the charm with TLS from its {@code certificates} relation and the given host facts.
   *
   * @param framework the dispatch's framework
   * @param host the host's FQDN, DNS server, IPv6 address and clock
   */
  public TempoCoordinatorCharm(Framework framework, HostEnvironment host) {
    this(framework, new CertificatesTls(framework, "certificates", "tempo-cluster", host), host);
  }

  /**
   * Creates the charm with a certificate source.
   *
   * @param framework the dispatch's framework
   * @param tls where the certificate comes from
   */
  public TempoCoordinatorCharm(Framework framework, TlsSource tls) {
    this(framework, tls, HostEnvironment.system());
  }

  /**
   * Creates the charm with a certificate source and the host's facts (tests pass their own).
   *
   * @param framework the dispatch's framework
   * @param tls where the certificate comes from
   * @param host the host's FQDN, DNS server and IPv6 address
   */
  public TempoCoordinatorCharm(Framework framework, TlsSource tls, HostEnvironment host) {
    super(
        framework,
        RolesTable.TEMPO,
        CoordinatorEndpoints.of("tempo-cluster")
            .withTracing("self-charm-tracing", "self-workload-tracing"),
        tls,
        host);
    this.tracing = new TracingProvider(this, TRACING);
  }

  @Override
  protected String workerConfig(ClusterContext cluster) {
    int retention =
        config()
            .integer("retention-period")
            .orElse((long) TempoConfig.DEFAULT_RETENTION_HOURS)
            .intValue();
    return new TempoConfig(
            cluster.members(), cluster.s3(), cluster.tls(), retention, cluster.remoteWriteUrls())
        .render();
  }

  @Override
  protected Optional<DatasourceSpec> grafanaDatasource() {
    String scheme = tls().isPresent() ? "https" : "http";
    return Optional.of(
        new DatasourceSpec(
            TempoCorrelation.DATASOURCE_TYPE, scheme + "://" + fqdn() + ":" + TempoPorts.HTTP));
  }

  /**
   * Every port Tempo serves, as the Python coordinator routes them through Traefik: the HTTP and
   * gRPC APIs and every receiver, requested or not.
   */
  @Override
  protected Optional<TraefikConfig> ingressConfig(IngressContext context) {
    List<IngressPort> ports = new ArrayList<>();
    ports.add(new IngressPort("tempo_http", TempoPorts.HTTP, false));
    ports.add(new IngressPort("tempo_grpc", TempoPorts.GRPC, true));
    for (TempoReceiver receiver : TempoReceiver.values()) {
      ports.add(new IngressPort(receiver.protocol(), receiver.port(), receiver.grpc()));
    }
    return Optional.of(PortIngress.of(context, ports));
  }

  /**
   * The catalogue entry the Python Tempo coordinator publishes: no UI, so no {@code url}; the
   * search, trace-by-ID and status APIs on the HTTP port of the application's service.
   */
  @Override
  protected Optional<CatalogueItem> catalogueItem() {
    String base = externalUrl() + ":" + TempoPorts.HTTP;
    Map<String, String> api = new LinkedHashMap<>();
    api.put("Search traces", base + "/api/search?<params>");
    api.put("Query traces (by ID)", base + "/api/traces/<traceID>");
    api.put("Status", base + "/status");
    return Optional.of(
        new CatalogueItem(
            "Tempo (" + app().name() + ")",
            "Tempo is a distributed tracing backend by Grafana, supporting Jaeger, Zipkin, and"
                + " OpenTelemetry protocols.",
            "",
            "transit-connection-variant",
            "https://grafana.com/docs/tempo/latest/api_docs/",
            api));
  }

  @Override
  protected Optional<ObjectNode> datasourceExtraFields(DatasourceCorrelation correlation) {
    return TempoCorrelation.extraFields(correlation);
  }

  @Override
  protected List<Integer> workerPorts(String role) {
    return TempoPorts.workerPorts(role, requestedReceivers());
  }

  /** The workers serve their metrics on the HTTP port, as in the Python coordinator. */
  @Override
  protected int workerMetricsPort(String role) {
    return TempoPorts.HTTP;
  }

  @Override
  protected NginxConfig nginxConfig(String serverName, String resolver, boolean ipv6) {
    return TempoRoutes.nginx(serverName, requestedReceivers(), resolver, ipv6);
  }

  @Override
  protected Collection<Integer> coordinatorPorts() {
    return TempoPorts.coordinatorPorts(requestedReceivers());
  }

  /** Publishes the requested receivers, with their URLs, on every {@code tracing} relation. */
  @Override
  protected void publishProductRelations(ClusterContext cluster) {
    List<Receiver> receivers = new ArrayList<>();
    for (TempoReceiver receiver : requestedReceivers()) {
      receivers.add(Receiver.at(receiver.wireProtocol(), fqdn(), receiver.port(), cluster.tls()));
    }
    tracing.publish(receivers);
  }

  /**
   * {@code otlp_http} (charm tracing needs it), every receiver a tracing relation asks for, and
   * every receiver its option enables.
   */
  private Set<TempoReceiver> requestedReceivers() {
    List<TempoReceiver> enabled = new ArrayList<>();
    for (TempoReceiver receiver : TempoReceiver.values()) {
      if (config().flag("always_enable_" + receiver.protocol())) {
        enabled.add(receiver);
      }
    }
    return TempoReceiver.requested(tracing.requestedProtocols(), enabled);
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(TempoCoordinatorCharm::new);
  }
}
