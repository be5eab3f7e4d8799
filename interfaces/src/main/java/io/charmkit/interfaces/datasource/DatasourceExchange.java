package io.charmkit.interfaces.datasource;

import io.charmkit.interfaces.EndpointDeclaration;
import io.charmkit.interfaces.RemoteAppData;
import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.metadata.EndpointRole;
import io.charmkit.ops.model.Relation;
import io.charmkit.schema.datasource.Datasource;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import io.charmkit.schema.validation.DatabagValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The symmetric {@code grafana_datasource_exchange} interface (WIRE.md §4) over a provider
 * endpoint, a requirer endpoint, or both: the same data is sent to, and received from, every
 * relation of either.
 *
 * <p>Both endpoints are checked against the charm's metadata when this is built: each must be
 * declared, under {@code provides} or {@code requires} respectively, with the interface {@code
 * grafana_datasource_exchange}.
 */
public final class DatasourceExchange extends Component {
  /** The interface name both endpoints must declare. */
  public static final String INTERFACE = "grafana_datasource_exchange";

  private static final Logger LOG = LoggerFactory.getLogger(DatasourceExchange.class);

  private final List<String> endpoints;
  private List<Datasource> received;
  private final List<RemoteDataProblem> problems = new ArrayList<>();

  /**
   * Creates the exchange.
   *
   * @param charm the charm
   * @param providerEndpoint the endpoint declared under {@code provides} (e.g. {@code
   *     send-datasource}), or {@code null} for none
   * @param requirerEndpoint the endpoint declared under {@code requires} (e.g. {@code
   *     receive-datasource}), or {@code null} for none
   * @throws IllegalArgumentException if neither is given, or one is not declared as it should be
   */
  public DatasourceExchange(Charm charm, String providerEndpoint, String requirerEndpoint) {
    super(charm, handleKey(providerEndpoint, requirerEndpoint));
    if (providerEndpoint == null && requirerEndpoint == null) {
      throw new IllegalArgumentException(
          "grafana_datasource_exchange needs a provider endpoint, a requirer endpoint, or both");
    }
    List<String> names = new ArrayList<>();
    if (providerEndpoint != null) {
      check(charm, providerEndpoint, EndpointRole.PROVIDES);
      names.add(providerEndpoint);
    }
    if (requirerEndpoint != null) {
      check(charm, requirerEndpoint, EndpointRole.REQUIRES);
      names.add(requirerEndpoint);
    }
    this.endpoints = List.copyOf(names);
  }

  /**
   * Sends the datasources to every relation of both endpoints, on the leader only; elsewhere it
   * does nothing. Only fully specified entries are sent (type, uid and grafana_uid all non-blank),
   * each once, sorted by uid; with none, {@code []} is sent.
   *
   * @param datasources the datasources this charm registered with Grafana
   * @throws DatabagValidationException if two different entries share a uid and Grafana (a charm
   *     bug)
   */
  public void publish(Collection<Datasource> datasources) {
    if (!model().isLeader()) {
      LOG.debug("not the leader: not publishing datasources");
      return;
    }
    LinkedHashSet<Datasource> complete = new LinkedHashSet<>();
    for (Datasource d : datasources) {
      if (isFullySpecified(d)) {
        complete.add(d);
      } else {
        LOG.debug("not publishing {}: Grafana has not assigned all its UIDs yet", d);
      }
    }
    Map<String, String> changes =
        DatasourceExchangeData.CODEC.write(new DatasourceExchangeData(new ArrayList<>(complete)));
    for (String endpoint : endpoints) {
      for (Relation relation : model().relations(endpoint)) {
        relation.localAppData().putAll(changes);
      }
    }
  }

  /**
   * Returns the datasources every remote application sent over either endpoint, sorted by uid, not
   * deduplicated. Relations without an application or data are skipped; invalid bags are skipped,
   * logged at WARN and listed by {@link #problems()}.
   *
   * @return the datasources
   */
  public List<Datasource> received() {
    if (received == null) {
      List<Datasource> all = new ArrayList<>();
      for (String endpoint : endpoints) {
        for (Relation relation : model().relations(endpoint)) {
          read(relation).ifPresent(d -> all.addAll(d.datasources()));
        }
      }
      all.sort(Datasource.WIRE_ORDER);
      received = List.copyOf(all);
    }
    return received;
  }

  /**
   * Returns the remote bags {@link #received()} rejected.
   *
   * @return the problems
   */
  public List<RemoteDataProblem> problems() {
    received();
    return List.copyOf(problems);
  }

  private Optional<DatasourceExchangeData> read(Relation relation) {
    return RemoteAppData.read(
        relation,
        DatasourceExchangeData.CODEC,
        problem -> {
          problems.add(problem);
          LOG.warn("skipping invalid datasources: {}", problem.message());
        });
  }

  private static String handleKey(String providerEndpoint, String requirerEndpoint) {
    return (providerEndpoint == null ? "" : providerEndpoint)
        + ","
        + (requirerEndpoint == null ? "" : requirerEndpoint);
  }

  private static boolean isFullySpecified(Datasource d) {
    return d != null
        && d.type() != null
        && !d.type().isBlank()
        && d.uid() != null
        && !d.uid().isBlank()
        && d.grafanaUid() != null
        && !d.grafanaUid().isBlank();
  }

  private static void check(Charm charm, String endpoint, EndpointRole role) {
    EndpointDeclaration.require(charm, endpoint, role, INTERFACE);
  }
}
