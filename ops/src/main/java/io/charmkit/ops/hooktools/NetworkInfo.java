package io.charmkit.ops.hooktools;

import java.util.List;

/**
 * What {@code network-get} reports of a binding.
 *
 * @param bindAddresses the addresses per interface
 * @param egressSubnets the egress subnets, in CIDR form
 * @param ingressAddresses the addresses other units should use to reach this one
 */
public record NetworkInfo(
    List<BindAddress> bindAddresses, List<String> egressSubnets, List<String> ingressAddresses) {

  /**
   * One interface of a binding.
   *
   * @param macAddress the MAC address, empty when unknown
   * @param interfaceName the interface name
   * @param addresses the addresses on it
   */
  public record BindAddress(String macAddress, String interfaceName, List<Address> addresses) {}

  /**
   * One address (the pre-2.9 {@code address} key is read as {@code value}).
   *
   * @param hostname the host name, empty when none
   * @param value the IP address
   * @param cidr the subnet
   */
  public record Address(String hostname, String value, String cidr) {}
}
