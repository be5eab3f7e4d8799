package io.charmkit.ops.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.ops.metadata.ConfigOption;
import io.charmkit.ops.metadata.ConfigTypes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The charm's configuration, typed by the declarations in {@code config.yaml}.
 *
 * <p>Values come from {@code config-get} (one call, made on first use and cached for the dispatch).
 * Asking for an option that {@code config.yaml} does not declare, or as another type than the
 * declared one, is a charm bug and throws {@link ConfigException}. An option that is unset and has
 * no default is {@link Optional#empty()}.
 */
public final class Config {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Map<String, ConfigOption> declared;
  private final Map<String, Object> values;

  Config(Map<String, ConfigOption> declared, Map<String, Object> raw) {
    this.declared = declared;
    Map<String, Object> typed = new LinkedHashMap<>();
    for (ConfigOption option : declared.values()) {
      option.defaultValue().ifPresent(d -> typed.put(option.name(), d));
    }
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      ConfigOption option = declared.get(e.getKey());
      if (option == null || e.getValue() == null) {
        // Juju only sends declared options; an undeclared one comes from an older or newer
        // charm revision's config and is of no use to this code.
        continue;
      }
      try {
        typed.put(e.getKey(), ConfigTypes.coerce(e.getKey(), option.type(), e.getValue()));
      } catch (IllegalArgumentException bad) {
        throw new ConfigException(bad.getMessage());
      }
    }
    this.values = Collections.unmodifiableMap(typed);
  }

  /** Every option that has a value, typed: String, Long, Double or Boolean. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** A {@code string} (or {@code secret}) option. */
  public Optional<String> string(String name) {
    return typed(name, String.class, "string", "secret");
  }

  /** An {@code int} option. */
  public Optional<Long> integer(String name) {
    return typed(name, Long.class, "int");
  }

  /** A {@code float} option. */
  public Optional<Double> number(String name) {
    return typed(name, Double.class, "float");
  }

  /** A {@code boolean} option. */
  public Optional<Boolean> bool(String name) {
    return typed(name, Boolean.class, "boolean");
  }

  /** A {@code boolean} option, false when unset. */
  public boolean flag(String name) {
    return bool(name).orElse(false);
  }

  /**
   * Maps the options onto a record or bean (option names as property names; use
   * {@code @JsonProperty("role-all")} for names that are not Java identifiers).
   *
   * @throws ConfigException when a value does not fit its property
   */
  public <T> T as(Class<T> type) {
    try {
      return MAPPER.convertValue(values, type);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config does not fit " + type.getSimpleName() + ": " + e);
    }
  }

  private <T> Optional<T> typed(String name, Class<T> type, String... allowed) {
    ConfigOption option = declared.get(name);
    if (option == null) {
      throw new ConfigException(
          "config option '"
              + name
              + "' is not declared in config.yaml (declared: "
              + String.join(", ", declared.keySet())
              + ")");
    }
    boolean fits = false;
    for (String a : allowed) {
      fits |= a.equals(option.type());
    }
    if (!fits) {
      throw new ConfigException(
          "config option '"
              + name
              + "' is declared as "
              + option.type()
              + ", not "
              + String.join(" or ", allowed));
    }
    return Optional.ofNullable(values.get(name)).map(type::cast);
  }
}
