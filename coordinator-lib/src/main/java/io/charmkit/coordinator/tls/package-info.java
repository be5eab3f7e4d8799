/**
 * The coordinator's TLS material and the pluggable source it comes from; the coordinator base
 * serves nginx with it and forwards it to workers (the key as a Juju secret).
 */
package io.charmkit.coordinator.tls;
