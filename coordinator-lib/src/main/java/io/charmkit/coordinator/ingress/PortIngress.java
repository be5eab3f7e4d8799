package io.charmkit.coordinator.ingress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Traefik configuration the Python Tempo coordinator submits over traefik_route: per port an
 * entry point (static configuration), a router matching every client on it, and a service balancing
 * over every coordinator unit's nginx ({@code h2c} for gRPC without TLS); when Traefik serves
 * https, a middleware redirecting plain requests to https on the same port.
 */
public final class PortIngress {
  private PortIngress() {}

  /**
   * Returns the route: per port an entry point, a router and a service.
   *
   * @param context the model, application, servers and TLS state
   * @param ports the ports, in the order the product lists them
   * @return the dynamic and static configuration
   */
  public static TraefikConfig of(IngressContext context, List<IngressPort> ports) {
    return new TraefikConfig(dynamic(context, ports), Optional.of(staticConfig(ports)));
  }

  private static Map<String, Object> dynamic(IngressContext context, List<IngressPort> ports) {
    String prefix = context.prefix();
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
      if (context.traefikHttps()) {
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
      String scheme = port.grpc() && !context.tls() ? "h2c" : context.tls() ? "https" : "http";
      services.put(
          service, Map.of("loadBalancer", Map.of("servers", context.servers(scheme, port.port()))));
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

  private static Map<String, Object> staticConfig(List<IngressPort> ports) {
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
