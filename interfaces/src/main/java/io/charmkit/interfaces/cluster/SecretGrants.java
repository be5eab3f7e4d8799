package io.charmkit.interfaces.cluster;

import java.util.List;

/**
 * What {@link ClusterProvider#grantSecret} has granted, kept in stored state so that each grant is
 * made once rather than on every dispatch.
 *
 * @param secretId the granted secret
 * @param relationIds the relations it was granted to
 */
record SecretGrants(String secretId, List<Integer> relationIds) {

  /** Copies the ids. */
  SecretGrants {
    relationIds = relationIds == null ? List.of() : List.copyOf(relationIds);
  }
}
