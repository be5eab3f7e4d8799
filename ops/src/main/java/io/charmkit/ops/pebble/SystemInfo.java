package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code GET /v1/system-info} reports.
 *
 * @param bootId the server's boot id
 * @param version the Pebble version, e.g. {@code v1.14.1}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SystemInfo(@JsonProperty("boot-id") String bootId, String version) {}
