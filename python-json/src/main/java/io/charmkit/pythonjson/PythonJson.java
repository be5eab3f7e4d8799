package io.charmkit.pythonjson;

import java.util.Locale;
import java.util.Map;

/**
 * JSON text byte for byte as Python's {@code json} module writes it: the one place charmkit encodes
 * a string, a float or a string map the way a Python charm would.
 *
 * <p>With {@code ensure_ascii=True} (the default of {@code json.dumps}) Python escapes every
 * character outside U+0020..U+007E, DEL (U+007F) included, as lower-case {@code \}{@code uXXXX} per
 * UTF-16 code unit; with {@code ensure_ascii=False} it escapes only {@code "}, {@code \} and the
 * control characters U+0000..U+001F, and writes DEL and non-ASCII as they are. Both use the short
 * escapes {@code \" \\ \n \r \t \b \f} where they exist.
 *
 * <p>ops writes the stdin of {@code relation-set --file -} and {@code state-set --file -} with
 * {@link #dumps(Map)}; schema writes databag values with {@link #appendString} and {@link
 * #floatRepr}. This module depends on nothing, so both can use it without ops learning about models
 * or schema learning about Juju.
 */
public final class PythonJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonJson() {}

  /**
   * Python's {@code json.dumps(d)} of a string map with its defaults: {@code ", "} and {@code ": "}
   * separators, {@code ensure_ascii=True}, the map's iteration order.
   *
   * @param map the entries; neither keys nor values may be null
   * @return the JSON object text
   */
  public static String dumps(Map<String, String> map) {
    StringBuilder out = new StringBuilder(16 + map.size() * 32);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      appendString(out, entry.getKey(), true);
      out.append(": ");
      appendString(out, entry.getValue(), true);
    }
    return out.append('}').toString();
  }

  /**
   * Python's {@code json.dumps(text)} with {@code ensure_ascii=True}: the string literal, quotes
   * included.
   *
   * @param text the string to quote
   * @return the JSON string literal
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    appendString(out, text, true);
    return out.toString();
  }

  /**
   * Appends {@code text} as a JSON string literal, quotes included, as Python writes it.
   *
   * @param out where to append
   * @param text the string to quote
   * @param ensureAscii Python's {@code ensure_ascii}: true escapes everything outside printable
   *     ASCII (DEL included), false only {@code "}, {@code \} and control characters
   */
  public static void appendString(StringBuilder out, String text, boolean ensureAscii) {
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
          // Python's ESCAPE_ASCII is [^\ -~]: DEL (0x7f) is outside the range and escaped too.
          // It works on UTF-16 code units, so an astral character becomes its surrogate pair.
          boolean escape = c < 0x20 || (ensureAscii && c > 0x7e);
          if (escape) {
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

  /**
   * Python's {@code repr(float)}, which {@code json.dumps} writes for a float: the shortest digits
   * that read back as the same double, in fixed notation when the decimal exponent is in [-4, 16),
   * otherwise as {@code d.ddde+XX}; {@code NaN}, {@code Infinity} and {@code -Infinity} as {@code
   * json.dumps} allows them by default.
   *
   * @param value the float
   * @return its text
   */
  public static String floatRepr(double value) {
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
