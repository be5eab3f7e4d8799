package io.charmkit.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.charmkit.schema.yaml.YamlWriter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The workload configuration as YAML: parsed from the coordinator's {@code worker_config} and from
 * the file on disk, written the way PyYAML's {@code safe_dump} lays it out, and compared by meaning
 * rather than by text, as the Python worker compares it.
 */
final class ConfigYaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

  private ConfigYaml() {}

  /**
   * Parses a configuration document.
   *
   * @param text YAML text whose top level should be a mapping
   * @return the mapping
   * @throws IllegalArgumentException when the text is not YAML or its top level is not a mapping
   */
  static Map<String, Object> parse(String text) {
    Map<String, Object> tree;
    try {
      tree = YAML.readValue(text, TREE);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "is not a YAML mapping (" + e.getOriginalMessage() + ")", e);
    }
    if (tree == null) {
      throw new IllegalArgumentException("is not a YAML mapping (the document is empty)");
    }
    return tree;
  }

  /**
   * Parses a document that may be missing or broken, such as the file on disk.
   *
   * @param text the text, if there is one
   * @return the mapping, or empty when there is no text or it is not a mapping
   */
  static Optional<Map<String, Object>> tryParse(Optional<String> text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(text.get()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes a configuration as the worker puts it on disk.
   *
   * @param config the configuration
   * @return YAML text with sorted keys, ending in a newline
   */
  static String write(Map<String, Object> config) {
    return YamlWriter.write(config);
  }

  /**
   * Whether the file on disk already holds {@code written}: both are parsed and compared as trees,
   * so key order, quoting and layout do not count. Comparing with the text as it would be written
   * (not with the caller's map) makes numbers of different Java types compare as YAML sees them.
   *
   * @param onDisk the file's text, if it exists
   * @param written the text the worker would write
   * @return whether nothing needs writing
   */
  static boolean sameMeaning(Optional<String> onDisk, String written) {
    Optional<Map<String, Object>> current = tryParse(onDisk);
    return current.isPresent() && Objects.equals(current.get(), parse(written));
  }
}
