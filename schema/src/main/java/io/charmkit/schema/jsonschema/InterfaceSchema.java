package io.charmkit.schema.jsonschema;

import io.charmkit.schema.catalogue.CatalogueItem;
import io.charmkit.schema.certificates.ProviderCertificatesData;
import io.charmkit.schema.certificates.RequirerCertificatesData;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.dashboard.DashboardProviderAppData;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import io.charmkit.schema.loki.LokiProviderUnitData;
import io.charmkit.schema.loki.LokiRequirerAppData;
import io.charmkit.schema.scrape.ScrapeProviderAppData;
import io.charmkit.schema.scrape.ScrapeProviderUnitData;
import io.charmkit.schema.tracing.TracingProviderAppData;
import io.charmkit.schema.tracing.TracingRequirerAppData;
import io.charmkit.schema.traefik.TraefikRouteProviderData;
import io.charmkit.schema.traefik.TraefikRouteRequest;
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
 * @param product the product whose workers use a cluster interface, for messages; null otherwise
 * @param roles the role names the interface lets a worker publish (the interface spec's enum, in
 *     its order); null for other interfaces. They are plain names, not a roles table: schema knows
 *     nothing of deployments, and interfaces' {@code RolesTable} (charmkit's one role type) is
 *     checked against them by a test
 */
public record InterfaceSchema(
    String name,
    int version,
    Class<? extends Record> providerApp,
    Class<? extends Record> providerUnit,
    Class<? extends Record> requirerApp,
    Class<? extends Record> requirerUnit,
    String product,
    List<String> roles) {

  private static final List<String> TEMPO_ROLES =
      List.of(
          "all",
          "querier",
          "query-frontend",
          "ingester",
          "distributor",
          "compactor",
          "metrics-generator");

  /**
   * The spec's enum plus {@code tenant-settings} and {@code ad-hoc-profiles}, which the running
   * workers offer (WIRE.md §7.1 #2).
   */
  private static final List<String> PYROSCOPE_ROLES =
      List.of(
          "all",
          "querier",
          "query-frontend",
          "query-scheduler",
          "ingester",
          "distributor",
          "compactor",
          "store-gateway",
          "tenant-settings",
          "ad-hoc-profiles");

  /**
   * Every interface version this module has models for. The cluster interfaces all carry the format
   * the running charms use (WIRE.md §6), which validates against each published version.
   */
  public static final List<InterfaceSchema> KNOWN =
      List.of(
          cluster("tempo_cluster", 0, "Tempo", TEMPO_ROLES),
          cluster("tempo_cluster", 1, "Tempo", TEMPO_ROLES),
          cluster("pyroscope_cluster", 0, "Pyroscope", PYROSCOPE_ROLES),
          new InterfaceSchema(
              "grafana_datasource_exchange",
              0,
              DatasourceExchangeData.class,
              null,
              DatasourceExchangeData.class,
              null,
              null,
              null),
          // No published spec: the format loki_k8s.v1.loki_push_api writes.
          new InterfaceSchema(
              "loki_push_api",
              0,
              null,
              LokiProviderUnitData.class,
              LokiRequirerAppData.class,
              null,
              null,
              null),
          // No published spec: the entry catalogue_k8s.v1.catalogue's consumer writes.
          new InterfaceSchema("catalogue", 0, null, null, CatalogueItem.class, null, null, null),
          // No published spec: what traefik_k8s.v0.traefik_route writes on both sides.
          new InterfaceSchema(
              "traefik_route",
              0,
              TraefikRouteProviderData.class,
              null,
              TraefikRouteRequest.class,
              null,
              null,
              null),
          // The provider sides only: the consumers' answer (an "event" key) is not modelled.
          new InterfaceSchema(
              "prometheus_scrape",
              0,
              ScrapeProviderAppData.class,
              ScrapeProviderUnitData.class,
              null,
              null,
              null,
              null),
          new InterfaceSchema(
              "grafana_dashboard", 0, DashboardProviderAppData.class, null, null, null, null, null),
          new InterfaceSchema(
              "tracing",
              2,
              TracingProviderAppData.class,
              null,
              TracingRequirerAppData.class,
              null,
              null,
              null),
          // tls-certificates: CRI publishes v1, the format of the charm library v4.
          new InterfaceSchema(
              "tls_certificates",
              1,
              ProviderCertificatesData.class,
              null,
              RequirerCertificatesData.class,
              RequirerCertificatesData.class,
              null,
              null));

  private static InterfaceSchema cluster(
      String name, int version, String product, List<String> roles) {
    return new InterfaceSchema(
        name,
        version,
        CoordinatorAppData.class,
        null,
        WorkerAppData.class,
        WorkerUnitData.class,
        product,
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
