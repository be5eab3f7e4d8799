package io.charmkit.ops.hooktools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flattens action results for {@code action-set}, which only takes {@code key=value} pairs: nested
 * maps become dotted keys ({@code {"a": {"b": "1"}}} → {@code a.b=1}). Each key, at every level,
 * must match {@code ^[a-z0-9](([a-z0-9-.]+)?[a-z0-9])?$}, and two entries that flatten to the same
 * key are rejected, as ops does.
 */
final class ActionResults {
  private static final Pattern KEY = Pattern.compile("^[a-z0-9](([a-z0-9-.]+)?[a-z0-9])?$");

  private ActionResults() {}

  /**
   * The flat results, in iteration order.
   *
   * @throws IllegalArgumentException on an invalid key, a duplicate flattened key, or a value that
   *     is neither a map nor a string, number or boolean
   */
  static Map<String, String> flatten(Map<String, ?> results) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten(results, null, flat);
    return flat;
  }

  private static void flatten(Map<?, ?> results, String parent, Map<String, String> flat) {
    for (Map.Entry<?, ?> entry : results.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException(
            "action result key " + entry.getKey() + " is invalid: keys must be strings");
      }
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "action result key '"
                + key
                + "' is invalid: keys are lower-case letters, digits, '-' and '.', starting and"
                + " ending with a letter or digit, like 'key', 'some-key2' or 'some.key'");
      }
      String full = parent == null ? key : parent + "." + key;
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> nested) {
        flatten(nested, full, flat);
      } else if (value instanceof CharSequence
          || value instanceof Number
          || value instanceof Boolean) {
        if (flat.containsKey(full)) {
          throw new IllegalArgumentException(
              "duplicate action result key '" + full + "' after flattening nested maps");
        }
        flat.put(full, value.toString());
      } else {
        throw new IllegalArgumentException(
            "action result '"
                + full
                + "' must be a string, number, boolean or map, not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
      }
    }
  }
}
