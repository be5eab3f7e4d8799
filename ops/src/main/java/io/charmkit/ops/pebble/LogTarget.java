package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A log forwarding target in a layer or plan.
 *
 * @param override {@code merge} or {@code replace} (required in a layer)
 * @param type {@code loki} or {@code opentelemetry}
 * @param location the push URL
 * @param services services whose logs are forwarded ({@code all}, or {@code -all} to disable)
 * @param labels labels added to every record
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"override", "type", "location", "services", "labels"})
public record LogTarget(
    String override,
    String type,
    String location,
    List<String> services,
    Map<String, String> labels) {

  /** Normalises absent collections to empty ones. */
  public LogTarget {
    services = services == null ? List.of() : List.copyOf(services);
    labels =
        labels == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }
}
