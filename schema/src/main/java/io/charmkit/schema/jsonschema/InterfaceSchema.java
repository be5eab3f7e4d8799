package io.charmkit.schema.jsonschema;

import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.RoleSet;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import java.util.List;
import java.util.Optional;

/**
 * A relation interface version and the models of its four databags, from which its JSON Schemas are
 * generated.
 *
 * @param name the interface name, e.g. {@code tempo_cluster}
 * @param version the interface version, e.g. {@code 1}
 * @param providerApp the provider's application bag model, or null when unused
 * @param providerUnit the provider's unit bag model, or null when unused
 * @param requirerApp the requirer's application bag model, or null when unused
 * @param requirerUnit the requirer's unit bag model, or null when unused
 * @param roles the roles a worker may publish, for cluster interfaces; null otherwise
 */
public record InterfaceSchema(
    String name,
    int version,
    Class<? extends Record> providerApp,
    Class<? extends Record> providerUnit,
    Class<? extends Record> requirerApp,
    Class<? extends Record> requirerUnit,
    RoleSet roles) {

  /**
   * Every interface version this module has models for. The cluster interfaces all carry the format
   * the running charms use (WIRE.md §6), which validates against each published version.
   */
  public static final List<InterfaceSchema> KNOWN =
      List.of(
          cluster("tempo_cluster", 0, RoleSet.TEMPO),
          cluster("tempo_cluster", 1, RoleSet.TEMPO),
          cluster("pyroscope_cluster", 0, RoleSet.PYROSCOPE),
          new InterfaceSchema(
              "grafana_datasource_exchange",
              0,
              DatasourceExchangeData.class,
              null,
              DatasourceExchangeData.class,
              null,
              null));

  private static InterfaceSchema cluster(String name, int version, RoleSet roles) {
    return new InterfaceSchema(
        name,
        version,
        CoordinatorAppData.class,
        null,
        WorkerAppData.class,
        WorkerUnitData.class,
        roles);
  }

  /**
   * Finds a known interface version.
   *
   * @param name the interface name
   * @param version the version, or empty for the highest known
   * @return the interface, if known
   */
  public static Optional<InterfaceSchema> find(String name, Optional<Integer> version) {
    return KNOWN.stream()
        .filter(i -> i.name().equals(name))
        .filter(i -> version.isEmpty() || version.get() == i.version())
        .reduce((a, b) -> b);
  }

  /**
   * Returns the path of a side's schema under {@code schema/json}, in charm-relation-interfaces'
   * layout: {@code <interface>/v<N>/<side>.json}.
   *
   * @param side {@code provider} or {@code requirer}
   * @return the relative path
   */
  public String path(String side) {
    return name + "/v" + version + "/" + side + ".json";
  }
}
