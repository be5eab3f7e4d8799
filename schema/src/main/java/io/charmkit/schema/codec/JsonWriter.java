package io.charmkit.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.charmkit.pythonjson.PythonJson;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes a JSON tree as text in one of the {@link JsonStyle}s, reproducing the bytes Python writes.
 * Strings and floats are encoded by charmkit-python-json's {@link PythonJson}, the same writer ops
 * uses for the hook tools' stdin, so the escaping rules exist once.
 *
 * <p>Jackson's own generator cannot do this: it has no {@code ", "} separators and escapes a
 * different set of characters. Object keys are written in the tree's order, as Python writes
 * insertion order; callers that need determinism order their maps before building the tree.
 */
public final class JsonWriter {

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
          node.isBigDecimal()
              ? pythonFloat(node.decimalValue())
              : PythonJson.floatRepr(node.doubleValue()));
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
    // PYTHON is json.dumps' ensure_ascii=True; COMPACT escapes only what ensure_ascii=False does.
    PythonJson.appendString(out, text, style == JsonStyle.PYTHON);
  }

  private static String pythonFloat(BigDecimal value) {
    return PythonJson.floatRepr(value.doubleValue());
  }
}
