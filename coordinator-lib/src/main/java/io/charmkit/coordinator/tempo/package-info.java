/** Tempo: receivers, ports, the workers' configuration and the coordinator's nginx routes. */
package io.charmkit.coordinator.tempo;
