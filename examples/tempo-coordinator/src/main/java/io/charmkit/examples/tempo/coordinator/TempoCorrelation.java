package io.charmkit.examples.tempo.coordinator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.coordinator.datasource.DatasourceCorrelation;
import io.charmkit.schema.datasource.Datasource;
import java.util.List;
import java.util.Optional;

/**
 * What Tempo configures in Grafana from the datasources shared with it (WIRE.md §4.3, tempo
 * coordinator {@code _build_grafana_source_extra_fields}): the {@code extra_fields} of its {@code
 * grafana_source_data}, i.e. the Tempo datasource's {@code jsonData}.
 *
 * <ul>
 *   <li>service map: a {@code prometheus} datasource whose application Tempo also sends
 *       remote-write to;
 *   <li>traces-to-logs ({@code tracesToLogsV2}): a {@code loki} datasource;
 *   <li>traces-to-metrics: a {@code prometheus} datasource.
 * </ul>
 *
 * <p>Each needs the datasource registered with a Grafana Tempo itself is registered with. With none
 * found there are no extra fields ({@code null} on the wire); otherwise {@code httpMethod: GET}
 * comes first and then the features found, in the order above, with the Python charm's key order so
 * that the JSON text is the same. Other datasource types (e.g. Pyroscope's {@code
 * grafana-pyroscope-datasource}) are received but not correlated, as in the Python charm.
 */
public final class TempoCorrelation {
  /** The datasource type Tempo registers with Grafana. */
  public static final String DATASOURCE_TYPE = "tempo";

  /** The endpoint whose applications qualify for the service map. */
  public static final String REMOTE_WRITE_ENDPOINT = "send-remote-write";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TempoCorrelation() {}

  /**
   * Returns Tempo's extra fields.
   *
   * @param correlation the correlation over Tempo's exchange and grafana-source relations
   * @return the fields; empty when no feature is on
   */
  public static Optional<ObjectNode> extraFields(DatasourceCorrelation correlation) {
    Optional<Datasource> serviceMap =
        correlation.find("prometheus", "service graph", Optional.of(REMOTE_WRITE_ENDPOINT));
    Optional<Datasource> logs = correlation.find("loki", "traces-to-logs", Optional.empty());
    Optional<Datasource> metrics =
        correlation.find("prometheus", "traces-to-metrics", Optional.empty());
    if (serviceMap.isEmpty() && logs.isEmpty() && metrics.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode fields = NODES.objectNode();
    fields.put("httpMethod", "GET");
    serviceMap.ifPresent(
        d -> fields.set("serviceMap", NODES.objectNode().put("datasourceUid", d.uid())));
    logs.ifPresent(
        d -> {
          ObjectNode config = NODES.objectNode();
          config.put("datasourceUid", d.uid());
          config.set("tags", tags(List.of("juju_application", "juju_model", "juju_model_uuid")));
          config.put("filterByTraceID", false);
          config.put("filterBySpanID", false);
          config.put("customQuery", true);
          // Grafana's own template syntax: "$$" escapes a "$" in provisioned datasources.
          config.put("query", "{ $$__tags } |= \"$${__span.traceId}\"");
          fields.set("tracesToLogsV2", config);
        });
    metrics.ifPresent(
        d -> {
          ObjectNode config = NODES.objectNode();
          config.put("datasourceUid", d.uid());
          // No juju_charm: metrics label it inconsistently (juju_charm or juju_charm_name).
          config.set(
              "tags",
              tags(List.of("juju_application", "juju_model", "juju_model_uuid", "juju_unit")));
          ArrayNode queries = NODES.arrayNode();
          queries.add(NODES.objectNode().put("name", "All metrics").put("query", "{$$__tags}"));
          config.set("queries", queries);
          fields.set("tracesToMetrics", config);
        });
    return Optional.of(fields);
  }

  private static ArrayNode tags(List<String> keys) {
    ArrayNode out = NODES.arrayNode();
    keys.forEach(k -> out.add(NODES.objectNode().put("key", k).put("value", "")));
    return out;
  }
}
