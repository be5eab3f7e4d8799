package io.charmkit.interfaces.topology;

import io.charmkit.schema.topology.JujuTopology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The label forms of a {@link JujuTopology} that telemetry needs (WIRE.md §5.3): Prometheus and
 * Loki label matchers, alert-expression labels, the full relabel set for scrape jobs, and the
 * OpenTelemetry baggage. Every map keeps cosl's key order.
 *
 * @param topology the topology
 */
public record TopologyLabels(JujuTopology topology) {

  /** Checks the topology is present. */
  public TopologyLabels {
    Objects.requireNonNull(topology, "topology");
  }

  /**
   * Returns cosl's {@code label_matcher_dict}: {@code juju_model}, {@code juju_model_uuid}, {@code
   * juju_application}, {@code juju_charm}; no unit; empty values dropped.
   *
   * @return the labels
   */
  public Map<String, String> matchers() {
    Map<String, String> labels = new LinkedHashMap<>();
    putIfPresent(labels, "juju_model", topology.model());
    putIfPresent(labels, "juju_model_uuid", topology.modelUuid());
    putIfPresent(labels, "juju_application", topology.application());
    putIfPresent(labels, "juju_charm", topology.charmName());
    return labels;
  }

  /**
   * Returns cosl's {@code label_matchers}: {@link #matchers()} as {@code k="v", …}.
   *
   * @return e.g. {@code juju_model="cos", juju_model_uuid="…", juju_application="tempo"}
   */
  public String matcherString() {
    return render(matchers());
  }

  /**
   * Returns cosl's {@code alert_expression_dict}: {@code juju_model}, {@code juju_model_uuid} and
   * {@code juju_application} only.
   *
   * @return the labels
   */
  public Map<String, String> alertExpression() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("juju_model", topology.model());
    labels.put("juju_model_uuid", topology.modelUuid());
    labels.put("juju_application", topology.application());
    return labels;
  }

  /**
   * Returns cosl's {@code alert_expression_str}: {@link #alertExpression()} as {@code k="v", …}.
   *
   * @return the matcher text
   */
  public String alertExpressionString() {
    return render(alertExpression());
  }

  /**
   * Returns every topology label, unit included: what a coordinator sets with relabel configs on
   * each worker's scrape job ({@code juju_model}, {@code juju_model_uuid}, {@code
   * juju_application}, {@code juju_unit}, {@code juju_charm}); empty values dropped.
   *
   * @return the labels
   */
  public Map<String, String> all() {
    Map<String, String> labels = new LinkedHashMap<>();
    putIfPresent(labels, "juju_model", topology.model());
    putIfPresent(labels, "juju_model_uuid", topology.modelUuid());
    putIfPresent(labels, "juju_application", topology.application());
    putIfPresent(labels, "juju_unit", topology.unit());
    putIfPresent(labels, "juju_charm", topology.charmName());
    return labels;
  }

  /**
   * Returns cosl's {@code to_baggage()}: {@link #all()} as {@code k=v,k=v} without spaces.
   *
   * @return the baggage header value
   */
  public String baggage() {
    return all().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  private static void putIfPresent(Map<String, String> labels, String key, String value) {
    if (value != null && !value.isEmpty()) {
      labels.put(key, value);
    }
  }

  private static String render(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
        .collect(Collectors.joining(", "));
  }
}
