package io.charmkit.coordinator.nginx;

/**
 * An nginx {@code upstream}: the workers of one role, on one port.
 *
 * @param name the upstream's name, which locations refer to as their backend
 * @param port the port every server of the upstream listens on
 * @param role the (expanded) role whose workers serve it; {@code null} for every worker
 */
public record NginxUpstream(String name, int port, String role) {

  /**
   * Returns an upstream served by every worker, whatever its role.
   *
   * @param name the upstream's name
   * @param port the workers' port
   * @return the upstream
   */
  public static NginxUpstream allWorkers(String name, int port) {
    return new NginxUpstream(name, port, null);
  }
}
