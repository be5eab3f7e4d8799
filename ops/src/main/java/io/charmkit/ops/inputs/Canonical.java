package io.charmkit.ops.inputs;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An unambiguous text form of the values hook tools and Pebble return, for hashing: every string is
 * length-prefixed and every container carries its size, so two different values never share a form
 * (a {@code toString} would: {@code {a=1, b=2}} is also the map {@code a -> "1, b=2"}). Maps are
 * written in key order, so the same content always gives the same form whatever map it came in.
 */
final class Canonical {
  private Canonical() {}

  /**
   * Appends the form of {@code value}.
   *
   * @throws IllegalArgumentException for a type it does not know: such a read cannot be hashed, and
   *     the journal then records nothing for the fast path
   */
  static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append('0');
    } else if (value instanceof CharSequence
        || value instanceof Path
        || value instanceof Enum
        || value instanceof TemporalAccessor
        || value instanceof TemporalAmount) {
      string(out, 's', value.toString());
    } else if (value instanceof Boolean || value instanceof Number || value instanceof Character) {
      string(out, 'n', value.getClass().getSimpleName() + ":" + value);
    } else if (value instanceof byte[] bytes) {
      string(out, 'y', new String(bytes, StandardCharsets.ISO_8859_1));
    } else if (value instanceof Optional<?> optional) {
      out.append('o');
      append(out, optional.orElse(null));
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      out.append('m').append(sorted.size()).append(':');
      sorted.forEach(
          (k, v) -> {
            string(out, 's', k);
            append(out, v);
          });
    } else if (value instanceof Collection<?> list) {
      out.append('l').append(list.size()).append(':');
      list.forEach(v -> append(out, v));
    } else if (value.getClass().isRecord()) {
      RecordComponent[] components = value.getClass().getRecordComponents();
      string(out, 'r', value.getClass().getName());
      out.append(components.length).append(':');
      for (RecordComponent component : components) {
        try {
          append(out, component.getAccessor().invoke(value));
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("cannot read " + component, e);
        }
      }
    } else {
      throw new IllegalArgumentException("no canonical form for " + value.getClass().getName());
    }
  }

  /** The form of one value. */
  static String of(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void string(StringBuilder out, char tag, String text) {
    out.append(tag).append(text.length()).append(':').append(text);
  }
}
