package io.charmkit.ops.hooktools;

import java.util.Map;

/**
 * Writes a string map exactly as Python's {@code json.dumps(d)} does with its defaults: {@code ",
 * "} and {@code ": "} separators, non-ASCII escaped as lower-case {@code \\uXXXX}, insertion order.
 * ops sends this text to {@code relation-set --file -} and {@code state-set --file -}, so the bytes
 * on the tools' stdin are the same for a Java and a Python charm.
 */
final class PythonJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonJson() {}

  /** The JSON object text for {@code map}; null keys or values are rejected by the caller. */
  static String dumps(Map<String, String> map) {
    StringBuilder out = new StringBuilder(16 + map.size() * 32);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      quote(out, entry.getKey());
      out.append(": ");
      quote(out, entry.getValue());
    }
    return out.append('}').toString();
  }

  private static void quote(StringBuilder out, String text) {
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
          if (c < 0x20 || c > 0x7e) {
            // Python escapes control characters and everything beyond ASCII (DEL is kept as is,
            // surrogate pairs come out as two escapes, exactly as UTF-16 chars already are).
            if (c == 0x7f) {
              out.append(c);
            } else {
              out.append("\\u")
                  .append(HEX[(c >> 12) & 0xf])
                  .append(HEX[(c >> 8) & 0xf])
                  .append(HEX[(c >> 4) & 0xf])
                  .append(HEX[c & 0xf]);
            }
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
