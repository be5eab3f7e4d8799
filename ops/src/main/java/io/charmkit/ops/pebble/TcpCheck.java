package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A TCP health check: up when a connection to {@code host:port} succeeds.
 *
 * @param port the port
 * @param host the host, or {@code null} for localhost
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TcpCheck(Integer port, String host) {}
