package io.charmkit.coordinator.datasource;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.ops.model.Application;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.schema.datasource.Datasource;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import io.charmkit.schema.validation.DatabagValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry correlation (WIRE.md §4.3, coordinated-workers {@code TelemetryCorrelation}): finds,
 * among the datasources other charms share over {@code grafana_datasource_exchange}, one that this
 * charm's own datasource can link to in Grafana.
 *
 * <p>A datasource qualifies when its {@code type} matches and its {@code grafana_uid} is one of the
 * Grafanas this charm is itself registered with; optionally, its application must also be related
 * to this charm on a given endpoint (e.g. {@code send-remote-write} for Tempo's service graph). The
 * first match wins: exchange relations are visited in id order, each bag's entries in wire order.
 * Invalid exchange bags are skipped (the exchange endpoint reports them).
 *
 * <p>Why a feature is off is logged at DEBUG: the correlation is recomputed on every hook, and
 * logging it at INFO would cost a {@code juju-log} process each time.
 */
public final class DatasourceCorrelation {
  private static final Logger LOG = LoggerFactory.getLogger(DatasourceCorrelation.class);

  private final Model model;
  private final Set<String> grafanaUids;
  private final List<String> exchangeEndpoints;
  private List<Shared> shared;

  /**
   * Creates the correlation.
   *
   * @param model the charm's model
   * @param grafanaUids the Grafanas this charm is registered with ({@link
   *     GrafanaSource#grafanaUids()})
   * @param exchangeEndpoints the charm's {@code grafana_datasource_exchange} endpoints
   */
  public DatasourceCorrelation(
      Model model, Set<String> grafanaUids, List<String> exchangeEndpoints) {
    this.model = model;
    this.grafanaUids = Set.copyOf(grafanaUids);
    this.exchangeEndpoints = List.copyOf(exchangeEndpoints);
  }

  /**
   * Finds the datasource to correlate with.
   *
   * @param type the datasource type wanted, e.g. {@code loki}
   * @param feature the feature being configured, for the log, e.g. {@code traces-to-logs}
   * @param alsoRelatedOn an endpoint the datasource's application must also be related on; empty
   *     for no such condition. An endpoint the charm does not declare has no relations
   * @return the first qualifying datasource, if any
   */
  public Optional<Datasource> find(String type, String feature, Optional<String> alsoRelatedOn) {
    List<Shared> candidates = shared();
    if (alsoRelatedOn.isPresent()) {
      Set<String> apps = appsRelatedOn(alsoRelatedOn.get());
      candidates = candidates.stream().filter(s -> apps.contains(s.application())).toList();
    }
    List<Datasource> ofType = new ArrayList<>();
    for (Shared s : candidates) {
      s.datasources().stream().filter(d -> d.type().equals(type)).forEach(ofType::add);
    }
    Optional<Datasource> found =
        ofType.stream().filter(d -> grafanaUids.contains(d.grafanaUid())).findFirst();
    if (found.isEmpty()) {
      LOG.debug("{} disabled: {}", feature, why(type, alsoRelatedOn, candidates, ofType));
    }
    return found;
  }

  private String why(
      String type,
      Optional<String> alsoRelatedOn,
      List<Shared> candidates,
      List<Datasource> ofType) {
    if (grafanaUids.isEmpty()) {
      return "no Grafana has assigned this charm a datasource UID yet";
    }
    if (shared().isEmpty()) {
      return "no grafana_datasource_exchange relation with data";
    }
    if (alsoRelatedOn.isPresent() && candidates.isEmpty()) {
      return "no exchange relation with an application also related on " + alsoRelatedOn.get();
    }
    if (ofType.isEmpty()) {
      return "no shared datasource of type " + type;
    }
    return "no " + type + " datasource is registered with the same Grafana as this charm";
  }

  private Set<String> appsRelatedOn(String endpoint) {
    Set<String> apps = new HashSet<>();
    if (model.metadata().endpoint(endpoint).isEmpty()) {
      return apps;
    }
    for (Relation relation : model.relations(endpoint)) {
      relation.app().ifPresent(app -> apps.add(app.name()));
    }
    return apps;
  }

  /** Every valid exchange bag, by relation id. */
  private List<Shared> shared() {
    if (shared == null) {
      List<Relation> relations = new ArrayList<>();
      for (String endpoint : exchangeEndpoints) {
        if (model.metadata().endpoint(endpoint).isPresent()) {
          relations.addAll(model.relations(endpoint));
        }
      }
      relations.sort(Comparator.comparingInt(Relation::id));
      List<Shared> out = new ArrayList<>();
      for (Relation relation : relations) {
        Optional<Application> app = relation.app();
        if (app.isEmpty()) {
          continue;
        }
        Map<String, String> bag = relation.data(app.get()).asMap();
        if (bag.isEmpty()) {
          continue;
        }
        try {
          DatasourceExchangeData data =
              DatasourceExchangeData.CODEC.read(
                  bag, RemoteDataProblem.location(relation, app.get().name(), true));
          out.add(new Shared(app.get().name(), data.datasources()));
        } catch (DatabagValidationException e) {
          LOG.debug("correlation skips an invalid bag: {}", e.getMessage());
        }
      }
      shared = List.copyOf(out);
    }
    return shared;
  }

  /** One remote application's shared datasources. */
  private record Shared(String application, List<Datasource> datasources) {}
}
