package io.charmkit.examples.tempo.coordinator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.coordinator.ClusterContext;
import io.charmkit.coordinator.CoordinatorCharm;
import io.charmkit.coordinator.CoordinatorEndpoints;
import io.charmkit.coordinator.datasource.DatasourceCorrelation;
import io.charmkit.coordinator.datasource.DatasourceSpec;
import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.tls.CertificatesTls;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Tempo coordinator (PRODUCTS.md §2): configures Tempo workers for monolithic or distributed
 * deployments and fronts their receivers and APIs with nginx on the workers' own port numbers.
 *
 * <p>The {@code tracing} relation is not served here, so the requested receivers are {@code
 * otlp_http} plus those enabled by the {@code always_enable_<protocol>} options.
 *
 * <p>Tempo registers itself with Grafana as a {@code tempo} datasource at {@code
 * http(s)://<fqdn>:3200}, shares the UIDs Grafana assigned on {@code receive-datasource} (both
 * sides of the symmetric interface write, as the Python charm does through the requirer endpoint),
 * and links its datasource to the Loki and Prometheus datasources shared with it ({@link
 * TempoCorrelation}).
 */
public final class TempoCoordinatorCharm extends CoordinatorCharm {

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
    super(framework, RolesTable.TEMPO, CoordinatorEndpoints.of("tempo-cluster"), tls, host);
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

  @Override
  protected Optional<ObjectNode> datasourceExtraFields(DatasourceCorrelation correlation) {
    return TempoCorrelation.extraFields(correlation);
  }

  @Override
  protected List<Integer> workerPorts(String role) {
    return TempoPorts.workerPorts(role, requestedReceivers());
  }

  @Override
  protected NginxConfig nginxConfig(String serverName, String resolver, boolean ipv6) {
    return TempoRoutes.nginx(serverName, requestedReceivers(), resolver, ipv6);
  }

  @Override
  protected Collection<Integer> coordinatorPorts() {
    return TempoPorts.coordinatorPorts(requestedReceivers());
  }

  /** {@code otlp_http} (charm tracing needs it) and every receiver its option enables. */
  private Set<TempoReceiver> requestedReceivers() {
    List<TempoReceiver> enabled = new ArrayList<>();
    for (TempoReceiver receiver : TempoReceiver.values()) {
      if (config().flag("always_enable_" + receiver.protocol())) {
        enabled.add(receiver);
      }
    }
    return TempoReceiver.requested(List.of(), enabled);
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
