package io.charmkit.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a JSON tree as text in one of the {@link JsonStyle}s, reproducing the bytes Python writes.
 *
 * <p>Jackson's own generator cannot do this: it has no {@code ", "} separators and escapes a
 * different set of characters. Object keys are written in the tree's order, as Python writes
 * insertion order; callers that need determinism order their maps before building the tree.
 */
public final class JsonWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  /**
   * Returns the JSON text of {@code node} in the given style.
   *
   * @param node the value; {@code null} and Jackson's missing node are written as {@code null}
   * @param style the layout to reproduce
   * @return the JSON text
   */
  public static String write(JsonNode node, JsonStyle style) {
    StringBuilder out = new StringBuilder();
    append(out, node, style);
    return out.toString();
  }

  /**
   * Returns {@code text} as a JSON string literal, quotes included, in the given style.
   *
   * @param text the string to quote
   * @param style the layout to reproduce
   * @return the JSON string literal
   */
  public static String quote(String text, JsonStyle style) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    appendString(out, text, style);
    return out.toString();
  }

  private static void append(StringBuilder out, JsonNode node, JsonStyle style) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isTextual()) {
      appendString(out, node.textValue(), style);
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue());
    } else if (node.isNumber()) {
      out.append(
          node.isBigDecimal() ? pythonFloat(node.decimalValue()) : pythonFloat(node.doubleValue()));
    } else if (node.isArray()) {
      String separator = style == JsonStyle.PYTHON ? ", " : ",";
      out.append('[');
      boolean first = true;
      for (JsonNode item : node) {
        if (!first) {
          out.append(separator);
        }
        first = false;
        append(out, item, style);
      }
      out.append(']');
    } else if (node.isObject()) {
      String separator = style == JsonStyle.PYTHON ? ", " : ",";
      String colon = style == JsonStyle.PYTHON ? ": " : ":";
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (!first) {
          out.append(separator);
        }
        first = false;
        appendString(out, entry.getKey(), style);
        out.append(colon);
        append(out, entry.getValue(), style);
      }
      out.append('}');
    } else {
      // Binary and POJO nodes never come out of a databag model; refusing them beats guessing.
      throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as JSON");
    }
  }

  private static void appendString(StringBuilder out, String text, JsonStyle style) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          boolean escape = style == JsonStyle.PYTHON ? c < 0x20 || c > 0x7e : c < 0x20;
          if (escape) {
            // Python escapes UTF-16 code units, so an astral character becomes its surrogate pair.
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String pythonFloat(BigDecimal value) {
    return pythonFloat(value.doubleValue());
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that read back as the same double, in fixed
   * notation when the decimal exponent is in [-4, 16), otherwise as {@code d.ddde+XX}.
   */
  static String pythonFloat(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    // Java 17's Double.toString is not always the shortest representation; search for it.
    String scientific = null;
    for (int precision = 0; precision < 17; precision++) {
      String candidate = String.format(Locale.ROOT, "%." + precision + "e", value);
      if (Double.parseDouble(candidate) == value) {
        scientific = candidate;
        break;
      }
    }
    if (scientific == null) {
      scientific = String.format(Locale.ROOT, "%.16e", value);
    }
    boolean negative = scientific.startsWith("-");
    String unsigned = negative ? scientific.substring(1) : scientific;
    int e = unsigned.indexOf('e');
    String digits = unsigned.substring(0, e).replace(".", "");
    int exponent = Integer.parseInt(unsigned.substring(e + 1));
    digits = stripTrailingZeros(digits);
    StringBuilder out = new StringBuilder();
    if (negative) {
      out.append('-');
    }
    if (exponent >= -4 && exponent < 16) {
      if (exponent >= 0) {
        if (digits.length() <= exponent + 1) {
          out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
        } else {
          out.append(digits, 0, exponent + 1).append('.').append(digits.substring(exponent + 1));
        }
      } else {
        out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
      }
    } else {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits.substring(1));
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int magnitude = Math.abs(exponent);
      if (magnitude < 10) {
        out.append('0');
      }
      out.append(magnitude);
    }
    return out.toString();
  }

  private static String stripTrailingZeros(String digits) {
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return digits.substring(0, end);
  }
}
