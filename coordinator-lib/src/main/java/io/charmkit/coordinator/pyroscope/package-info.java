/** Pyroscope: ports, retention settings, the workers' configuration and the nginx routes. */
package io.charmkit.coordinator.pyroscope;
