package io.charmkit.coordinator.ring;

import io.charmkit.coordinator.cluster.ClusterMembers;

/**
 * The replication factor rule shared by every product (PRODUCTS.md §1.11): 3 when the relevant role
 * has at least 3 addresses, else 1. Which role is relevant is the product's choice: Tempo's
 * ingester ring, Pyroscope's ingester and store-gateway rings, Mimir's ingester, store-gateway and
 * alertmanager rings, Loki's common factor from the backend count.
 */
public final class ReplicationFactor {

  /** The factor once enough replicas exist. */
  public static final int REPLICATED = 3;

  private ReplicationFactor() {}

  /**
   * Returns the factor for a number of replicas.
   *
   * @param replicas the number of addresses running the role
   * @return 3 if {@code replicas >= 3}, else 1
   */
  public static int of(int replicas) {
    return replicas >= REPLICATED ? REPLICATED : 1;
  }

  /**
   * Returns the factor for a role of a cluster, counting its distinct addresses.
   *
   * @param members the cluster
   * @param role the relevant (expanded) role
   * @return 3 if the role has at least 3 addresses, else 1
   */
  public static int forRole(ClusterMembers members, String role) {
    return of(members.addressesOf(role).size());
  }
}
