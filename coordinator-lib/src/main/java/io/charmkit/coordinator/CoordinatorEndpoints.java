package io.charmkit.coordinator;

import java.util.Objects;

/**
 * The names of the coordinator's endpoints. Only {@link #cluster()} and {@link #s3()} must be
 * declared in {@code metadata.yaml}; the others are used when the charm declares them and ignored
 * otherwise.
 *
 * @param cluster the cluster endpoint the workers relate to, e.g. {@code tempo-cluster}
 * @param s3 the s3 endpoint (interface {@code s3}, limit 1)
 * @param certificates the certificates endpoint; names the private-key secret's label
 * @param peers the peer endpoint, where each unit writes its {@code hostname}
 * @param logging the loki_push_api endpoint whose push URLs are forwarded as {@code loki_endpoints}
 * @param remoteWrite the prometheus_remote_write endpoint whose URLs are forwarded as {@code
 *     remote_write_endpoints}
 * @param charmTracing the tracing requirer endpoint (limit 1) whose receivers are forwarded as
 *     {@code charm_tracing_receivers}; the coordinator asks it for {@code otlp_http}
 * @param workloadTracing the tracing requirer endpoint (limit 1) whose receivers are forwarded as
 *     {@code workload_tracing_receivers}
 */
public record CoordinatorEndpoints(
    String cluster,
    String s3,
    String certificates,
    String peers,
    String logging,
    String remoteWrite,
    String charmTracing,
    String workloadTracing) {

  /** The charm-tracing endpoint's name in coordinated-workers (and Pyroscope). */
  public static final String CHARM_TRACING = "charm-tracing";

  /** The workload-tracing endpoint's name in coordinated-workers (and Pyroscope). */
  public static final String WORKLOAD_TRACING = "workload-tracing";

  /** Checks that every name is given. */
  public CoordinatorEndpoints {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(s3, "s3");
    Objects.requireNonNull(certificates, "certificates");
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(remoteWrite, "remoteWrite");
    Objects.requireNonNull(charmTracing, "charmTracing");
    Objects.requireNonNull(workloadTracing, "workloadTracing");
  }

  /**
   * Names the endpoints, with the tracing endpoints under their coordinated-workers names ({@link
   * #CHARM_TRACING}, {@link #WORKLOAD_TRACING}).
   *
   * @param cluster the cluster endpoint
   * @param s3 the s3 endpoint
   * @param certificates the certificates endpoint
   * @param peers the peer endpoint
   * @param logging the loki_push_api endpoint
   * @param remoteWrite the prometheus_remote_write endpoint
   */
  public CoordinatorEndpoints(
      String cluster,
      String s3,
      String certificates,
      String peers,
      String logging,
      String remoteWrite) {
    this(cluster, s3, certificates, peers, logging, remoteWrite, CHARM_TRACING, WORKLOAD_TRACING);
  }

  /**
   * Returns the names the Python coordinators use: {@code s3}, {@code certificates}, {@code peers},
   * {@code logging}, {@code send-remote-write}, {@code charm-tracing} and {@code workload-tracing},
   * with the given cluster endpoint.
   *
   * @param cluster the cluster endpoint
   * @return the endpoints
   */
  public static CoordinatorEndpoints of(String cluster) {
    return new CoordinatorEndpoints(
        cluster, "s3", "certificates", "peers", "logging", "send-remote-write");
  }

  /**
   * Returns these names with other tracing endpoints (Tempo's are {@code self-charm-tracing} and
   * {@code self-workload-tracing}, since its {@code tracing} endpoint is the provider).
   *
   * @param charm the charm-tracing endpoint
   * @param workload the workload-tracing endpoint
   * @return the endpoints
   */
  public CoordinatorEndpoints withTracing(String charm, String workload) {
    return new CoordinatorEndpoints(
        cluster, s3, certificates, peers, logging, remoteWrite, charm, workload);
  }
}
