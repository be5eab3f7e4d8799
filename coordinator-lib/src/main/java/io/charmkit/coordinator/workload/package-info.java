/** Where things live in a worker's workload container. */
package io.charmkit.coordinator.workload;
