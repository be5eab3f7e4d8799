/**
 * The coordinator base of the coordinated-workers pattern: {@link
 * io.charmkit.coordinator.CoordinatorCharm}, which a product extends with its worker config, ports,
 * nginx routes and active message ({@link io.charmkit.coordinator.ClusterContext} is what it
 * renders from; {@link io.charmkit.coordinator.CoordinatorEndpoints} names the endpoints; {@code
 * tls} holds the pluggable certificate source).
 *
 * <p>The subpackages are the Juju-free core that the coordinator charm base calls: {@code roles}
 * (role tables and meta-role expansion), {@code cluster} (gathered members, consistency, the
 * coordinator's status texts), {@code ring} (memberlist and replication factors), {@code s3} (the
 * s3 relation and its drop-in settings), {@code nginx} (the reverse proxy), and one package per
 * product ({@code tempo}, {@code pyroscope}) for its worker configuration, ports and routes. Every
 * output is sorted, so the same cluster gives the same bytes whatever order Juju lists it in.
 */
package io.charmkit.coordinator;
