package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The status of one service, as {@code GET /v1/services} reports it.
 *
 * @param name the service name
 * @param startup {@code enabled} or {@code disabled}
 * @param current {@code active}, {@code inactive}, {@code error} or {@code backoff}
 * @param currentSince RFC 3339 time of the last state change, or {@code null} before the first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceInfo(
    String name,
    String startup,
    String current,
    @JsonProperty("current-since") String currentSince) {

  /** Whether the service is running ({@code current} is {@code active}). */
  public boolean isRunning() {
    return "active".equals(current);
  }
}
