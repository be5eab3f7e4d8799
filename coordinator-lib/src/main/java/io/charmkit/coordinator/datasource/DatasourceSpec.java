package io.charmkit.coordinator.datasource;

import java.util.Objects;

/**
 * The datasource a coordinator registers with Grafana.
 *
 * @param type the Grafana datasource type, e.g. {@code tempo} or {@code
 *     grafana-pyroscope-datasource}
 * @param url this unit's URL as Grafana should reach it, e.g. {@code http://<fqdn>:3200}
 */
public record DatasourceSpec(String type, String url) {

  /** Checks the parts. */
  public DatasourceSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
  }
}
