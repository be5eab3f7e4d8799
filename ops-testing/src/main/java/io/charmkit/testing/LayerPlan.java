package io.charmkit.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Plan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pebble's layer rules for the in-memory Pebble: an entry with {@code override: replace} replaces
 * the one below it, {@code merge} merges field by field (scalars replaced, lists appended, maps
 * merged). Layers travel as JSON trees, so merging needs no per-field code.
 */
final class LayerPlan {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SECTIONS = List.of("services", "checks", "log-targets");

  private LayerPlan() {}

  /** The plan of {@code layers} combined in order. */
  static Plan plan(Map<String, Layer> layers) {
    ObjectNode combined = JSON.createObjectNode();
    for (Layer layer : layers.values()) {
      combined = combine(combined, JSON.valueToTree(layer));
    }
    ObjectNode plan = JSON.createObjectNode();
    for (String section : SECTIONS) {
      if (combined.get(section) instanceof ObjectNode entries && !entries.isEmpty()) {
        plan.set(section, entries);
      }
    }
    return convert(plan, Plan.class);
  }

  /** {@code next} merged into {@code base}, as {@code add_layer(combine=True)} does. */
  static Layer combine(Layer base, Layer next) {
    return convert(combine(JSON.valueToTree(base), JSON.valueToTree(next)), Layer.class);
  }

  /** Pebble's complaint about a layer, if it has one: every entry must say how it overrides. */
  static Optional<String> problem(String label, Layer layer) {
    ObjectNode tree = JSON.valueToTree(layer);
    for (String section : SECTIONS) {
      if (!(tree.get(section) instanceof ObjectNode entries)) {
        continue;
      }
      String what =
          section.equals("services")
              ? "service"
              : section.equals("checks") ? "check" : "log target";
      for (Map.Entry<String, JsonNode> e : entries.properties()) {
        String override = e.getValue().path("override").asText("");
        if (!override.equals("merge") && !override.equals("replace")) {
          return Optional.of(
              "layer \""
                  + label
                  + "\" must define \"override\" for "
                  + what
                  + " \""
                  + e.getKey()
                  + "\"");
        }
      }
    }
    return Optional.empty();
  }

  private static ObjectNode combine(ObjectNode base, ObjectNode next) {
    ObjectNode out = base.deepCopy();
    for (String key : List.of("summary", "description")) {
      if (next.hasNonNull(key)) {
        out.set(key, next.get(key).deepCopy());
      }
    }
    for (String section : SECTIONS) {
      if (!(next.get(section) instanceof ObjectNode entries)) {
        continue;
      }
      ObjectNode target =
          out.get(section) instanceof ObjectNode existing ? existing : out.putObject(section);
      for (Map.Entry<String, JsonNode> e : entries.properties()) {
        JsonNode old = target.get(e.getKey());
        boolean replace = "replace".equals(e.getValue().path("override").asText());
        if (replace || !(old instanceof ObjectNode oldEntry)) {
          target.set(e.getKey(), e.getValue().deepCopy());
        } else {
          target.set(e.getKey(), merge(oldEntry, (ObjectNode) e.getValue()));
        }
      }
    }
    return out;
  }

  private static ObjectNode merge(ObjectNode old, ObjectNode next) {
    ObjectNode out = old.deepCopy();
    for (Map.Entry<String, JsonNode> field : next.properties()) {
      JsonNode mine = out.get(field.getKey());
      JsonNode theirs = field.getValue();
      if (mine instanceof ObjectNode m && theirs instanceof ObjectNode t) {
        out.set(field.getKey(), merge(m, t));
      } else if (mine instanceof ArrayNode m && theirs instanceof ArrayNode t) {
        ArrayNode joined = m.deepCopy();
        joined.addAll(t.deepCopy());
        out.set(field.getKey(), joined);
      } else {
        out.set(field.getKey(), theirs.deepCopy());
      }
    }
    return out;
  }

  private static <T> T convert(ObjectNode tree, Class<T> type) {
    try {
      return JSON.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot combine Pebble layers: " + e.getOriginalMessage(), e);
    }
  }
}
