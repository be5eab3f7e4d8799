package io.charmkit.interfaces.ingress;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists, strings, integers and booleans exactly as PyYAML's {@code
 * yaml.safe_dump} does with its defaults, which is what traefik_route's Python requirer puts in the
 * bag: keys sorted, two-space indentation, list items at their key's indentation, a string plain
 * unless PyYAML's scalar analysis or its implicit resolvers (bool, int, float, null, timestamp,
 * {@code =}, {@code <<}) require quotes, then single-quoted. Only printable ASCII text is accepted:
 * the route configuration holds names, rules and URLs, and PyYAML's double-quoted style for
 * anything else is not reproduced.
 */
final class PyYamlDump {
  private static final Pattern IMPLICIT =
      Pattern.compile(
          // bool (YAML 1.1, as PyYAML resolves it)
          "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
              // null
              + "|~|null|Null|NULL"
              // int
              + "|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
              // float
              + "|[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
              + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
              // timestamp
              + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
              + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]"
              + ":[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"
              // value, merge
              + "|=|<<");

  private static final String START_INDICATORS = "#,[]{}&*!|>'\"%@`";

  private PyYamlDump() {}

  /**
   * Returns the YAML text of a mapping.
   *
   * @param tree the mapping (string keys; values maps, lists, strings, integers, booleans)
   * @return the document, ending in a newline; {@code {}\n} for an empty mapping
   * @throws IllegalArgumentException for another value type or a string PyYAML would not write
   *     plain or single-quoted
   */
  static String dump(Map<String, ?> tree) {
    if (tree.isEmpty()) {
      return "{}\n";
    }
    StringBuilder out = new StringBuilder();
    writeMap(out, tree, 0);
    return out.toString();
  }

  private static void writeMap(StringBuilder out, Map<String, ?> map, int indent) {
    for (Map.Entry<String, ?> entry : new TreeMap<>(map).entrySet()) {
      out.append(" ".repeat(indent)).append(scalar(entry.getKey())).append(':');
      writeValue(out, entry.getValue(), indent, indent + 2);
    }
  }

  /** Writes a value after {@code key:} or {@code -}; nested mappings indent to {@code inner}. */
  private static void writeValue(StringBuilder out, Object value, int indent, int inner) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      out.append('\n');
      writeMap(out, stringKeys(map), inner);
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      out.append('\n');
      // PyYAML puts a mapping's list items at the key's own indentation.
      for (Object item : list) {
        out.append(" ".repeat(indent)).append('-');
        if (item instanceof Map<?, ?> m && !m.isEmpty()) {
          // The first key goes on the dash's line; the others line up under it.
          StringBuilder nested = new StringBuilder();
          writeMap(nested, stringKeys(m), indent + 2);
          out.append(' ').append(nested.substring(indent + 2));
        } else {
          writeValue(out, item, indent + 2, indent + 2);
        }
      }
    } else {
      out.append(' ').append(leaf(value)).append('\n');
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> stringKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        throw new IllegalArgumentException("mapping keys must be strings: " + key);
      }
    }
    return (Map<String, ?>) map;
  }

  private static String leaf(Object value) {
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof List<?>) {
      return "[]";
    }
    if (value instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof String s) {
      return scalar(s);
    }
    throw new IllegalArgumentException("cannot write a " + value);
  }

  /** A string plain when PyYAML would write it plain, else single-quoted. */
  static String scalar(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("only printable ASCII is written: " + text);
      }
    }
    return plainAllowed(text) ? text : "'" + text.replace("'", "''") + "'";
  }

  /** PyYAML's {@code analyze_scalar} for block context, then its implicit resolvers. */
  private static boolean plainAllowed(String text) {
    if (text.isEmpty()
        || IMPLICIT.matcher(text).matches()
        || text.startsWith("---")
        || text.startsWith("...")
        || text.charAt(0) == ' '
        || text.charAt(text.length() - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean spaceAfter = i + 1 >= text.length() || text.charAt(i + 1) == ' ';
      if (i == 0) {
        if (START_INDICATORS.indexOf(c) >= 0) {
          return false;
        }
        if ((c == '?' || c == ':' || c == '-') && spaceAfter) {
          return false;
        }
      } else {
        if (c == ':' && spaceAfter) {
          return false;
        }
        if (c == '#' && text.charAt(i - 1) == ' ') {
          return false;
        }
      }
    }
    return true;
  }
}
