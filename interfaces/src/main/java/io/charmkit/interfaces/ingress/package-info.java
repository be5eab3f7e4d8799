/**
 * Ingress through Traefik on the requirer side of {@code traefik_route}: the charm writes Traefik's
 * dynamic (and static) configuration itself, as the Python Tempo and Pyroscope coordinators do.
 */
package io.charmkit.interfaces.ingress;
