package io.charmkit.ops.metadata;

import java.util.Optional;

/**
 * A relation endpoint declared in the charm's metadata.
 *
 * @param name the endpoint name, e.g. {@code tempo-cluster}
 * @param role provides, requires or peers
 * @param interfaceName the interface, e.g. {@code tempo_cluster}
 * @param limit the maximum number of relations, if declared
 * @param optional whether the endpoint is declared optional
 */
public record EndpointSpec(
    String name,
    EndpointRole role,
    String interfaceName,
    Optional<Integer> limit,
    boolean optional) {}
