package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The combined plan of all layers, as {@code GET /v1/plan} returns it. Records compare by value, so
 * a caller can tell whether adding a layer changed anything ({@code before.equals(after)}) and skip
 * a needless replan.
 *
 * @param services services by name; never null
 * @param checks checks by name; never null
 * @param logTargets log targets by name; never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"services", "checks", "log-targets"})
public record Plan(
    Map<String, Service> services,
    Map<String, Check> checks,
    @JsonProperty("log-targets") Map<String, LogTarget> logTargets) {

  /** Normalises absent maps to empty ones. */
  public Plan {
    services = Layer.ordered(services);
    checks = Layer.ordered(checks);
    logTargets = Layer.ordered(logTargets);
  }

  /** The empty plan (no layers). */
  public static Plan empty() {
    return new Plan(null, null, null);
  }
}
