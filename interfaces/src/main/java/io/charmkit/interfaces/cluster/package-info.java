/**
 * The coordinated-workers cluster interface ({@code tempo_cluster}, {@code pyroscope_cluster},
 * {@code loki_cluster}, {@code mimir_cluster}; WIRE.md §3): {@link
 * io.charmkit.interfaces.cluster.ClusterProvider} for the coordinator, {@link
 * io.charmkit.interfaces.cluster.ClusterRequirer} for the worker, and the values they exchange.
 */
package io.charmkit.interfaces.cluster;
