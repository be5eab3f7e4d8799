package io.charmkit.interfaces;

import io.charmkit.ops.Charm;
import io.charmkit.ops.metadata.EndpointRole;
import io.charmkit.ops.metadata.EndpointSpec;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks, when an endpoint object is built, that the charm declares the endpoint it wraps as the
 * interface needs: under {@code provides} or {@code requires}, with the interface's name. A
 * mismatch is the charm author's bug, so it throws with a message saying what to declare.
 */
public final class EndpointDeclaration {

  private EndpointDeclaration() {}

  /**
   * Checks one endpoint.
   *
   * @param charm the charm
   * @param endpoint the endpoint name, e.g. {@code tracing}
   * @param role {@link EndpointRole#PROVIDES} or {@link EndpointRole#REQUIRES}
   * @param interfaceName the interface it must declare, e.g. {@code tracing}
   * @return the endpoint's declaration
   * @throws IllegalArgumentException if it is not declared, or declared otherwise
   */
  public static EndpointSpec require(
      Charm charm, String endpoint, EndpointRole role, String interfaceName) {
    Optional<EndpointSpec> spec = charm.model().metadata().endpoint(endpoint);
    String section = role == EndpointRole.PROVIDES ? "provides" : "requires";
    if (spec.isEmpty()) {
      throw new IllegalArgumentException(
          "endpoint '"
              + endpoint
              + "' is not declared in metadata.yaml; declare it under "
              + section
              + " with interface "
              + interfaceName);
    }
    if (spec.get().role() != role || !interfaceName.equals(spec.get().interfaceName())) {
      throw new IllegalArgumentException(
          "endpoint '"
              + endpoint
              + "' is declared under "
              + spec.get().role().name().toLowerCase(Locale.ROOT)
              + " with interface "
              + spec.get().interfaceName()
              + "; "
              + interfaceName
              + " needs it under "
              + section
              + " with interface "
              + interfaceName);
    }
    return spec.get();
  }
}
