package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The status of one health check, as {@code GET /v1/checks} reports it.
 *
 * @param name the check name
 * @param level {@code alive}, {@code ready}, or {@code null} when unset
 * @param startup {@code enabled}/{@code disabled}, or {@code null} (older Pebble)
 * @param status {@code up} or {@code down}
 * @param failures consecutive failures (0 when Pebble omits it)
 * @param threshold failures before the check is {@code down}
 * @param changeId the check's {@code perform-check} change (Pebble 1.14+), or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record CheckInfo(
    String name,
    String level,
    String startup,
    String status,
    int failures,
    int threshold,
    @JsonProperty("change-id") String changeId) {

  /** Whether the check is passing. */
  public boolean isUp() {
    return "up".equals(status);
  }
}
