package io.charmkit.examples.pyroscope.coordinator;

import io.charmkit.coordinator.ingress.IngressContext;
import io.charmkit.coordinator.ingress.TraefikConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Traefik route of the Python Pyroscope coordinator ({@code traefik_config.py}). Pyroscope
 * takes HTTP (the UI, the API) and gRPC (profile ingestion) on one port, which neither Traefik nor
 * nginx can split, so the UI goes through Traefik's existing {@code web} entry point under the path
 * prefix {@code /<model>-<app>} (stripped before nginx's HTTP port), and gRPC through an entry
 * point of its own to nginx's gRPC port ({@code h2c} without TLS). Under TLS each router also
 * redirects plain requests to https.
 */
final class PyroscopeIngress {
  private static final String WEB = "web";
  private static final String GRPC = "pyroscope-grpc-server";

  private PyroscopeIngress() {}

  /**
   * Returns the path prefix the UI is served under.
   *
   * @param model the model name
   * @param app the application name
   * @return {@code /<model>-<app>}
   */
  static String prefix(String model, String app) {
    return "/" + model + "-" + app;
  }

  /**
   * Returns the route.
   *
   * @param context the model, application, servers and whether nginx serves TLS
   * @return the dynamic configuration and the gRPC entry point
   */
  static TraefikConfig config(IngressContext context) {
    String prefix = prefix(context.model(), context.app());
    String names = context.prefix();
    String stripPrefix = names + "-middleware-stripprefix";
    boolean tls = context.tls();
    Map<String, Object> routers = new LinkedHashMap<>();
    Map<String, Object> services = new LinkedHashMap<>();
    Map<String, Object> middlewares = new LinkedHashMap<>();
    middlewares.put(
        stripPrefix,
        Map.of("stripPrefix", Map.of("forceSlash", false, "prefixes", List.of(prefix))));
    for (Endpoint endpoint :
        List.of(
            new Endpoint(WEB, false, PyroscopePorts.NGINX_HTTP),
            new Endpoint(GRPC, true, PyroscopePorts.NGINX_GRPC))) {
      String service = names + "-service-" + endpoint.name();
      String redirect = names + "-middleware-" + endpoint.name() + "-redirect";
      Map<String, Object> router = new LinkedHashMap<>();
      router.put("entryPoints", List.of(endpoint.name()));
      router.put("service", service);
      List<String> routerMiddlewares = new ArrayList<>();
      if (endpoint.grpc()) {
        router.put("rule", "ClientIP(`0.0.0.0/0`)");
      } else {
        router.put("rule", "PathPrefix(`" + prefix + "`)");
        routerMiddlewares.add(stripPrefix);
      }
      if (tls) {
        routerMiddlewares.add(redirect);
        middlewares.put(
            redirect,
            Map.of(
                "redirectScheme",
                Map.of("permanent", true, "port", endpoint.port(), "scheme", "https")));
      }
      if (!routerMiddlewares.isEmpty()) {
        router.put("middlewares", routerMiddlewares);
      }
      routers.put(names + "-router-" + endpoint.name(), router);
      String scheme = endpoint.grpc() && !tls ? "h2c" : tls ? "https" : "http";
      services.put(
          service,
          Map.of("loadBalancer", Map.of("servers", context.servers(scheme, endpoint.port()))));
    }
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("routers", routers);
    http.put("services", services);
    http.put("middlewares", middlewares);
    Map<String, Object> entryPoints =
        Map.of(GRPC, Map.of("address", ":" + PyroscopePorts.NGINX_GRPC));
    return new TraefikConfig(Map.of("http", http), Optional.of(Map.of("entryPoints", entryPoints)));
  }

  /** A port nginx serves, and the entry point Traefik takes it on. */
  private record Endpoint(String name, boolean grpc, int port) {}
}
