package io.charmkit.coordinator.ingress;

import java.util.Objects;

/**
 * One port the coordinator's nginx serves that Traefik should route to it: an API server or a
 * receiver. Traefik gets an entry point per port, named after the protocol.
 *
 * @param protocol e.g. {@code tempo_http}, {@code otlp_grpc}; {@code _} becomes {@code -} in
 *     Traefik's names
 * @param port the port, the same outside (the entry point) and inside (nginx)
 * @param grpc whether the protocol is gRPC: without TLS Traefik must then speak h2c to nginx
 */
public record IngressPort(String protocol, int port, boolean grpc) {

  /** Checks the protocol and port. */
  public IngressPort {
    Objects.requireNonNull(protocol, "protocol");
    if (!protocol.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("protocol must be [a-z0-9_]+: " + protocol);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
  }
}
