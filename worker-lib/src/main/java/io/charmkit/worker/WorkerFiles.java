package io.charmkit.worker;

import java.util.List;

/**
 * Paths in the workload container that a worker writes from the cluster relation (PRODUCTS.md
 * §1.7). The coordinator's configuration points at them, so they are the same for every product.
 */
public final class WorkerFiles {

  /** The workload configuration: the coordinator's {@code worker_config}, re-dumped as YAML. */
  public static final String CONFIG = "/etc/worker/config.yaml";

  /** The coordinator's server certificate ({@code server_cert}). */
  public static final String CERT = "/etc/worker/server.cert";

  /** The private key, from the secret named by {@code privkey_secret_id}. */
  public static final String KEY = "/etc/worker/private.key";

  /** The CA certificate ({@code ca_cert}), beside the other TLS files. */
  public static final String CLIENT_CA = "/etc/worker/ca.cert";

  /** The S3 endpoint's CA chain ({@code s3_tls_ca_chain}). */
  public static final String S3_CA_CHAIN = "/etc/worker/s3_ca.crt";

  /** The CA certificate ({@code ca_cert}) in the system trust store. */
  public static final String ROOT_CA = "/usr/local/share/ca-certificates/ca.crt";

  /** Every file the worker writes, in the order the Python worker wipes them. */
  static final List<String> ALL = List.of(KEY, CLIENT_CA, CERT, S3_CA_CHAIN, ROOT_CA, CONFIG);

  private WorkerFiles() {}
}
