/**
 * The cluster interface of coordinated workers ({@code tempo_cluster}, {@code pyroscope_cluster},
 * and the same format under {@code loki_cluster} and {@code mimir_cluster}): the three databags of
 * WIRE.md §3 as records.
 */
package io.charmkit.schema.cluster;
