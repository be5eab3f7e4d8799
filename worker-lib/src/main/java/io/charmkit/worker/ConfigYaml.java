package io.charmkit.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.charmkit.schema.yaml.YamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  /**
   * The largest configuration accepted, in UTF-8 bytes. A Tempo or Pyroscope configuration is a few
   * kilobytes; a databag value may be up to 512 KiB, which is no sane configuration.
   */
  static final int MAX_BYTES = 256 * 1024;

  private ConfigYaml() {}

  /**
   * Parses a configuration document.
   *
   * @param text YAML text whose top level should be a mapping
   * @return the mapping
   * @throws IllegalArgumentException when the text is not YAML or its top level is not a mapping
   */
  static Map<String, Object> parse(String text) {
    checkCharacters(text);
    Map<String, Object> tree;
    try {
      checkPlainYaml(text);
      tree = YAML.readValue(text, TREE);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "is not a YAML mapping (" + firstLine(e.getOriginalMessage()) + ")", e);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some faults (a reader error, a limit) outside Jackson's exceptions.
      if (e instanceof IllegalArgumentException bad && bad.getMessage().startsWith("has ")) {
        throw bad;
      }
      throw new IllegalArgumentException(
          "is not valid YAML (" + firstLine(String.valueOf(e.getMessage())) + ")", e);
    }
    if (tree == null) {
      throw new IllegalArgumentException("is not a YAML mapping (the document is empty)");
    }
    return tree;
  }

  /**
   * Refuses what a configuration never holds but a broken or hostile writer can send: a size over
   * {@link #MAX_BYTES}, NUL and other control characters (tab, newline and carriage return
   * excepted), and lone UTF-16 surrogates.
   */
  private static void checkCharacters(String text) {
    if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "has "
              + text.getBytes(StandardCharsets.UTF_8).length
              + " bytes, over the limit of "
              + MAX_BYTES
              + " bytes for a workload configuration");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw new IllegalArgumentException("has a NUL character at offset " + i);
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        throw new IllegalArgumentException(
            String.format("has a control character (U+%04X) at offset %d", (int) c, i));
      }
      if (Character.isHighSurrogate(c)
          && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
        throw new IllegalArgumentException("has a lone UTF-16 surrogate at offset " + i);
      }
      if (Character.isLowSurrogate(c)
          && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
        throw new IllegalArgumentException("has a lone UTF-16 surrogate at offset " + i);
      }
    }
  }

  /**
   * Refuses tags and anchors or aliases. {@code yaml.safe_dump} writes plain data, never a tag; an
   * alias is read by Jackson as its anchor's name (silently wrong data) and, by YAML loaders that
   * expand it, can blow a small document up exponentially; a tag such as {@code !!binary} gives
   * values no configuration file can hold. Escapes inside quoted scalars are checked too (a {@code
   * "\\0"} or {@code "\\ud800"} decodes to a NUL or a lone surrogate).
   */
  private static void checkPlainYaml(String text) throws IOException {
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (parser.isCurrentAlias()) {
          throw new IllegalArgumentException(
              "has a YAML alias (*"
                  + parser.getText()
                  + ") at line "
                  + parser.currentLocation().getLineNr()
                  + "; aliases are not accepted");
        }
        if (parser.getObjectId() != null) {
          throw new IllegalArgumentException(
              "has a YAML anchor (&"
                  + parser.getObjectId()
                  + ") at line "
                  + parser.currentLocation().getLineNr()
                  + "; anchors are not accepted");
        }
        if (parser.getTypeId() != null) {
          throw new IllegalArgumentException(
              "has a YAML tag ("
                  + parser.getTypeId()
                  + ") at line "
                  + parser.currentLocation().getLineNr()
                  + "; tags are not accepted");
        }
        if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
          String value = parser.getText();
          for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lone =
                (Character.isHighSurrogate(c)
                        && (i + 1 >= value.length()
                            || !Character.isLowSurrogate(value.charAt(i + 1))))
                    || (Character.isLowSurrogate(c)
                        && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1))));
            if (c == 0 || lone) {
              throw new IllegalArgumentException(
                  "has "
                      + (c == 0 ? "a NUL character" : "a lone UTF-16 surrogate")
                      + " in a string at line "
                      + parser.currentLocation().getLineNr());
            }
          }
        }
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
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
