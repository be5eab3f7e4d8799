package io.charmkit.ops.metadata;

import java.util.Optional;

/**
 * One option of {@code config.yaml}.
 *
 * @param name the option name
 * @param type {@code string}, {@code int}, {@code float}, {@code boolean} or {@code secret}
 * @param defaultValue the declared default, if any (already of the declared type)
 * @param description the description, empty when none
 */
public record ConfigOption(
    String name, String type, Optional<Object> defaultValue, String description) {}
