package io.charmkit.interfaces.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Just enough JSON Schema (draft 2020-12) to check databags against the committed schemas, with one
 * deliberate difference from a stock validator: a string with {@code contentMediaType:
 * application/json} is decoded and checked against its {@code contentSchema}, which draft 2020-12
 * treats as an annotation only (WIRE.md §7.4).
 *
 * <p>A keyword outside the small set below is an error rather than ignored, so that a schema
 * growing a new constraint cannot make these checks pass vacuously.
 */
public final class JsonSchemaCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> KEYWORDS =
      Set.of(
          "$schema",
          "title",
          "description",
          "type",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "minimum",
          "maximum",
          "pattern",
          "minLength",
          "contentMediaType",
          "contentSchema");

  private JsonSchemaCheck() {}

  /**
   * Every way {@code document} breaks {@code schema}, each as {@code <path>: <problem>}.
   *
   * @return the problems; empty when the document is valid
   * @throws IllegalArgumentException when the schema uses a keyword this check does not know
   */
  public static List<String> problems(JsonNode schema, JsonNode document) {
    List<String> out = new ArrayList<>();
    check(schema, document, "$", out);
    return out;
  }

  private static void check(JsonNode schema, JsonNode value, String path, List<String> out) {
    for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
      if (!KEYWORDS.contains(keyword.getKey())) {
        throw new IllegalArgumentException(
            "schema keyword '" + keyword.getKey() + "' at " + path + " is not supported");
      }
    }
    if (schema.has("type") && !isOfType(schema.get("type").asText(), value)) {
      out.add(path + ": is " + value.getNodeType() + ", not " + schema.get("type").asText());
      return; // the other keywords would only repeat the mismatch
    }
    if (value.isObject()) {
      checkObject(schema, value, path, out);
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", out);
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.decimalValue().compareTo(decimal(schema, "minimum")) < 0) {
        out.add(path + ": " + value + " is below " + schema.get("minimum"));
      }
      if (schema.has("maximum") && value.decimalValue().compareTo(decimal(schema, "maximum")) > 0) {
        out.add(path + ": " + value + " is above " + schema.get("maximum"));
      }
    }
    if (value.isTextual()) {
      checkText(schema, value.asText(), path, out);
    }
  }

  private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> out) {
    for (JsonNode name : schema.path("required")) {
      if (!value.has(name.asText())) {
        out.add(path + ": lacks required " + name.asText());
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String at = path + "." + field.getKey();
      if (properties.has(field.getKey())) {
        check(properties.get(field.getKey()), field.getValue(), at, out);
      } else if (additional != null && additional.isObject()) {
        check(additional, field.getValue(), at, out);
      } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        out.add(at + ": is not allowed");
      }
    }
  }

  private static void checkText(JsonNode schema, String text, String path, List<String> out) {
    if (schema.has("minLength")
        && text.codePointCount(0, text.length()) < schema.get("minLength").asInt()) {
      out.add(path + ": shorter than " + schema.get("minLength").asInt() + " characters");
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
      out.add(path + ": \"" + text + "\" does not match " + schema.get("pattern").asText());
    }
    if (!"application/json".equals(schema.path("contentMediaType").asText())) {
      return;
    }
    JsonNode content;
    try {
      content = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      out.add(path + ": is not JSON: " + text);
      return;
    }
    if (content == null || content.isMissingNode()) {
      out.add(path + ": is not JSON: " + text);
    } else if (schema.has("contentSchema")) {
      check(schema.get("contentSchema"), content, path + "<decoded>", out);
    }
  }

  private static BigDecimal decimal(JsonNode schema, String keyword) {
    return schema.get(keyword).decimalValue();
  }

  private static boolean isOfType(String type, JsonNode value) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("schema type '" + type + "' is not supported");
    };
  }
}
