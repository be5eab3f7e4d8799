/**
 * The worker base of the coordinated-workers pattern (PRODUCTS.md §1.7, §1.10): a product worker
 * charm extends {@link io.charmkit.worker.WorkerCharm}, names its container and cluster endpoint,
 * and builds its Pebble layer; the base publishes the worker's roles, address and topology, writes
 * the coordinator's configuration and TLS files into the workload, keeps the layer current,
 * restarts the workload when something changed, opens the ports and reports the status texts that
 * the Python workers report.
 */
package io.charmkit.worker;
