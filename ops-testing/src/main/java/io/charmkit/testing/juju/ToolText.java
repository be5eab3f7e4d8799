package io.charmkit.testing.juju;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.charmkit.ops.hooktools.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the tool families share: output in the requested format and settings input. */
final class ToolText {
  private ToolText() {}

  static boolean json(ToolArgs a) {
    return "json".equals(a.value("format"));
  }

  /** A failed call (exit code 1); Juju prefixes its errors with {@code ERROR }. */
  static ToolResult error(String message) {
    return new ToolResult(1, "", "ERROR " + message + "\n");
  }

  /** {@code items} as a JSON list, or one per line. */
  static ToolResult list(ToolArgs a, List<String> items) {
    if (json(a)) {
      return ToolResult.ok(JujuJson.json(items));
    }
    return ToolResult.ok(items.stream().map(i -> i + "\n").collect(Collectors.joining()));
  }

  /** {@code value} as JSON or YAML, as the {@code --format} option asks. */
  static ToolResult formatted(ToolArgs a, Object value) {
    return ToolResult.ok(json(a) ? JujuJson.json(value) : JujuJson.yaml(value));
  }

  /** A settings map (keys sorted) as JSON, or as YAML ({@code {}} when empty). */
  static ToolResult mapping(ToolArgs a, Map<String, ?> map) {
    Map<String, ?> sorted = new TreeMap<>(map);
    return ToolResult.ok(
        json(a) ? JujuJson.json(sorted) : sorted.isEmpty() ? "{}\n" : JujuJson.yaml(sorted));
  }

  /** One value as JSON, or as its text on a line (nothing at all for null). */
  static ToolResult value(ToolArgs a, Object value) {
    return ToolResult.ok(json(a) ? JujuJson.json(value) : value == null ? "" : value + "\n");
  }

  /** Merges {@code changes} into {@code bag}; an empty value deletes its key. */
  static void merge(Map<String, String> bag, Map<String, String> changes) {
    // A remapping function's null result removes the key.
    changes.forEach((k, v) -> bag.compute(k, (key, old) -> v.isEmpty() ? null : v));
  }

  /** Settings from {@code key=value} arguments and/or a YAML/JSON {@code --file}. */
  static Map<String, String> settings(ToolArgs a, String stdin) {
    Map<String, String> out = new LinkedHashMap<>();
    String file = a.value("file");
    if (file != null) {
      out.putAll(parseSettings(file.equals("-") ? stdin : read(file, "settings file")));
    }
    for (String kv : a.positionals()) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new ToolError("expected \"key=value\", got \"" + kv + "\"");
      }
      out.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return out;
  }

  static String read(String file, String what) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new ToolError("cannot read " + what + " \"" + file + "\": " + e.getMessage());
    }
  }

  static Map<String, String> parseSettings(String text) {
    if (text.isBlank()) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = JujuJson.YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ToolError(
          "cannot parse settings: not a YAML or JSON mapping (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ")");
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new ToolError("cannot parse settings: expected a mapping of keys to strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : node.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull()) {
        out.put(e.getKey(), "");
      } else if (v.isValueNode()) {
        out.put(e.getKey(), v.asText());
      } else {
        throw new ToolError(
            "cannot parse settings: value of \"" + e.getKey() + "\" is not a string");
      }
    }
    return out;
  }
}
