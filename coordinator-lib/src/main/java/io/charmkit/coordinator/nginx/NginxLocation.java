package io.charmkit.coordinator.nginx;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An nginx {@code location} that proxies to an upstream.
 *
 * @param path the path matched
 * @param modifier the match modifier: {@code ""} (prefix), {@code =}, {@code ~}, {@code ~*} or
 *     {@code ^~}
 * @param backend the upstream's name; the location is left out when that upstream has no servers
 * @param backendUrl a path appended to the upstream in the proxied URL, or {@code ""}
 * @param grpc whether the location is gRPC; one gRPC location makes its whole server gRPC
 * @param upstreamTls whether to dial the upstream with TLS; {@code null} follows the server
 * @param headers extra request headers for the upstream, written in name order
 */
public record NginxLocation(
    String path,
    String modifier,
    String backend,
    String backendUrl,
    boolean grpc,
    Boolean upstreamTls,
    SortedMap<String, String> headers) {

  /** Copies the headers into a sorted, unmodifiable map. */
  public NginxLocation {
    headers = Collections.unmodifiableSortedMap(new TreeMap<>(headers));
  }

  /**
   * Returns a prefix location that proxies over HTTP, TLS following the server.
   *
   * @param path the path prefix
   * @param backend the upstream's name
   * @return the location
   */
  public static NginxLocation proxy(String path, String backend) {
    return new NginxLocation(path, "", backend, "", false, null, new TreeMap<>());
  }

  /**
   * Returns this location with another match modifier.
   *
   * @param modifier e.g. {@code =}
   * @return the changed location
   */
  public NginxLocation withModifier(String modifier) {
    return new NginxLocation(path, modifier, backend, backendUrl, grpc, upstreamTls, headers);
  }

  /**
   * Returns this location as a gRPC one.
   *
   * @return the changed location
   */
  public NginxLocation asGrpc() {
    return new NginxLocation(path, modifier, backend, backendUrl, true, upstreamTls, headers);
  }

  /**
   * Returns this location with a fixed upstream TLS setting.
   *
   * @param tls whether to dial the upstream with TLS
   * @return the changed location
   */
  public NginxLocation withUpstreamTls(boolean tls) {
    return new NginxLocation(path, modifier, backend, backendUrl, grpc, tls, headers);
  }
}
