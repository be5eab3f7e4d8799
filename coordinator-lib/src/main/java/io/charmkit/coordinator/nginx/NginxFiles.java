package io.charmkit.coordinator.nginx;

/** Fixed paths and ports of the coordinator's nginx (PRODUCTS.md §1.3, §1.5, §1.6). */
public final class NginxFiles {

  /** The nginx configuration file in the {@code nginx} container. */
  public static final String CONFIG = "/etc/nginx/nginx.conf";

  /** The coordinator's server certificate. */
  public static final String CERT = "/etc/nginx/certs/server.cert";

  /** The coordinator's private key. */
  public static final String KEY = "/etc/nginx/certs/server.key";

  /** The CA certificate, in the system trust store of the workload and charm containers. */
  public static final String CA = "/usr/local/share/ca-certificates/ca.crt";

  /** The default nginx port. */
  public static final int PORT = 8080;

  /** The default nginx port under TLS. */
  public static final int TLS_PORT = 443;

  /** The nginx-prometheus-exporter's port. */
  public static final int EXPORTER_PORT = 9113;

  private NginxFiles() {}
}
