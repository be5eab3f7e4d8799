package io.charmkit.ops.metadata;

import java.util.Map;

/**
 * One action of {@code actions.yaml}.
 *
 * @param name the action name
 * @param description the description, empty when none
 * @param params the JSON-Schema-like parameter declarations, as written
 */
public record ActionSpec(String name, String description, Map<String, Object> params) {}
