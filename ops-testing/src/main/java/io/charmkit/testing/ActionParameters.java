package io.charmkit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import io.charmkit.ops.metadata.ActionSpec;
import io.charmkit.ops.metadata.CharmMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Juju's check of an action's parameters before it runs: the defaults of {@code actions.yaml} are
 * filled in, then the parameters are validated against the action's JSON Schema (its {@code
 * params:} as {@code properties}, its {@code required:} and {@code additionalProperties:}), and
 * Juju refuses the action, running nothing, when they do not fit. Used by both front ends: {@link
 * Context} (an {@link InconsistentStateException}) and the embedded Juju's {@code runAction}.
 *
 * <p>Every keyword of JSON Schema draft 4 is checked, at any depth, by the networknt validator:
 * Juju validates with gojsonschema, a draft 4 implementation. Undeclared top-level parameters are
 * allowed when the action does not say {@code additionalProperties}, as in Juju 3; Juju 4 refuses
 * them.
 */
public final class ActionParameters {
  /**
   * Draft 4 as gojsonschema reads it: a number without a fractional part is an integer (Go decodes
   * every JSON number to a float), and keywords it does not know are ignored without a warning.
   */
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          Dialect.builder(Dialects.getDraft4())
              .unknownKeywordFactory((name, context) -> new NonValidationKeyword(name))
              .build(),
          registry ->
              registry.schemaRegistryConfig(
                  SchemaRegistryConfig.builder()
                      .losslessNarrowing(true)
                      .pathType(PathType.LEGACY)
                      .build()));

  private static final ObjectMapper JSON = new ObjectMapper();

  private ActionParameters() {}

  /**
   * The problems Juju would refuse {@code action} with, one sentence each, naming the action and
   * the parameter (empty when it would run).
   *
   * @param jujuVersion the emulated Juju version; from 4 on, undeclared parameters are refused
   *     unless the action allows them
   */
  public static List<String> problems(
      CharmMetadata metadata, String jujuVersion, String action, Map<String, ?> params) {
    ActionSpec spec = metadata.actions().get(action);
    if (spec == null) {
      return List.of(
          "action '%s' is not defined in actions.yaml (defined: %s)"
              .formatted(action, String.join(", ", metadata.actions().keySet())));
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", spec.params());
    schema.put("required", spec.required());
    schema.put("additionalProperties", spec.additionalProperties().orElse(major(jujuVersion) < 4));
    JsonNode schemaJson = JSON.valueToTree(schema);
    return SCHEMAS
        .getSchema(schemaJson)
        .validate(JSON.valueToTree(withDefaults(metadata, action, params)))
        .stream()
        .map(e -> sentence(action, schemaJson, e))
        .toList();
  }

  /**
   * {@code params} with the defaults of {@code actions.yaml} filled in, at any depth where the
   * enclosing object is given, as Juju hands them to {@code action-get}.
   */
  public static Map<String, Object> withDefaults(
      CharmMetadata metadata, String action, Map<String, ?> params) {
    ActionSpec spec = metadata.actions().get(action);
    return spec == null ? new LinkedHashMap<>(params) : withDefaults(spec.params(), params);
  }

  /** {@code given} with the defaults of {@code properties}, recursively into given objects. */
  private static Map<String, Object> withDefaults(Map<?, ?> properties, Map<?, ?> given) {
    Map<String, Object> out = new LinkedHashMap<>();
    given.forEach((k, v) -> out.put(String.valueOf(k), v));
    properties.forEach(
        (name, declared) -> {
          String key = String.valueOf(name);
          if (declared instanceof Map<?, ?> d
              && d.containsKey("default")
              && !out.containsKey(key)) {
            out.put(key, d.get("default"));
          }
          if (out.get(key) instanceof Map<?, ?> nested
              && declared instanceof Map<?, ?> d
              && d.get("properties") instanceof Map<?, ?> p) {
            out.put(key, withDefaults(p, nested));
          }
        });
    return out;
  }

  /**
   * One sentence for a problem the validator found, naming the action and the parameter by its
   * dotted path ({@code s3.bucket}, {@code tags[1]}); the two that name a property the object lacks
   * or has too many keep our wording, which lists what the action declares.
   */
  private static String sentence(String action, JsonNode schema, Error error) {
    String prefix = "action '" + action + "': parameter '";
    // The legacy path type writes $.s3.bucket and $.tags[1]: our dotted path after "$.".
    String at = error.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
    return switch (error.getKeyword()) {
      case "required" -> prefix + join(at, error.getProperty()) + "' is required but not given";
      case "additionalProperties" ->
          prefix
              + join(at, error.getProperty())
              + "' is not declared and the action allows no other parameters (declared: "
              + String.join(", ", declared(schema, error))
              + ")";
      default ->
          prefix + at + "': " + error.getMessage() + " (given: " + error.getInstanceNode() + ")";
    };
  }

  /** The names declared beside the {@code additionalProperties: false} that refused one. */
  private static List<String> declared(JsonNode schema, Error error) {
    NodePath object = error.getSchemaLocation().getFragment().getParent();
    return schema.at(object + "/properties").properties().stream().map(Map.Entry::getKey).toList();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static int major(String version) {
    String digits = version.replaceFirst("\\D.*", "");
    return digits.isEmpty() ? 0 : Integer.parseInt(digits);
  }
}
