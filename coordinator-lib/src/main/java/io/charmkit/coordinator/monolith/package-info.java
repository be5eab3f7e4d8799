/**
 * The coordinator that is also a worker (monolithic fallback): an opt-in mode in which a
 * coordinator with no consistent worker set runs the product itself, hands the work over to workers
 * with hysteresis once they form a consistent cluster, and takes it back when they no longer do.
 */
package io.charmkit.coordinator.monolith;
