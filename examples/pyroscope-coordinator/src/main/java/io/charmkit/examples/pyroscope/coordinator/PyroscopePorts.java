package io.charmkit.examples.pyroscope.coordinator;

import io.charmkit.coordinator.ring.Memberlist;
import java.util.List;

/** Pyroscope's ports (PRODUCTS.md §3.2, §3.4). */
public final class PyroscopePorts {

  /** The workers' HTTP port, which also accepts gRPC. */
  public static final int HTTP = 4040;

  /** The coordinator's HTTP port (nginx). */
  public static final int NGINX_HTTP = 8080;

  /** The coordinator's gRPC port for OTLP profiles (nginx). */
  public static final int NGINX_GRPC = 42424;

  private PyroscopePorts() {}

  /**
   * Returns the {@code worker_ports} of a worker application: the same for every role.
   *
   * @param role the application's raw {@code role} string (unused: every role opens the same)
   * @return HTTP and memberlist, ascending
   */
  public static List<Integer> workerPorts(String role) {
    return List.of(HTTP, Memberlist.PORT);
  }
}
