package io.charmkit.schema.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML or JSON document read into a tree, with the line each value came from.
 *
 * <p>Paths use the same steps as {@link io.charmkit.schema.validation.Problem}: {@code .key} into a
 * mapping, {@code [i]} into a list, e.g. {@code requirer.unit.juju_topology.unit}. A mapping entry
 * is on the line of its key; a list item on the line where it starts.
 *
 * @param root the document's value; {@code null} for an empty document
 * @param lines path to line number (1-based); the root is {@code ""}
 * @param duplicates paths given twice in one mapping, with the lines of both; the tree keeps the
 *     last value, as YAML loaders do
 */
record SourceDocument(JsonNode root, Map<String, Integer> lines, List<Duplicate> duplicates) {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * A key given twice in one mapping.
   *
   * @param path the key's path
   * @param firstLine where it was first given
   * @param line where it was given again
   */
  record Duplicate(String path, int firstLine, int line) {}

  /**
   * Reads a file: JSON when its name ends in {@code .json}, YAML otherwise.
   *
   * @param file the file
   * @return the document
   * @throws SyntaxException when the text is not valid YAML or JSON
   * @throws IOException when the file cannot be read
   */
  static SourceDocument read(Path file) throws IOException {
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    // An empty plain scalar (`worker_config:` and nothing else) is null to PyYAML; so here too.
    JsonFactory factory =
        json
            ? new JsonFactory()
            : YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonParser parser = factory.createParser(reader)) {
      return parse(parser);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, json ? "JSON" : "YAML");
    }
  }

  /**
   * Returns the line of {@code path}, or of its nearest ancestor that the document has.
   *
   * @param path a path in the document
   * @return the line, 1-based
   */
  int lineOf(String path) {
    String at = path;
    while (true) {
      Integer line = lines.get(at);
      if (line != null) {
        return line;
      }
      if (at.isEmpty()) {
        return 1;
      }
      at = parent(at);
    }
  }

  /**
   * Returns the value at {@code path}.
   *
   * @param path a path in the document
   * @return the value, or null when the document has nothing there
   */
  JsonNode at(String path) {
    if (path.isEmpty()) {
      return root;
    }
    String parentPath = parent(path);
    JsonNode parent = at(parentPath);
    if (parent == null) {
      return null;
    }
    String step = path.substring(parentPath.length());
    if (step.startsWith("[")) {
      // [2] into a list; [loki/0] (a validator's map key) into a mapping.
      String inside = step.substring(1, step.length() - 1);
      if (parent.isArray()) {
        return inside.matches("\\d{1,9}") ? parent.get(Integer.parseInt(inside)) : null;
      }
      return parent.isObject() ? parent.get(inside) : null;
    }
    String key = step.startsWith(".") ? step.substring(1) : step;
    return parent.isObject() ? parent.get(key) : null;
  }

  /**
   * Returns the path one step up: {@code a.b[2]} gives {@code a.b}, {@code a.b} gives {@code a}.
   */
  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }

  /** Returns the path of {@code key} inside {@code parent}. */
  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  private static SourceDocument parse(JsonParser parser) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    List<Duplicate> duplicates = new ArrayList<>();
    JsonToken first = parser.nextToken();
    if (first == null) {
      return new SourceDocument(null, Map.of(), List.of());
    }
    lines.put("", line(parser.currentTokenLocation()));
    JsonNode root = value(parser, "", lines, duplicates);
    return new SourceDocument(root, Map.copyOf(lines), List.copyOf(duplicates));
  }

  /** Reads the value at the parser's current token, recording the lines of everything inside. */
  private static JsonNode value(
      JsonParser parser, String path, Map<String, Integer> lines, List<Duplicate> duplicates)
      throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          String childPath = child(path, key);
          int keyLine = line(parser.currentTokenLocation());
          parser.nextToken();
          Integer earlier = lines.put(childPath, keyLine);
          if (object.has(key) && earlier != null) {
            duplicates.add(new Duplicate(childPath, earlier, keyLine));
          }
          object.set(key, value(parser, childPath, lines, duplicates));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          String childPath = path + "[" + array.size() + "]";
          lines.put(childPath, line(parser.currentTokenLocation()));
          array.add(value(parser, childPath, lines, duplicates));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> {
        // e.g. a YAML !!binary scalar: keep its text, which is what a databag could hold.
        return NODES.textNode(parser.getText());
      }
    }
  }

  private static int line(JsonLocation location) {
    return location == null ? 1 : Math.max(1, location.getLineNr());
  }

  private static SyntaxException syntaxError(JsonProcessingException e, String format) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      Mark mark = yaml.getProblemMark();
      String what = yaml.getProblem();
      if (yaml.getContext() != null) {
        what = what + " (" + yaml.getContext() + ")";
      }
      return new SyntaxException(format, mark.getLine() + 1, mark.getColumn() + 1, what);
    }
    JsonLocation location = e.getLocation();
    int line = location == null ? 1 : Math.max(1, location.getLineNr());
    int column = location == null ? 1 : Math.max(1, location.getColumnNr());
    return new SyntaxException(format, line, column, e.getOriginalMessage());
  }
}
