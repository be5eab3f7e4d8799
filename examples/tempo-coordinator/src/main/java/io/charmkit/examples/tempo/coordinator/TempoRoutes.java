package io.charmkit.examples.tempo.coordinator;

import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.nginx.NginxLocation;
import io.charmkit.coordinator.nginx.NginxUpstream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Tempo coordinator's nginx routes (PRODUCTS.md §2.5): each requested receiver and Tempo's own
 * HTTP and gRPC APIs are served on the same port as on the workers, by a single {@code location /}.
 * Receivers go to distributors, the APIs to query-frontends.
 */
public final class TempoRoutes {

  /** The upstream of Tempo's HTTP API. */
  public static final String HTTP_UPSTREAM = "tempo-http";

  /** The upstream of Tempo's gRPC API. */
  public static final String GRPC_UPSTREAM = "tempo-grpc";

  private TempoRoutes() {}

  /**
   * Returns the upstreams: one per requested receiver, then {@code tempo-http} and {@code
   * tempo-grpc}.
   *
   * @param requested the requested receivers
   * @return the upstreams
   */
  public static List<NginxUpstream> upstreams(Collection<TempoReceiver> requested) {
    List<NginxUpstream> upstreams = new ArrayList<>();
    for (TempoReceiver receiver : inOrder(requested)) {
      upstreams.add(new NginxUpstream(receiver.upstream(), receiver.port(), "distributor"));
    }
    upstreams.add(new NginxUpstream(HTTP_UPSTREAM, TempoPorts.HTTP, "query-frontend"));
    upstreams.add(new NginxUpstream(GRPC_UPSTREAM, TempoPorts.GRPC, "query-frontend"));
    return upstreams;
  }

  /**
   * Returns the locations by port.
   *
   * @param requested the requested receivers
   * @return port to its single location
   */
  public static SortedMap<Integer, List<NginxLocation>> locations(
      Collection<TempoReceiver> requested) {
    SortedMap<Integer, List<NginxLocation>> locations = new TreeMap<>();
    for (TempoReceiver receiver : inOrder(requested)) {
      NginxLocation location = NginxLocation.proxy("/", receiver.upstream());
      locations.put(receiver.port(), List.of(receiver.grpc() ? location.asGrpc() : location));
    }
    locations.put(TempoPorts.HTTP, List.of(NginxLocation.proxy("/", HTTP_UPSTREAM)));
    locations.put(TempoPorts.GRPC, List.of(NginxLocation.proxy("/", GRPC_UPSTREAM).asGrpc()));
    return locations;
  }

  /**
   * Returns the whole nginx configuration of a Tempo coordinator (no health check or status page,
   * as the Python charm).
   *
   * @param serverName the coordinator unit's FQDN
   * @param requested the requested receivers
   * @param resolver the DNS server
   * @param ipv6 whether the pod has IPv6 addresses
   * @return the configuration, ready to render
   */
  public static NginxConfig nginx(
      String serverName, Collection<TempoReceiver> requested, String resolver, boolean ipv6) {
    return new NginxConfig(
        serverName, upstreams(requested), locations(requested), false, false, resolver, ipv6, true);
  }

  private static EnumSet<TempoReceiver> inOrder(Collection<TempoReceiver> requested) {
    return requested.isEmpty() ? EnumSet.noneOf(TempoReceiver.class) : EnumSet.copyOf(requested);
  }
}
