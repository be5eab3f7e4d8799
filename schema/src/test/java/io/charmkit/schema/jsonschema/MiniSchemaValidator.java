package io.charmkit.schema.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small JSON Schema validator for the keywords the generated schemas use, applying {@code
 * contentSchema} to the decoded content of {@code contentMediaType: application/json} strings (a
 * stock draft 2020-12 validator treats it as an annotation only, WIRE.md §7.4).
 */
final class MiniSchemaValidator {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MiniSchemaValidator() {}

  /** Returns every error as {@code path: message}; empty when the document is valid. */
  static List<String> validate(JsonNode schema, JsonNode document) {
    List<String> errors = new ArrayList<>();
    check(schema, document, "$", errors);
    return errors;
  }

  private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
    JsonNode type = schema.get("type");
    if (type != null && !typeMatches(type.asText(), value)) {
      errors.add(path + ": expected " + type.asText() + ", got " + value.getNodeType());
      return;
    }
    if (schema.has("pattern")
        && value.isTextual()
        && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
      errors.add(path + ": does not match " + schema.get("pattern").asText());
    }
    if (schema.has("minimum")
        && value.isNumber()
        && value.asLong() < schema.get("minimum").asLong()) {
      errors.add(path + ": below minimum");
    }
    if (schema.has("maximum")
        && value.isNumber()
        && value.asLong() > schema.get("maximum").asLong()) {
      errors.add(path + ": above maximum");
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          errors.add(path + ": missing required " + required.asText());
        }
      }
      JsonNode properties = schema.path("properties");
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        if (properties.has(entry.getKey())) {
          check(
              properties.get(entry.getKey()),
              entry.getValue(),
              path + "." + entry.getKey(),
              errors);
        } else if (schema.has("additionalProperties")
            && schema.get("additionalProperties").isObject()) {
          check(
              schema.get("additionalProperties"),
              entry.getValue(),
              path + "." + entry.getKey(),
              errors);
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
      }
    }
    if (value.isTextual() && "application/json".equals(schema.path("contentMediaType").asText())) {
      JsonNode content;
      try {
        content = MAPPER.readTree(value.asText());
      } catch (JsonProcessingException e) {
        errors.add(path + ": content is not JSON");
        return;
      }
      if (content == null || content.isMissingNode()) {
        errors.add(path + ": content is not JSON");
      } else if (schema.has("contentSchema")) {
        check(schema.get("contentSchema"), content, path + "<json>", errors);
      }
    }
  }

  private static boolean typeMatches(String type, JsonNode value) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("unsupported type keyword " + type);
    };
  }
}
