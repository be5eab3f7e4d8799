package io.charmkit.examples.loki.coordinator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.coordinator.datasource.DatasourceCorrelation;
import io.charmkit.schema.datasource.Datasource;
import java.util.Optional;

/**
 * The {@code extra_fields} of Loki's Grafana datasource, as the Python coordinator builds them:
 * Grafana sends the tenant header {@code X-Scope-OrgID}, and when a Tempo datasource is shared with
 * Loki and registered with the same Grafana, a derived field turns a {@code traceID=…}, {@code
 * trace_id=…} or {@code tid=…} in a log line into a link to that trace (logs-to-traces).
 */
public final class LokiCorrelation {
  /** The regular expression that finds a trace ID in a log line. */
  public static final String TRACE_ID_PATTERN = "(?:traceID|trace_id|tid)=(\\w+)";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LokiCorrelation() {}

  /**
   * Returns Loki's extra fields.
   *
   * @param correlation the correlation over Loki's exchange and grafana-source relations
   * @return the fields, in the Python charm's key order; never empty (the header is always set)
   */
  public static Optional<ObjectNode> extraFields(DatasourceCorrelation correlation) {
    ObjectNode fields = NODES.objectNode();
    fields.put("httpHeaderName1", "X-Scope-OrgID");
    Optional<Datasource> tempo = correlation.find("tempo", "logs-to-traces", Optional.empty());
    tempo.ifPresent(
        d -> {
          ObjectNode derived = NODES.objectNode();
          derived.put("datasourceUid", d.uid());
          derived.put("matcherRegex", TRACE_ID_PATTERN);
          derived.put("name", "traceID");
          // Grafana's own template syntax: "$$" escapes a "$" in provisioned datasources.
          derived.put("url", "$${__value.raw}");
          derived.put("urlDisplayLabel", "View trace");
          ArrayNode list = NODES.arrayNode();
          list.add(derived);
          fields.set("derivedFields", list);
        });
    return Optional.of(fields);
  }
}
