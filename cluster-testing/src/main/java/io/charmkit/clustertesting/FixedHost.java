package io.charmkit.clustertesting;

import io.charmkit.ops.context.HostEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A {@link HostEnvironment} for tests: a given FQDN, an empty process environment, the cluster DNS
 * server {@value #NAMESERVER}, no global IPv6, a stopped clock and a sleeper that fails the test,
 * since no charm under test should wait.
 */
public final class FixedHost {
  /** The nameserver every fixed host reports: the usual address of a Kubernetes cluster's DNS. */
  public static final String NAMESERVER = "10.152.183.10";

  private FixedHost() {}

  /**
   * Returns a host whose FQDN is {@code fqdn} and whose clock stands at the epoch.
   *
   * @param fqdn the unit's fully qualified domain name
   * @return the host
   */
  public static HostEnvironment of(String fqdn) {
    return at(fqdn, Instant.EPOCH);
  }

  /**
   * Returns a host whose FQDN is {@code fqdn} and whose clock stands at {@code now}: for charms
   * that act on elapsed time (a handover period, a certificate's expiry), a test builds a new host
   * for each run with the time it wants the charm to see.
   *
   * @param fqdn the unit's fully qualified domain name
   * @param now the instant the clock reports
   * @return the host
   */
  public static HostEnvironment at(String fqdn, Instant now) {
    return new HostEnvironment(
        () -> fqdn,
        Map.of(),
        () -> NAMESERVER,
        () -> false,
        Clock.fixed(now, ZoneOffset.UTC),
        d -> {
          throw new AssertionError("a charm under test slept for " + d + "; none should wait");
        });
  }

  /**
   * The FQDN Kubernetes gives unit {@code n} of {@code app} in the model {@code cos}: {@code
   * <app>-<n>.<app>-endpoints.cos.svc.cluster.local}.
   *
   * @param app the application name
   * @param n the unit number
   * @return the FQDN
   */
  public static String podFqdn(String app, int n) {
    return app + "-" + n + "." + app + "-endpoints.cos.svc.cluster.local";
  }
}
