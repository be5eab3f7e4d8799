package io.charmkit.ops.context;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a charm takes from the machine it runs on rather than from Juju's model: its fully qualified
 * domain name, the process environment (for Juju's proxy settings), the DNS server, whether the pod
 * has a global IPv6 address, and the clock and sleeper that pace retries. The coordinator and the
 * worker bases both take one, the same way; {@link #system()} is the real one, tests build their
 * own so that no test depends on the host it runs on or really waits.
 *
 * @param fqdn this unit's FQDN, asked for once per dispatch when first needed ({@link
 *     HostFqdn#resolve} in production)
 * @param env the process environment ({@code JUJU_CHARM_HTTP_PROXY}, …)
 * @param nameserver the DNS server (the first {@code nameserver} of {@code /etc/resolv.conf} in
 *     production, {@code 127.0.0.1} when there is none)
 * @param globalIpv6 whether the host has a global IPv6 address
 * @param clock the clock that measures how long retries have run
 * @param sleeper waits between retries
 */
public record HostEnvironment(
    Supplier<String> fqdn,
    Map<String, String> env,
    Supplier<String> nameserver,
    BooleanSupplier globalIpv6,
    Clock clock,
    Sleeper sleeper) {

  /** Checks every part is present and copies the environment. */
  public HostEnvironment {
    Objects.requireNonNull(fqdn, "fqdn");
    env = Map.copyOf(env);
    Objects.requireNonNull(nameserver, "nameserver");
    Objects.requireNonNull(globalIpv6, "globalIpv6");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * The running process's host: {@link HostFqdn#resolve} of {@link System#getenv()}, that
   * environment, {@code /etc/resolv.conf}, the network interfaces, the system clock and {@link
   * Thread#sleep}. Each fact is read only when asked for.
   *
   * @return the host
   */
  public static HostEnvironment system() {
    Map<String, String> env = System.getenv();
    return new HostEnvironment(
        () -> HostFqdn.resolve(env),
        env,
        HostEnvironment::resolvConfNameserver,
        HostEnvironment::hasGlobalIpv6,
        Clock.systemUTC(),
        d -> Thread.sleep(d.toMillis()));
  }

  private static String resolvConfNameserver() {
    try {
      return firstNameserver(Files.readAllLines(Path.of("/etc/resolv.conf")));
    } catch (IOException e) {
      return firstNameserver(List.of()); // no resolv.conf: the local resolver
    }
  }

  /** The first {@code nameserver} of resolv.conf lines, or {@code 127.0.0.1} when none. */
  static String firstNameserver(List<String> lines) {
    for (String line : lines) {
      String[] words = line.trim().split("\\s+");
      if (words.length >= 2 && words[0].equals("nameserver")) {
        return words[1];
      }
    }
    return "127.0.0.1";
  }

  private static boolean hasGlobalIpv6() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet6Address
              && !address.isLoopbackAddress()
              && !address.isLinkLocalAddress()) {
            return true;
          }
        }
      }
    } catch (SocketException e) {
      return false; // cannot list the interfaces: listen on IPv4 only
    }
    return false;
  }
}
