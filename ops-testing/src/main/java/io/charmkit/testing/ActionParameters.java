package io.charmkit.testing;

import io.charmkit.ops.metadata.ActionSpec;
import io.charmkit.ops.metadata.CharmMetadata;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Juju's check of an action's parameters before it runs: the defaults of {@code actions.yaml} are
 * filled in, then the parameters are validated against the action's JSON Schema (its {@code
 * params:} as {@code properties}, its {@code required:} and {@code additionalProperties:}), and
 * Juju refuses the action, running nothing, when they do not fit. Used by both front ends: {@link
 * Context} (an {@link InconsistentStateException}) and the embedded Juju's {@code runAction}.
 *
 * <p>Checked keywords: {@code type} ({@code string}, {@code integer}, {@code number}, {@code
 * boolean}, {@code array}, {@code object}, {@code null}, or a list of them), {@code enum}, {@code
 * required}, {@code additionalProperties} (a boolean), {@code properties} and {@code items}, at any
 * depth. Other JSON Schema keywords are not checked. Undeclared top-level parameters are allowed
 * when the action does not say {@code additionalProperties}, as in Juju 3; Juju 4 refuses them.
 */
public final class ActionParameters {
  private ActionParameters() {}

  /**
   * The problems Juju would refuse {@code action} with, one sentence each, naming the action and
   * the parameter (empty when it would run).
   *
   * @param jujuVersion the emulated Juju version; from 4 on, undeclared parameters are refused
   *     unless the action allows them
   */
  public static List<String> problems(
      CharmMetadata metadata, String jujuVersion, String action, Map<String, ?> params) {
    List<String> out = new ArrayList<>();
    ActionSpec spec = metadata.actions().get(action);
    if (spec == null) {
      out.add(
          "action '%s' is not defined in actions.yaml (defined: %s)"
              .formatted(action, String.join(", ", metadata.actions().keySet())));
      return out;
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", spec.params());
    schema.put("required", spec.required());
    schema.put("additionalProperties", spec.additionalProperties().orElse(major(jujuVersion) < 4));
    check("action '" + action + "'", "", schema, withDefaults(metadata, action, params), out);
    return out;
  }

  /**
   * {@code params} with the defaults of {@code actions.yaml} filled in, at any depth where the
   * enclosing object is given, as Juju hands them to {@code action-get}.
   */
  public static Map<String, Object> withDefaults(
      CharmMetadata metadata, String action, Map<String, ?> params) {
    Map<String, Object> out = new LinkedHashMap<>(params);
    ActionSpec spec = metadata.actions().get(action);
    if (spec != null) {
      insertDefaults(spec.params(), out);
    }
    return out;
  }

  private static void insertDefaults(Map<?, ?> properties, Map<String, Object> into) {
    properties.forEach(
        (name, declared) -> {
          if (!(declared instanceof Map<?, ?> d)) {
            return;
          }
          String key = String.valueOf(name);
          if (!into.containsKey(key) && d.containsKey("default")) {
            into.put(key, d.get("default"));
          }
          if (into.get(key) instanceof Map<?, ?> given
              && d.get("properties") instanceof Map<?, ?> p) {
            Map<String, Object> nested = new LinkedHashMap<>();
            given.forEach((k, v) -> nested.put(String.valueOf(k), v));
            insertDefaults(p, nested);
            into.put(key, nested);
          }
        });
  }

  private static void check(
      String action, String path, Map<?, ?> schema, Object value, List<String> out) {
    String where = path.isEmpty() ? action + ": parameters" : action + ": parameter '" + path + "'";
    Object type = schema.get("type");
    if (type != null && !hasType(value, type)) {
      out.add(where + " must be " + describe(type) + ", got " + show(value));
      return;
    }
    if (schema.get("enum") instanceof List<?> allowed
        && allowed.stream().noneMatch(a -> same(a, value))) {
      out.add(where + " must be one of " + allowed + ", got " + show(value));
    }
    if (value instanceof Map<?, ?> object) {
      Map<?, ?> properties =
          schema.get("properties") instanceof Map<?, ?> p ? p : Map.<String, Object>of();
      if (schema.get("required") instanceof List<?> required) {
        for (Object name : required) {
          if (!object.containsKey(String.valueOf(name))) {
            out.add(action + ": parameter '" + join(path, name) + "' is required but not given");
          }
        }
      }
      for (Map.Entry<?, ?> e : object.entrySet()) {
        String name = String.valueOf(e.getKey());
        if (properties.get(name) instanceof Map<?, ?> declared) {
          check(action, join(path, name), declared, e.getValue(), out);
        } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
          out.add(
              action
                  + ": parameter '"
                  + join(path, name)
                  + "' is not declared and the action allows no other parameters (declared: "
                  + String.join(", ", properties.keySet().stream().map(String::valueOf).toList())
                  + ")");
        }
      }
    }
    if (value instanceof Collection<?> items && schema.get("items") instanceof Map<?, ?> item) {
      int i = 0;
      for (Object element : items) {
        check(action, path + "[" + i++ + "]", item, element, out);
      }
    }
  }

  private static boolean hasType(Object value, Object type) {
    if (type instanceof List<?> any) {
      return any.stream().anyMatch(t -> hasType(value, t));
    }
    return switch (String.valueOf(type)) {
      case "string" -> value instanceof CharSequence;
      case "integer" -> integral(value);
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      case "array" -> value instanceof Collection<?>;
      case "object" -> value instanceof Map<?, ?>;
      case "null" -> value == null;
      default -> true; // an unknown type name: Juju refuses such a charm at deploy, not here
    };
  }

  /** JSON Schema draft 4 counts 3.0 as an integer: a number without a fractional part. */
  private static boolean integral(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return true;
    }
    if (value instanceof Byte || value instanceof BigInteger) {
      return true;
    }
    Optional<BigDecimal> d = decimal(value);
    return d.isPresent() && d.get().stripTrailingZeros().scale() <= 0;
  }

  private static Optional<BigDecimal> decimal(Object value) {
    if (!(value instanceof Number n)) {
      return Optional.empty();
    }
    if (value instanceof Double || value instanceof Float) {
      double v = n.doubleValue();
      return Double.isFinite(v) ? Optional.of(BigDecimal.valueOf(v)) : Optional.empty();
    }
    return Optional.of(new BigDecimal(n.toString()));
  }

  private static boolean same(Object a, Object b) {
    Optional<BigDecimal> x = decimal(a);
    Optional<BigDecimal> y = decimal(b);
    if (x.isPresent() && y.isPresent()) {
      return x.get().compareTo(y.get()) == 0;
    }
    return a == null ? b == null : a.equals(b);
  }

  private static String describe(Object type) {
    if (type instanceof List<?> any) {
      return "one of the types " + any;
    }
    String t = String.valueOf(type);
    return (t.equals("integer") || t.equals("array") || t.equals("object") ? "an " : "a ") + t;
  }

  private static String show(Object value) {
    if (value == null) {
      return "null";
    }
    String kind =
        value instanceof CharSequence
            ? "string"
            : value instanceof Boolean
                ? "boolean"
                : value instanceof Number
                    ? "number"
                    : value instanceof Map<?, ?>
                        ? "object"
                        : value instanceof Collection<?> ? "array" : value.getClass().getName();
    String text = value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
    return kind + " " + text;
  }

  private static String join(String path, Object name) {
    return path.isEmpty() ? String.valueOf(name) : path + "." + name;
  }

  private static int major(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
  }
}
