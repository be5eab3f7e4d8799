package io.charmkit.examples.loki.coordinator;

import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.nginx.NginxLocation;
import io.charmkit.coordinator.nginx.NginxUpstream;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Loki coordinator's nginx routes (PRODUCTS.md §4.4): one server on port 3100, with or without
 * TLS. Pushes go to the write workers, rules to the backend workers, queries and tails to the read
 * workers, and a few informational endpoints to any worker. Under TLS the workers serve HTTPS too,
 * so every location dials them with the server's own scheme.
 */
public final class LokiRoutes {

  /** The upstream of every worker, whatever its role. */
  public static final String WORKER_UPSTREAM = "worker";

  /** Every role, meta-role included, in the order the Python charm lists them; each an upstream. */
  private static final List<String> ROLES = List.of("read", "write", "backend", "all");

  private LokiRoutes() {}

  /**
   * Returns the upstreams: one per role (the {@code all} one included), then {@code worker}.
   *
   * @return the upstreams, all on port 3100
   */
  public static List<NginxUpstream> upstreams() {
    List<NginxUpstream> upstreams = new ArrayList<>();
    for (String role : ROLES) {
      upstreams.add(new NginxUpstream(role, LokiPorts.HTTP, role));
    }
    upstreams.add(NginxUpstream.allWorkers(WORKER_UPSTREAM, LokiPorts.HTTP));
    return upstreams;
  }

  /**
   * Returns the locations of the single server: write, backend, read, then any worker.
   *
   * @return port 3100 to its locations
   */
  public static SortedMap<Integer, List<NginxLocation>> locations() {
    List<NginxLocation> locations = new ArrayList<>();
    locations.add(exact("/loki/api/v1/push", "write"));
    locations.add(NginxLocation.proxy("/loki/api/v1/rules", "backend").withModifier("^~"));
    locations.add(NginxLocation.proxy("/prometheus/.*", "backend").withModifier("~"));
    // Prometheus-style clients ask for /api/v1/rules; Loki serves them under /loki.
    locations.add(
        new NginxLocation(
            "/api/v1/rules", "=", "backend", "/loki/api/v1/rules", false, null, new TreeMap<>()));
    locations.add(exact("/loki/api/v1/tail", "read"));
    // Tailing is a WebSocket; the upgrade headers let it through.
    TreeMap<String, String> upgrade = new TreeMap<>();
    upgrade.put("Upgrade", "$http_upgrade");
    upgrade.put("Connection", "upgrade");
    locations.add(new NginxLocation("/loki/api/.*", "~", "read", "", false, null, upgrade));
    locations.add(exact("/loki/api/v1/format_query", WORKER_UPSTREAM));
    locations.add(exact("/loki/api/v1/status/buildinfo", WORKER_UPSTREAM));
    locations.add(exact("/ring", WORKER_UPSTREAM));
    SortedMap<Integer, List<NginxLocation>> byPort = new TreeMap<>();
    byPort.put(LokiPorts.HTTP, locations);
    return byPort;
  }

  /**
   * Returns the whole nginx configuration of a Loki coordinator, with the health check and the
   * status page on.
   *
   * @param serverName the coordinator unit's FQDN
   * @param resolver the DNS server
   * @param ipv6 whether the pod has IPv6 addresses
   * @return the configuration, ready to render
   */
  public static NginxConfig nginx(String serverName, String resolver, boolean ipv6) {
    return new NginxConfig(serverName, upstreams(), locations(), true, true, resolver, ipv6, true);
  }

  private static NginxLocation exact(String path, String backend) {
    return NginxLocation.proxy(path, backend).withModifier("=");
  }
}
