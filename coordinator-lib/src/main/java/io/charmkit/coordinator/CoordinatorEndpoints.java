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
 */
public record CoordinatorEndpoints(
    String cluster,
    String s3,
    String certificates,
    String peers,
    String logging,
    String remoteWrite) {

  /** Checks that every name is given. */
  public CoordinatorEndpoints {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(s3, "s3");
    Objects.requireNonNull(certificates, "certificates");
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(remoteWrite, "remoteWrite");
  }

  /**
   * Returns the names the Python coordinators use: {@code s3}, {@code certificates}, {@code peers},
   * {@code logging} and {@code send-remote-write}, with the given cluster endpoint.
   *
   * @param cluster the cluster endpoint
   * @return the endpoints
   */
  public static CoordinatorEndpoints of(String cluster) {
    return new CoordinatorEndpoints(
        cluster, "s3", "certificates", "peers", "logging", "send-remote-write");
  }
}
