package io.charmkit.schema.jsonschema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import io.charmkit.schema.codec.RawText;
import io.charmkit.schema.codec.RawTextAccepted;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * Generates the JSON Schemas of databags from their models, in charm-relation-interfaces' shape:
 * one document per side with {@code app} and {@code unit} properties, each databag value a string
 * whose JSON content is described by {@code contentSchema} (draft 2020-12).
 *
 * <p>Needs the optional victools generator on the class path: a charm never calls this.
 */
public final class JsonSchemas {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String JSON = "application/json";

  private JsonSchemas() {}

  /**
   * Generates the schema of one side of an interface.
   *
   * @param spec the interface version
   * @param side {@code provider} or {@code requirer}
   * @return the schema document
   */
  public static ObjectNode generate(InterfaceSchema spec, String side) {
    boolean provider =
        switch (side) {
          case "provider" -> true;
          case "requirer" -> false;
          default ->
              throw new IllegalArgumentException("side must be provider or requirer: " + side);
        };
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier());
    root.put("title", spec.name() + " v" + spec.version() + " " + side);
    root.put(
        "description",
        "The "
            + side
            + " side's databags of "
            + spec.name()
            + " v"
            + spec.version()
            + ", as the running charms write them. Each databag value is a string holding JSON;"
            + " validate it against its contentSchema after decoding.");
    root.put("type", "object");
    ObjectNode properties = root.putObject("properties");
    properties.set("app", bag(provider ? spec.providerApp() : spec.requirerApp(), spec));
    properties.set("unit", bag(provider ? spec.providerUnit() : spec.requirerUnit(), spec));
    return root;
  }

  /**
   * Renders a schema as the committed files hold it: two-space indentation, LF line ends, a final
   * newline.
   *
   * @param schema the schema
   * @return the text
   */
  public static String render(JsonNode schema) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schema tree is always writable", e);
    }
  }

  private static ObjectNode bag(Class<? extends Record> model, InterfaceSchema spec) {
    ObjectNode bag = MAPPER.createObjectNode();
    bag.put("type", "object");
    if (model == null) {
      bag.put("description", "Unused by this interface: only Juju's own keys.");
      return bag;
    }
    ObjectNode generated = generator().generateSchema(model);
    bag.put("title", model.getSimpleName());
    ObjectNode properties = bag.putObject("properties");
    JsonNode fields = generated.path("properties");
    for (Map.Entry<String, JsonNode> field : fields.properties()) {
      String key = field.getKey();
      ObjectNode value = properties.putObject(key);
      value.put("type", "string");
      if (annotated(model, key, RawText.class)) {
        value.put("description", "Raw text, not JSON.");
        continue;
      }
      if (annotated(model, key, RawTextAccepted.class)) {
        // Some writers store this one raw (WIRE.md §3.7): any string is acceptable.
        value.put("description", "JSON-quoted text as the running charms write it, or raw text.");
        continue;
      }
      value.put("contentMediaType", JSON);
      JsonNode content = field.getValue();
      if (key.equals("role") && spec.roles() != null) {
        content = roleSchema(spec.product(), spec.roles());
      }
      value.set("contentSchema", content);
    }
    if (generated.has("required")) {
      bag.set("required", generated.get("required"));
    }
    return bag;
  }

  private static ObjectNode roleSchema(String product, List<String> roles) {
    String one = String.join("|", roles); // role names are [a-z-]: nothing to escape
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("type", "string");
    schema.put(
        "description",
        product + " roles, comma-joined without spaces, e.g. \"querier,query-frontend\".");
    schema.put("pattern", "^(" + one + ")(,(" + one + "))*$");
    return schema;
  }

  private static boolean annotated(
      Class<?> model, String key, Class<? extends java.lang.annotation.Annotation> annotation) {
    for (Field field : model.getDeclaredFields()) {
      JsonProperty property = field.getAnnotation(JsonProperty.class);
      if (property != null && property.value().equals(key)) {
        return field.isAnnotationPresent(annotation);
      }
    }
    return false;
  }

  private static SchemaGenerator generator() {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_ORDER))
            .with(
                new JakartaValidationModule(
                    JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                    JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
            .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.INLINE_ALL_SCHEMAS)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    return new SchemaGenerator(config.build());
  }
}
