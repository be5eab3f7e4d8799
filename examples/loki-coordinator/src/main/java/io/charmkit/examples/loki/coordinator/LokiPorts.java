package io.charmkit.examples.loki.coordinator;

import java.util.List;

/**
 * Loki's ports (PRODUCTS.md §4.2, §4.4): the workers' HTTP API and the coordinator's nginx share
 * one port number, with or without TLS (loki-operators #445).
 */
public final class LokiPorts {

  /** The workers' HTTP port, which is also nginx's single port on the coordinator. */
  public static final int HTTP = 3100;

  private LokiPorts() {}

  /**
   * Returns the {@code worker_ports} of a worker application: the same for every role (the gRPC
   * port 9095 and memberlist's 7946 stay closed to the outside, as upstream).
   *
   * @param role the application's raw {@code role} string (unused: every role opens the same)
   * @return the HTTP port
   */
  public static List<Integer> workerPorts(String role) {
    return List.of(HTTP);
  }
}
