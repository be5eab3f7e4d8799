package io.charmkit.ops.model;

import io.charmkit.ops.hooktools.NetworkInfo;
import java.util.List;
import java.util.Optional;

/**
 * The addresses of one binding (an endpoint or extra-binding), from {@code network-get}.
 *
 * @param info what Juju reported
 */
public record Network(NetworkInfo info) {

  /** The address other units should use to reach this one: the first ingress address. */
  public Optional<String> ingressAddress() {
    return info.ingressAddresses().stream().findFirst();
  }

  /** The first bound address. */
  public Optional<String> bindAddress() {
    return info.bindAddresses().stream()
        .flatMap(b -> b.addresses().stream())
        .map(NetworkInfo.Address::value)
        .filter(v -> v != null && !v.isEmpty())
        .findFirst();
  }

  /** The egress subnets. */
  public List<String> egressSubnets() {
    return info.egressSubnets();
  }
}
