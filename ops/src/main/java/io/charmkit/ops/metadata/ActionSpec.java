package io.charmkit.ops.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One action of {@code actions.yaml}.
 *
 * @param name the action name
 * @param description the description, empty when none
 * @param params the JSON-Schema-like parameter declarations, as written
 * @param required the parameters the action's {@code required:} list names
 * @param additionalProperties the action's {@code additionalProperties:}, when written (Juju 3
 *     allows undeclared parameters when it is absent, Juju 4 refuses them)
 */
public record ActionSpec(
    String name,
    String description,
    Map<String, Object> params,
    List<String> required,
    Optional<Boolean> additionalProperties) {

  /** Copies the list. */
  public ActionSpec {
    required = List.copyOf(required);
  }

  /** An action with parameters but no {@code required:} or {@code additionalProperties:}. */
  public ActionSpec(String name, String description, Map<String, Object> params) {
    this(name, description, params, List.of(), Optional.empty());
  }
}
