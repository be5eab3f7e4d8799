package io.charmkit.interfaces.cluster;

/**
 * The payload of {@link ClusterRequirer#removed}: the cluster relation is gone, or the coordinator
 * wiped (or invalidated) its data after this unit had joined. The worker should stop its workload.
 *
 * @param relationId the cluster relation
 */
public record ClusterRemoved(int relationId) {}
