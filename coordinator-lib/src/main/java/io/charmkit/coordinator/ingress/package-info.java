/**
 * Routes through Traefik over traefik_route: what a coordinator's route is built from, the
 * configuration it submits, and the one-entry-point-per-port routing of the Python Tempo
 * coordinator.
 */
package io.charmkit.coordinator.ingress;
