/** Where things live in a workload container, and how the coordinator keeps its files. */
package io.charmkit.coordinator.workload;
