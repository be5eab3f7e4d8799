package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Pebble configuration layer: what a charm adds with {@link PebbleClient#addLayer}.
 *
 * @param summary a one-line summary
 * @param description a longer description
 * @param services services by name
 * @param checks checks by name
 * @param logTargets log targets by name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"summary", "description", "services", "checks", "log-targets"})
public record Layer(
    String summary,
    String description,
    Map<String, Service> services,
    Map<String, Check> checks,
    @JsonProperty("log-targets") Map<String, LogTarget> logTargets) {

  /** Normalises absent maps to empty ones, keeping the caller's order. */
  public Layer {
    services = ordered(services);
    checks = ordered(checks);
    logTargets = ordered(logTargets);
  }

  static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A layer holding only services. */
  public static Layer of(String summary, Map<String, Service> services) {
    return new Layer(summary, null, services, null, null);
  }

  /** This layer with the given checks. */
  public Layer withChecks(Map<String, Check> newChecks) {
    return new Layer(summary, description, services, newChecks, logTargets);
  }

  /** This layer with the given log targets. */
  public Layer withLogTargets(Map<String, LogTarget> newTargets) {
    return new Layer(summary, description, services, checks, newTargets);
  }
}
