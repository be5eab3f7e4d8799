package io.charmkit.interfaces;

import io.charmkit.ops.metadata.EndpointRole;
import io.charmkit.ops.metadata.EndpointSpec;
import io.charmkit.ops.model.Model;
import java.util.Optional;

/** The check every provider endpoint class makes of the charm's metadata when it is created. */
public final class ProvidedEndpoint {
  private ProvidedEndpoint() {}

  /**
   * Checks that the charm declares {@code endpoint} under {@code provides} with {@code
   * interfaceName}.
   *
   * @param model the charm's model
   * @param endpoint the endpoint's name
   * @param interfaceName the interface it must have
   * @throws IllegalArgumentException naming the endpoint and the interface, when it is not so
   *     declared (a charm's bug)
   */
  public static void require(Model model, String endpoint, String interfaceName) {
    Optional<EndpointSpec> spec = model.metadata().endpoint(endpoint);
    if (spec.isEmpty()
        || spec.get().role() != EndpointRole.PROVIDES
        || !interfaceName.equals(spec.get().interfaceName())) {
      throw new IllegalArgumentException(
          "endpoint '"
              + endpoint
              + "' must be declared in metadata.yaml under provides with interface "
              + interfaceName);
    }
  }
}
