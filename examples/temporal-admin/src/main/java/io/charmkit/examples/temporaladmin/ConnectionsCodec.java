package io.charmkit.examples.temporaladmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the server's {@code database_connections}: a JSON object with {@code db} and {@code
 * visibility} objects of libpq keywords. Numbers are accepted where strings are expected (newer
 * servers may write the port as one).
 */
final class ConnectionsCodec {
  /** The databases the schema is set up for, with their schema directory names. */
  static final Map<String, String> SCHEMAS = Map.of("db", "temporal", "visibility", "visibility");

  /** What each connection must give. */
  static final List<String> REQUIRED = List.of("dbname", "host", "port", "user", "password");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConnectionsCodec() {}

  /**
   * Parses the raw value.
   *
   * @throws IllegalArgumentException naming what is wrong (never echoing values: they hold
   *     passwords)
   */
  static Map<String, Map<String, String>> read(String raw) {
    JsonNode root;
    try {
      root = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (at column " + column(e) + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (String database : new TreeMap<>(SCHEMAS).keySet()) {
      JsonNode entry = root.get(database);
      if (entry == null || !entry.isObject()) {
        throw new IllegalArgumentException("'" + database + "' is missing or not an object");
      }
      Map<String, String> keywords = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : entry.properties()) {
        if (!field.getValue().isValueNode() || field.getValue().isNull()) {
          throw new IllegalArgumentException(
              "'" + database + "." + field.getKey() + "' is not a string");
        }
        keywords.put(field.getKey(), field.getValue().asText());
      }
      for (String key : REQUIRED) {
        if (keywords.getOrDefault(key, "").isEmpty()) {
          throw new IllegalArgumentException("'" + database + "' has no " + key);
        }
      }
      out.put(database, keywords);
    }
    return out;
  }

  private static long column(JsonProcessingException e) {
    return e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
  }
}
