package io.charmkit.examples.pyroscope.coordinator;

import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.nginx.NginxLocation;
import io.charmkit.coordinator.nginx.NginxUpstream;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Pyroscope coordinator's nginx routes (PRODUCTS.md §3.4): the UI and HTTP API on 8080, OTLP
 * profiles over gRPC on 42424. Workers never speak TLS, so every location dials them in the clear,
 * even when nginx itself listens with TLS.
 */
public final class PyroscopeRoutes {

  /** The upstream of every worker, whatever its role (the UI). */
  public static final String WORKER_UPSTREAM = "worker";

  /** Every role in the order the Python charm declares them; each gets an upstream. */
  private static final List<String> ROLES =
      List.of(
          "all",
          "querier",
          "query-frontend",
          "query-scheduler",
          "ingester",
          "distributor",
          "compactor",
          "store-gateway",
          "tenant-settings",
          "ad-hoc-profiles");

  private PyroscopeRoutes() {}

  /**
   * Returns the upstreams: one per role (meta-role included), then {@code worker}.
   *
   * @return the upstreams, all on port 4040
   */
  public static List<NginxUpstream> upstreams() {
    List<NginxUpstream> upstreams = new ArrayList<>();
    for (String role : ROLES) {
      upstreams.add(new NginxUpstream(role, PyroscopePorts.HTTP, role));
    }
    upstreams.add(NginxUpstream.allWorkers(WORKER_UPSTREAM, PyroscopePorts.HTTP));
    return upstreams;
  }

  /**
   * Returns the locations by port.
   *
   * @return port to locations
   */
  public static SortedMap<Integer, List<NginxLocation>> locations() {
    SortedMap<Integer, List<NginxLocation>> locations = new TreeMap<>();
    locations.put(
        PyroscopePorts.NGINX_HTTP,
        List.of(
            plain("/", WORKER_UPSTREAM).withModifier("="),
            plain("/assets", WORKER_UPSTREAM),
            plain("/ingest", "distributor").withModifier("="),
            plain("/pyroscope", "query-frontend"),
            plain("/querier", "query-frontend"),
            plain("/settings", "tenant-settings"),
            plain("/adhocprofiles", "ad-hoc-profiles")));
    locations.put(
        PyroscopePorts.NGINX_GRPC,
        List.of(plain("/opentelemetry.proto.collector", "distributor").asGrpc()));
    return locations;
  }

  /**
   * Returns the whole nginx configuration of a Pyroscope coordinator, with the status page on.
   *
   * @param serverName the coordinator unit's FQDN
   * @param resolver the DNS server
   * @param ipv6 whether the pod has IPv6 addresses
   * @return the configuration, ready to render
   */
  public static NginxConfig nginx(String serverName, String resolver, boolean ipv6) {
    return new NginxConfig(serverName, upstreams(), locations(), false, true, resolver, ipv6, true);
  }

  private static NginxLocation plain(String path, String backend) {
    return NginxLocation.proxy(path, backend).withUpstreamTls(false);
  }
}
