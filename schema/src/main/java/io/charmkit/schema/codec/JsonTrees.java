package io.charmkit.schema.codec;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.charmkit.schema.validation.Problem;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Turns what Jackson knows about a failed binding into a {@link Problem} in databag terms. */
final class JsonTrees {

  private JsonTrees() {}

  /** Describes a JSON value's kind the way the error messages name it. */
  static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> "an unsupported value";
    };
  }

  /** Describes what a Java target type expects. */
  static String expected(Class<?> target) {
    if (target == null) {
      return "a valid value";
    }
    if (target == String.class) {
      return "a string";
    }
    if (target == Integer.class || target == int.class || target == Long.class) {
      return "an integer";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "a boolean";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(target) || target.isRecord()) {
      return "an object";
    }
    return "a valid value";
  }

  /**
   * Builds the problem for a value under {@code key} that Jackson could not bind.
   *
   * @param key the databag key
   * @param value the decoded JSON value of that key
   * @param failure what Jackson reported
   */
  static Problem bindingProblem(String key, JsonNode value, JsonMappingException failure) {
    StringBuilder path = new StringBuilder(key);
    JsonNode at = value;
    for (JsonMappingException.Reference step : failure.getPath()) {
      if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
        at = at == null ? null : at.get(step.getIndex());
      } else if (step.getFieldName() != null) {
        path.append('.').append(step.getFieldName());
        at = at == null ? null : at.get(step.getFieldName());
      }
    }
    Class<?> target =
        failure instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    String message = "must be " + expected(target) + ", not " + kind(at);
    if (at != null
        && at.isTextual()
        && looksLikeJson(at.textValue())
        && !"a string".equals(expected(target))) {
      message += " (the value is JSON text inside a JSON string: encoded twice?)";
    }
    return new Problem(path.toString(), message);
  }

  private static boolean looksLikeJson(String text) {
    String trimmed = text.strip();
    return trimmed.startsWith("[") || trimmed.startsWith("{");
  }

  /**
   * Adds a problem for every string in {@code node} that no databag reader should accept: a lone
   * surrogate (not valid Unicode, cannot be stored as UTF-8), a NUL anywhere (no C string,
   * argument, environment variable or Pebble layer can hold one), and any control character in a
   * key (keys become names: log targets, labels, protocols). Keys are named in the problem's path
   * with such characters escaped, so the problem itself can go into a status.
   *
   * @param path the path of {@code node}
   * @param node the tree
   * @param problems where to add what is found
   */
  static void findBadCharacters(String path, JsonNode node, List<Problem> problems) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      int at = loneSurrogateIndex(text);
      if (at >= 0) {
        problems.add(
            new Problem(
                path,
                String.format(
                    "contains a lone surrogate (U+%04X at character %d), which is not valid"
                        + " Unicode and cannot be stored as UTF-8",
                    (int) text.charAt(at), at)));
        return;
      }
      int nul = text.indexOf('\u0000');
      if (nul >= 0) {
        problems.add(new Problem(path, "contains a NUL character (at character " + nul + ")"));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        findBadCharacters(path + "[" + i + "]", node.get(i), problems);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String key = entry.getKey();
        String child = path + "." + printable(key);
        if (loneSurrogateIndex(key) >= 0) {
          problems.add(new Problem(child, "has a key containing a lone surrogate"));
        } else if (controlIndex(key) >= 0) {
          problems.add(new Problem(child, "has a key containing a control character"));
        } else {
          findBadCharacters(child, entry.getValue(), problems);
        }
      }
    }
  }

  /**
   * Returns {@code text} fit for a message: control characters and surrogates escaped as {@code
   * \\uXXXX}, cut at 64 characters.
   *
   * @param text any text
   * @return the printable text
   */
  static String printable(String text) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (; i < text.length() && sb.length() < 64; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.isSurrogate(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return i < text.length() ? sb + "…" : sb.toString();
  }

  /** The index of the first control character, or -1. */
  private static int controlIndex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the index of the first unpaired surrogate in {@code text}, or -1. */
  static int loneSurrogateIndex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
