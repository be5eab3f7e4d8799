/**
 * The cluster as the coordinator sees it: who runs which role at which address, whether the
 * deployment is coherent, and the coordinator's status texts.
 */
package io.charmkit.coordinator.cluster;
