package io.charmkit.schema.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.schema.jsonschema.InterfaceSchema;
import io.charmkit.schema.jsonschema.JsonSchemas;
import java.util.Optional;

/** The text {@code charmkit schema} prints. */
final class SchemaText {

  private static final String GENERATOR =
      "com.github.victools.jsonschema.generator.SchemaGenerator";

  private SchemaText() {}

  /**
   * Returns whether the optional schema generator is on the class path.
   *
   * @return true when {@link #of} can run
   */
  static boolean generatorAvailable() {
    try {
      Class.forName(GENERATOR, false, SchemaText.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Returns the schema of one side, byte for byte as committed under {@code schema/json}; or,
   * without a side, the schema of a whole relation document with both sides under {@code provider}
   * and {@code requirer}, the layout {@code charmkit validate} reads.
   *
   * @param spec the interface version
   * @param side {@code provider}, {@code requirer}, or empty for both
   * @return the JSON text, ending in a newline
   */
  static String of(InterfaceSchema spec, Optional<String> side) {
    if (side.isPresent()) {
      return JsonSchemas.render(JsonSchemas.generate(spec, side.get()));
    }
    ObjectNode provider = JsonSchemas.generate(spec, "provider");
    ObjectNode requirer = JsonSchemas.generate(spec, "requirer");
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("$schema", provider.get("$schema"));
    root.put("title", spec.name() + " v" + spec.version());
    root.put(
        "description",
        "A whole relation's databags of "
            + spec.name()
            + " v"
            + spec.version()
            + ": each side's app and unit bags, with the raw string values the running charms"
            + " write.");
    root.put("type", "object");
    ObjectNode properties = root.putObject("properties");
    // $schema may only appear at a schema resource's root, so the sides drop theirs.
    provider.remove("$schema");
    requirer.remove("$schema");
    properties.set("provider", provider);
    properties.set("requirer", requirer);
    return JsonSchemas.render(root);
  }
}
