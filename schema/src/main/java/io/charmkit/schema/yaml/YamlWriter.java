package io.charmkit.schema.yaml;

import com.fasterxml.jackson.databind.node.DoubleNode;
import io.charmkit.schema.codec.JsonStyle;
import io.charmkit.schema.codec.JsonWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes a configuration tree as YAML that means the same to every reader of a coordinator's {@code
 * worker_config}: PyYAML on Python workers (YAML 1.1) and the Go parsers inside Tempo and Pyroscope
 * (YAML 1.1 and 1.2 flavours).
 *
 * <p>The layout is PyYAML's block style ({@code yaml.dump}): two-space indentation, list items at
 * their key's indentation, {@code {}} and {@code []} for empty containers, no document marker.
 * Mapping keys are sorted, as {@code yaml.dump} sorts them, so the text does not depend on map
 * insertion order. A string is written plain only when no YAML 1.1 or 1.2 reader could take it for
 * anything else: {@code yes}, {@code off}, {@code ~}, {@code null}, {@code 0x1F}, {@code 1:30},
 * {@code 2024-01-01}, {@code .5} and their kin are quoted.
 *
 * <p>The tree is made of {@link Map} (string keys), {@link Iterable}, {@link String}, {@link
 * Boolean}, integral and floating-point {@link Number}s, and {@code null}.
 */
public final class YamlWriter {

  private static final String INDENT = "  ";

  /** Words that YAML 1.1 reads as booleans or null, and 1.2's core schema as null. */
  private static final Pattern RESERVED_WORD =
      Pattern.compile(
          "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE"
              + "|on|On|ON|off|Off|OFF|null|Null|NULL|~|=|<<");

  /**
   * Anything that starts like a number (after an optional sign): integers in every base, floats,
   * {@code .inf}/{@code .nan}, sexagesimal numbers and timestamps all do.
   */
  private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?[.0-9].*", Pattern.DOTALL);

  /** Characters that may not start a plain scalar, or that change its meaning inside one. */
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private YamlWriter() {}

  /**
   * Returns the YAML text of {@code tree}, ending in a newline.
   *
   * @param tree the value to write; usually a map
   * @return the YAML document, without a {@code ---} marker
   * @throws IllegalArgumentException for a value of another type, a non-string key, or a string
   *     holding a lone surrogate (which no YAML reader accepts)
   */
  public static String write(Object tree) {
    StringBuilder out = new StringBuilder();
    if (tree instanceof Map<?, ?> map && !map.isEmpty()) {
      writeMap(out, sorted(map), 0);
    } else if (tree instanceof Iterable<?> items && items.iterator().hasNext()) {
      writeList(out, items, 0);
    } else {
      out.append(scalarOrEmpty(tree)).append('\n');
    }
    return out.toString();
  }

  private static void writeMap(StringBuilder out, Map<String, Object> map, int depth) {
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      out.append(INDENT.repeat(depth));
      writeEntry(out, entry.getKey(), entry.getValue(), depth);
    }
  }

  /** Writes {@code key: value} whose first line is already indented. */
  private static void writeEntry(StringBuilder out, String key, Object value, int depth) {
    out.append(scalar(key)).append(':');
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      out.append('\n');
      writeMap(out, sorted(map), depth + 1);
    } else if (value instanceof Iterable<?> items && items.iterator().hasNext()) {
      out.append('\n');
      // PyYAML's indentless sequences: the dashes line up with the key.
      writeList(out, items, depth);
    } else {
      out.append(' ').append(scalarOrEmpty(value)).append('\n');
    }
  }

  private static void writeList(StringBuilder out, Iterable<?> items, int depth) {
    for (Object item : items) {
      out.append(INDENT.repeat(depth)).append("- ");
      writeItem(out, item, depth + 1);
    }
  }

  /** Writes a list item's value after its {@code "- "}, continuing at {@code depth}. */
  private static void writeItem(StringBuilder out, Object item, int depth) {
    if (item instanceof Map<?, ?> map && !map.isEmpty()) {
      boolean first = true;
      for (Map.Entry<String, Object> entry : sorted(map).entrySet()) {
        if (!first) {
          out.append(INDENT.repeat(depth));
        }
        first = false;
        writeEntry(out, entry.getKey(), entry.getValue(), depth);
      }
    } else if (item instanceof Iterable<?> items && items.iterator().hasNext()) {
      boolean first = true;
      for (Object inner : items) {
        if (!first) {
          out.append(INDENT.repeat(depth));
        }
        first = false;
        out.append("- ");
        writeItem(out, inner, depth + 1);
      }
    } else {
      out.append(scalarOrEmpty(item)).append('\n');
    }
  }

  private static Map<String, Object> sorted(Map<?, ?> map) {
    Map<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException(
            "YAML mapping keys must be strings, got " + describe(entry.getKey()));
      }
      sorted.put(key, entry.getValue());
    }
    return sorted;
  }

  private static String scalarOrEmpty(Object value) {
    if (value instanceof Map<?, ?> map && map.isEmpty()) {
      return "{}";
    }
    if (value instanceof Iterable<?> items && !items.iterator().hasNext()) {
      return "[]";
    }
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean bool) {
      return bool ? "true" : "false";
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof Double || value instanceof Float) {
      return floatText(((Number) value).doubleValue());
    }
    if (value instanceof BigDecimal decimal) {
      return floatText(decimal.doubleValue());
    }
    if (value instanceof String text) {
      return scalar(text);
    }
    throw new IllegalArgumentException("cannot write " + describe(value) + " as YAML");
  }

  private static String floatText(double value) {
    if (Double.isNaN(value)) {
      return ".nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? ".inf" : "-.inf";
    }
    String text = JsonWriter.write(DoubleNode.valueOf(value), JsonStyle.PYTHON);
    // YAML 1.1 floats need a dot: PyYAML writes 1e+16 as 1.0e+16.
    int e = text.indexOf('e');
    if (e >= 0 && text.lastIndexOf('.', e) < 0) {
      text = text.substring(0, e) + ".0" + text.substring(e);
    }
    return text;
  }

  /** Returns a string scalar: plain if unambiguous, else single- or double-quoted. */
  static String scalar(String text) {
    int lone = loneSurrogate(text);
    if (lone >= 0) {
      throw new IllegalArgumentException(
          "cannot write a string with a lone surrogate (at character " + lone + ") as YAML");
    }
    if (!printableAscii(text)) {
      return doubleQuoted(text);
    }
    if (plainIsSafe(text)) {
      return text;
    }
    return "'" + text.replace("'", "''") + "'";
  }

  private static boolean plainIsSafe(String text) {
    if (text.isEmpty()
        || text.charAt(0) == ' '
        || text.charAt(text.length() - 1) == ' '
        || INDICATORS.indexOf(text.charAt(0)) >= 0
        || text.endsWith(":")
        || text.contains(": ")
        || text.contains(" #")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      // Flow indicators are harmless in block context, but a Go or 1.2 reader's flow handling
      // is not worth betting a config on.
      if ("[]{},".indexOf(text.charAt(i)) >= 0) {
        return false;
      }
    }
    return !RESERVED_WORD.matcher(text).matches() && !NUMBER_LIKE.matcher(text).matches();
  }

  private static boolean printableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static String doubleQuoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (cp >= 0x20 && cp <= 0x7e) {
            out.appendCodePoint(cp);
          } else if (cp <= 0xff) {
            out.append(String.format("\\x%02x", cp));
          } else if (cp <= 0xffff) {
            out.append(String.format("\\u%04x", cp));
          } else {
            out.append(String.format("\\U%08x", cp));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(Object value) {
    return value == null ? "null" : "a " + value.getClass().getSimpleName();
  }
}
