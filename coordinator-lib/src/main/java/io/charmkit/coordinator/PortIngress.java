package io.charmkit.coordinator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Traefik configuration the Python Tempo coordinator submits over traefik_route: per port an
 * entry point (static configuration), a router matching every client on it, and a service balancing
 * over every coordinator unit's nginx ({@code h2c} for gRPC without TLS); when Traefik serves
 * https, a middleware redirecting plain requests to https on the same port.
 */
final class PortIngress {
  private PortIngress() {}

  /**
   * Returns the dynamic configuration.
   *
   * @param model the model name
   * @param app the application name
   * @param ports the ports, in the order the product lists them
   * @param tls whether nginx serves TLS
   * @param traefikHttps whether Traefik told it serves https
   * @param servers every coordinator unit's FQDN, this unit's first
   * @return the {@code http} section's tree
   */
  static Map<String, Object> dynamic(
      String model,
      String app,
      List<IngressPort> ports,
      boolean tls,
      boolean traefikHttps,
      List<String> servers) {
    String prefix = "juju-" + model + "-" + app;
    Map<String, Object> routers = new LinkedHashMap<>();
    Map<String, Object> services = new LinkedHashMap<>();
    Map<String, Object> middlewares = new LinkedHashMap<>();
    for (IngressPort port : ports) {
      String name = entryPoint(port);
      String service = prefix + "-service-" + name;
      Map<String, Object> router = new LinkedHashMap<>();
      router.put("entryPoints", List.of(name));
      router.put("service", service);
      router.put("rule", "ClientIP(`0.0.0.0/0`)");
      if (traefikHttps) {
        String middleware = prefix + "-middleware-" + name;
        middlewares.put(
            middleware,
            Map.of(
                "redirectScheme",
                Map.of("permanent", true, "port", port.port(), "scheme", "https")));
        router.put("middlewares", List.of(middleware));
      }
      routers.put(prefix + "-" + name, router);
      // Unencrypted gRPC needs h2c; anything else, secured gRPC included, the nginx scheme.
      String scheme = port.grpc() && !tls ? "h2c" : tls ? "https" : "http";
      List<Map<String, String>> urls = new ArrayList<>();
      for (String server : servers) {
        urls.add(Map.of("url", scheme + "://" + server + ":" + port.port()));
      }
      services.put(service, Map.of("loadBalancer", Map.of("servers", urls)));
    }
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("routers", routers);
    http.put("services", services);
    // Traefik refuses an empty middlewares section.
    if (!middlewares.isEmpty()) {
      http.put("middlewares", middlewares);
    }
    return Map.of("http", http);
  }

  /**
   * Returns the static configuration: one entry point per port.
   *
   * @param ports the ports
   * @return the {@code entryPoints} tree
   */
  static Map<String, Object> staticConfig(List<IngressPort> ports) {
    Map<String, Object> entryPoints = new LinkedHashMap<>();
    for (IngressPort port : ports) {
      entryPoints.put(entryPoint(port), Map.of("address", ":" + port.port()));
    }
    return Map.of("entryPoints", entryPoints);
  }

  private static String entryPoint(IngressPort port) {
    return port.protocol().replace('_', '-');
  }
}
