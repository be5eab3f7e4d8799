package io.charmkit.schema.scrape;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alerting or recording rule, in Prometheus' rule-file form. Exactly one of {@code alert} and
 * {@code record} is set (checked by {@link RuleGroup}).
 *
 * <p>Keys are written in one of the two orders the Python coordinators produce: cosl's own order
 * ({@code alert}/{@code record}, {@code expr}, {@code for}, {@code keep_firing_for}, {@code
 * labels}, {@code annotations}; charmkit's packaged rule files are written in it, so the file order
 * Python keeps is the same), or, for a rule that went through Python's {@code yaml.dump} (the
 * coordinators do that to their workers' rules), every key sorted. {@code labels} and {@code
 * annotations} keep the order they were built in: the library appends the topology labels after a
 * rule's own.
 *
 * @param alert the alert's name, or null for a recording rule
 * @param record the recorded series' name, or null for an alert
 * @param expr the PromQL expression
 * @param forDuration how long the expression must hold before the alert fires, or null
 * @param keepFiringFor how long the alert keeps firing after it cleared, or null
 * @param labels labels added to the alert or series, or null
 * @param annotations the alert's annotations, or null
 * @param sortedKeys whether the rule is written with its keys sorted (never on the wire itself)
 */
@JsonPropertyOrder({"alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations"})
@JsonSerialize(using = AlertRuleWriter.class)
public record AlertRule(
    @JsonProperty("alert") String alert,
    @JsonProperty("record") String record,
    @JsonProperty("expr") @NotBlank String expr,
    @JsonProperty("for") String forDuration,
    @JsonProperty("keep_firing_for") String keepFiringFor,
    @JsonProperty("labels") LinkedHashMap<String, String> labels,
    @JsonProperty("annotations") LinkedHashMap<String, String> annotations,
    @JsonIgnore boolean sortedKeys) {

  /**
   * Returns an alert in cosl's key order.
   *
   * @param alert the alert's name
   * @param expr the expression
   * @param forDuration how long it must hold, or null
   * @param labels the labels, or null
   * @param annotations the annotations, or null
   * @return the rule
   */
  public static AlertRule alert(
      String alert,
      String expr,
      String forDuration,
      Map<String, String> labels,
      Map<String, String> annotations) {
    return new AlertRule(
        alert, null, expr, forDuration, null, copy(labels), copy(annotations), false);
  }

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
        copy(newLabels),
        annotations,
        sortedKeys);
  }

  /**
   * Returns this rule as it reads back after Python's {@code yaml.dump}: every key sorted, labels
   * and annotations included.
   *
   * @return a copy
   */
  public AlertRule withSortedKeys() {
    return new AlertRule(
        alert,
        record,
        expr,
        forDuration,
        keepFiringFor,
        labels == null ? null : new LinkedHashMap<>(new TreeMap<>(labels)),
        annotations == null ? null : new LinkedHashMap<>(new TreeMap<>(annotations)),
        true);
  }

  private static LinkedHashMap<String, String> copy(Map<String, String> map) {
    return map == null ? null : new LinkedHashMap<>(map);
  }
}
