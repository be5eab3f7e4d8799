package io.charmkit.examples.temporal.pgsql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * The YAML text of the shared {@code interface.pgsql} value, a map from relation id to request (the
 * format ops-lib-pgsql keeps in Juju 2's leadership settings): block style, ids and keys sorted,
 * values single-quoted, so PyYAML reads it back with integer ids and string values.
 */
final class SharedRequestsYaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SharedRequestsYaml() {}

  static String write(Map<Integer, Map<String, String>> requests) {
    StringBuilder out = new StringBuilder();
    requests.forEach(
        (id, fields) -> {
          out.append(id).append(":\n");
          new TreeMap<>(fields)
              .forEach(
                  (k, v) ->
                      out.append("  ")
                          .append(k)
                          .append(": '")
                          .append(v.replace("'", "''"))
                          .append("'\n"));
        });
    return out.toString();
  }

  static Map<Integer, Map<String, String>> read(String yaml) {
    Map<?, ?> raw;
    try {
      raw = YAML.readValue(yaml, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage(), e);
    }
    Map<Integer, Map<String, String>> out = new TreeMap<>();
    if (raw == null) {
      return out;
    }
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> fields)) {
        throw new IllegalArgumentException("entry " + e.getKey() + " is not a map");
      }
      int id;
      try {
        id = Integer.parseInt(String.valueOf(e.getKey()));
      } catch (NumberFormatException nfe) {
        throw new IllegalArgumentException("key " + e.getKey() + " is not a relation id", nfe);
      }
      Map<String, String> request = new TreeMap<>();
      fields.forEach((k, v) -> request.put(String.valueOf(k), v == null ? "" : v.toString()));
      out.put(id, request);
    }
    return out;
  }
}
