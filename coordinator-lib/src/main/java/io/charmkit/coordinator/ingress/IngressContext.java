package io.charmkit.coordinator.ingress;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a coordinator's Traefik route is built from.
 *
 * @param model the model name (Traefik names carry it)
 * @param app the application name
 * @param servers every coordinator unit's FQDN, this unit's first, then its peers' in unit order
 * @param tls whether nginx serves TLS
 * @param traefikHttps whether Traefik said it serves https
 */
public record IngressContext(
    String model, String app, List<String> servers, boolean tls, boolean traefikHttps) {

  /** Checks the names and copies the servers. */
  public IngressContext {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(app, "app");
    servers = List.copyOf(servers);
  }

  /**
   * Returns the prefix of every Traefik name, as the Python coordinators write it.
   *
   * @return {@code juju-<model>-<app>}
   */
  public String prefix() {
    return "juju-" + model + "-" + app;
  }

  /**
   * Returns Traefik's load-balancer servers: one URL per coordinator unit.
   *
   * @param scheme {@code http}, {@code https} or {@code h2c}
   * @param port nginx's port
   * @return {@code [{url: <scheme>://<fqdn>:<port>}, …]}
   */
  public List<Map<String, String>> servers(String scheme, int port) {
    return servers.stream()
        .map(server -> Map.of("url", scheme + "://" + server + ":" + port))
        .toList();
  }
}
