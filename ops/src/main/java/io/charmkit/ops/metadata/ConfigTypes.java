package io.charmkit.ops.metadata;

import java.math.BigDecimal;

/**
 * Coerces config values to the Java type of their declared Juju type, the one rule shared by
 * defaults in {@code config.yaml} and values from {@code config-get}: {@code string} and {@code
 * secret} are {@link String}, {@code int} is {@link Long}, {@code float} is {@link Double}, {@code
 * boolean} is {@link Boolean}.
 */
public final class ConfigTypes {
  private ConfigTypes() {}

  /**
   * Coerces {@code value} to {@code type}.
   *
   * @throws IllegalArgumentException naming the option when the value does not fit the type
   */
  public static Object coerce(String option, String type, Object value) {
    switch (type) {
      case "string":
      case "secret":
        if (value instanceof String) {
          return value;
        }
        break;
      case "int":
        if (value instanceof Number n) {
          BigDecimal d = new BigDecimal(n.toString());
          if (d.stripTrailingZeros().scale() <= 0) {
            return d.longValueExact();
          }
        }
        break;
      case "float":
        if (value instanceof Number n) {
          return n.doubleValue();
        }
        break;
      case "boolean":
        if (value instanceof Boolean) {
          return value;
        }
        break;
      default:
        throw new IllegalArgumentException(
            "config option '" + option + "' has unknown type '" + type + "'");
    }
    throw new IllegalArgumentException(
        "config option '"
            + option
            + "' is declared as "
            + type
            + " but its value is "
            + describe(value));
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "the string '" + s + "'";
    }
    return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }
}
