package io.charmkit.schema.scrape;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.charmkit.schema.codec.InsertionOrder;
import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alerting or recording rule, in Prometheus' rule-file form. Exactly one of {@code alert} and
 * {@code record} is set (checked by {@link RuleGroup}). {@code labels} and {@code annotations} keep
 * the order they were read in: the library writes a rule's labels in its file's order followed by
 * the topology labels it adds, and these bytes must not be re-sorted.
 *
 * @param alert the alert's name, or null for a recording rule
 * @param record the recorded series' name, or null for an alert
 * @param expr the PromQL expression
 * @param forDuration how long the expression must hold before the alert fires, or null
 * @param keepFiringFor how long the alert keeps firing after it cleared, or null
 * @param labels labels added to the alert or series, or null
 * @param annotations the alert's annotations, or null
 */
@JsonPropertyOrder({"alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations"})
public record AlertRule(
    @JsonProperty("alert") String alert,
    @JsonProperty("record") String record,
    @JsonProperty("expr") @NotBlank String expr,
    @JsonProperty("for") String forDuration,
    @JsonProperty("keep_firing_for") String keepFiringFor,
    @JsonProperty("labels") @JsonSerialize(using = InsertionOrder.class)
        LinkedHashMap<String, String> labels,
    @JsonProperty("annotations") @JsonSerialize(using = InsertionOrder.class)
        LinkedHashMap<String, String> annotations) {

  /**
   * Returns this rule with another expression and labels.
   *
   * @param newExpr the expression
   * @param newLabels the labels, in wire order
   * @return a copy
   */
  public AlertRule with(String newExpr, Map<String, String> newLabels) {
    return new AlertRule(
        alert,
        record,
        newExpr,
        forDuration,
        keepFiringFor,
        newLabels == null ? null : new LinkedHashMap<>(newLabels),
        annotations);
  }
}
