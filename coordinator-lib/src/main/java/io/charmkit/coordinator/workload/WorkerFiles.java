package io.charmkit.coordinator.workload;

/**
 * Paths in the worker's workload container that the coordinator's configuration points at
 * (PRODUCTS.md §1.7); the worker writes these files from the cluster relation.
 */
public final class WorkerFiles {

  /** The workload configuration ({@code worker_config}). */
  public static final String CONFIG = "/etc/worker/config.yaml";

  /** The coordinator's server certificate ({@code server_cert}). */
  public static final String CERT = "/etc/worker/server.cert";

  /** The private key, from the secret named by {@code privkey_secret_id}. */
  public static final String KEY = "/etc/worker/private.key";

  /** The CA certificate ({@code ca_cert}), as a copy beside the other TLS files. */
  public static final String CLIENT_CA = "/etc/worker/ca.cert";

  /** The S3 CA chain ({@code s3_tls_ca_chain}). */
  public static final String S3_CA_CHAIN = "/etc/worker/s3_ca.crt";

  /** The CA certificate ({@code ca_cert}) in the system trust store. */
  public static final String ROOT_CA = "/usr/local/share/ca-certificates/ca.crt";

  private WorkerFiles() {}
}
