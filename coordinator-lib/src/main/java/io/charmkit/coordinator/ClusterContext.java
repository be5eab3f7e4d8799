package io.charmkit.coordinator;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.interfaces.cluster.ClusterView;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a product renders its worker configuration from: the gathered cluster, the object storage,
 * whether TLS is on, and the remote-write URLs. Given to {@link CoordinatorCharm#workerConfig} only
 * once the gate is open (workers present, cluster coherent, S3 ready).
 *
 * @param view every cluster relation as read this dispatch
 * @param members the same cluster in the sorted form the product configs take
 * @param s3 the ready object storage
 * @param tls whether the coordinator has a certificate (workers then speak TLS where the product
 *     does)
 * @param remoteWriteUrls remote-write URLs from the remote-write relation, sorted; empty when none
 */
public record ClusterContext(
    ClusterView view,
    ClusterMembers members,
    S3Config s3,
    boolean tls,
    List<String> remoteWriteUrls) {

  /** Checks the parts and sorts the URLs. */
  public ClusterContext {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(s3, "s3");
    remoteWriteUrls = List.copyOf(new TreeSet<>(remoteWriteUrls));
  }
}
