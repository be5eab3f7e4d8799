package io.charmkit.coordinator.ingress;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration a coordinator submits to Traefik over traefik_route.
 *
 * @param dynamic Traefik's dynamic configuration ({@code http: {routers, services, middlewares}})
 * @param staticConfig Traefik's static configuration (entry points); empty for none
 */
public record TraefikConfig(
    Map<String, Object> dynamic, Optional<Map<String, Object>> staticConfig) {

  /** Checks both parts are given. */
  public TraefikConfig {
    Objects.requireNonNull(dynamic, "dynamic");
    Objects.requireNonNull(staticConfig, "staticConfig");
  }
}
