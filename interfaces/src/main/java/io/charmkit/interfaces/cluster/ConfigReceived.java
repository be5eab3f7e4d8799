package io.charmkit.interfaces.cluster;

/**
 * The payload of {@link ClusterRequirer#configReceived}: the coordinator sent (or changed) a valid
 * configuration, or the TLS private key it names was rotated. Read the data itself from the
 * requirer.
 *
 * @param relationId the cluster relation
 */
public record ConfigReceived(int relationId) {}
