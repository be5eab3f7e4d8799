package io.charmkit.examples.mimir.coordinator;

import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.nginx.NginxLocation;
import io.charmkit.coordinator.nginx.NginxUpstream;
import io.charmkit.interfaces.cluster.RolesTable;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Mimir coordinator's nginx routes (PRODUCTS.md §5.4): one server on 8080 (443 under TLS) with
 * the push, query, ruler, alertmanager and block-upload paths. Workers serve HTTP on 8080 with TLS
 * when the coordinator has a certificate, so upstream TLS follows the server's.
 */
public final class MimirRoutes {

  private MimirRoutes() {}

  /**
   * Returns the upstreams: one per role of {@link RolesTable#MIMIR}, on the workers' HTTP port.
   * Meta-role upstreams never have servers (roles are expanded before addresses are gathered), so
   * nginx leaves them out.
   *
   * @return the upstreams
   */
  public static List<NginxUpstream> upstreams() {
    List<NginxUpstream> upstreams = new ArrayList<>();
    for (String role : RolesTable.MIMIR.roles()) {
      upstreams.add(new NginxUpstream(role, MimirPorts.HTTP, role));
    }
    return upstreams;
  }

  /**
   * Returns the locations of the one server.
   *
   * @param port the server's port ({@link MimirPorts#nginx(boolean)})
   * @return port to locations
   */
  public static SortedMap<Integer, List<NginxLocation>> locations(int port) {
    SortedMap<Integer, List<NginxLocation>> locations = new TreeMap<>();
    locations.put(
        port,
        List.of(
            NginxLocation.proxy("/distributor", "distributor"),
            NginxLocation.proxy("/api/v1/push", "distributor"),
            NginxLocation.proxy("/otlp/v1/metrics", "distributor"),
            NginxLocation.proxy("/prometheus/config/v1/rules", "ruler"),
            NginxLocation.proxy("/prometheus/api/v1/rules", "ruler"),
            NginxLocation.proxy("/prometheus/api/v1/alerts", "ruler"),
            NginxLocation.proxy("/ruler/ring", "ruler").withModifier("="),
            NginxLocation.proxy("/alertmanager", "alertmanager"),
            NginxLocation.proxy("/multitenant_alertmanager/status", "alertmanager"),
            NginxLocation.proxy("/api/v1/alerts", "alertmanager"),
            NginxLocation.proxy("/prometheus", "query-frontend"),
            NginxLocation.proxy("/api/v1/status/buildinfo", "query-frontend").withModifier("="),
            NginxLocation.proxy("/api/v1/upload/block/", "compactor").withModifier("=")));
    return locations;
  }

  /**
   * Returns the whole nginx configuration of a Mimir coordinator, with the health check and the
   * status page on.
   *
   * @param serverName the coordinator unit's FQDN
   * @param resolver the DNS server
   * @param ipv6 whether the pod has IPv6 addresses
   * @param tls whether the coordinator has a certificate (the server then listens on 443)
   * @return the configuration, ready to render
   */
  public static NginxConfig nginx(String serverName, String resolver, boolean ipv6, boolean tls) {
    return new NginxConfig(
        serverName,
        upstreams(),
        locations(MimirPorts.nginx(tls)),
        true,
        true,
        resolver,
        ipv6,
        true);
  }
}
