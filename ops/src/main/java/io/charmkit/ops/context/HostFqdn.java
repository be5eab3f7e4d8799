package io.charmkit.ops.context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * This unit's fully qualified domain name, as Python charms get it from {@code socket.getfqdn()}:
 * on Kubernetes {@code <pod>.<app>-endpoints.<model>.svc.cluster.local}. Coordinated workers
 * publish it as their address and build the gossip ring from it.
 *
 * <p>The environment variable {@value #OVERRIDE} replaces the lookup. The embedded Juju sets it
 * because all its units share one host, whose name would otherwise be every unit's name.
 */
public final class HostFqdn {
  /** The variable that overrides the host lookup. */
  public static final String OVERRIDE = "CHARMKIT_UNIT_FQDN";

  private HostFqdn() {}

  /** The FQDN: {@value #OVERRIDE} if set, else the local host's canonical name. */
  public static String resolve(Map<String, String> env) {
    String override = env.get(OVERRIDE);
    if (override != null && !override.isBlank()) {
      return override.trim();
    }
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      String host = env.get("HOSTNAME");
      return host == null || host.isBlank() ? "localhost" : host;
    }
  }
}
