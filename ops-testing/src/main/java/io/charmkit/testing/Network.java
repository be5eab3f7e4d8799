package io.charmkit.testing;

import io.charmkit.ops.hooktools.NetworkInfo;
import java.util.List;

/**
 * The addresses {@code network-get} reports in tests. Every declared endpoint (and {@code
 * juju-info}) has {@link #defaults()} unless the {@link State} sets its own.
 */
public final class Network {
  /** The address of the default test network (from the documentation range, RFC 5737). */
  public static final String DEFAULT_ADDRESS = "192.0.2.0";

  /** The subnet of the default test network. */
  public static final String DEFAULT_CIDR = "192.0.2.0/24";

  private Network() {}

  /** One interface, {@code eth0}, with {@link #DEFAULT_ADDRESS}. */
  public static NetworkInfo defaults() {
    return of(DEFAULT_ADDRESS, DEFAULT_CIDR);
  }

  /** One interface, {@code eth0}, with {@code address} in {@code cidr}, also used for ingress. */
  public static NetworkInfo of(String address, String cidr) {
    return new NetworkInfo(
        List.of(
            new NetworkInfo.BindAddress(
                "", "eth0", List.of(new NetworkInfo.Address("", address, cidr)))),
        List.of(cidr),
        List.of(address));
  }
}
