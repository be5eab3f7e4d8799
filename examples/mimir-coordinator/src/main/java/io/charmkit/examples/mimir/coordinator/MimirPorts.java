package io.charmkit.examples.mimir.coordinator;

import io.charmkit.coordinator.nginx.NginxFiles;
import java.util.List;

/** Mimir's ports (PRODUCTS.md §5.2, §5.4). */
public final class MimirPorts {

  /** The workers' HTTP port (with TLS when the coordinator has a certificate). */
  public static final int HTTP = 8080;

  /** The workers' gRPC port, which components use to reach each other. */
  public static final int GRPC = 9095;

  private MimirPorts() {}

  /**
   * Returns the {@code worker_ports} of a worker application: the same for every role.
   *
   * @param role the application's raw {@code role} string (unused: every role opens the same)
   * @return HTTP and gRPC, ascending
   */
  public static List<Integer> workerPorts(String role) {
    return List.of(HTTP, GRPC);
  }

  /**
   * Returns the one port the coordinator's nginx listens on.
   *
   * @param tls whether the coordinator has a certificate
   * @return 443 under TLS, else 8080
   */
  public static int nginx(boolean tls) {
    return tls ? NginxFiles.TLS_PORT : NginxFiles.PORT;
  }
}
