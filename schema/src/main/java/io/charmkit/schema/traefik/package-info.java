/** The traefik_route interface (traefik_k8s.v0.traefik_route): a charm's own Traefik routes. */
package io.charmkit.schema.traefik;
