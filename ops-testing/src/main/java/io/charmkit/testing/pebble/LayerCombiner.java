package io.charmkit.testing.pebble;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.charmkit.ops.pebble.Plan;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Pebble's layer rules (PEBBLE.md §6): parsing and validating a layer, combining layers into a plan
 * ({@code override: replace} swaps an entry, {@code merge} merges it field by field: scalars
 * replaced, lists appended, maps merged), and rendering the plan as Pebble does (4-space indent,
 * keys in Pebble's order, {@code threshold: 3} filled in for checks).
 *
 * <p>Layers are kept as JSON trees so merging is structural and needs no per-field code.
 */
final class LayerCombiner {
  private static final List<String> SECTIONS = List.of("services", "checks", "log-targets");
  private static final Set<String> TOP_LEVEL =
      Set.of("summary", "description", "services", "checks", "log-targets");

  private static final YAMLMapper READER = new YAMLMapper();
  private static final YAMLMapper WRITER = planWriter();

  private LayerCombiner() {}

  private static YAMLMapper planWriter() {
    DumperOptions options = new DumperOptions();
    options.setIndent(4);
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(Integer.MAX_VALUE);
    YAMLFactory factory =
        YAMLFactory.builder()
            .dumperOptions(options)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    YAMLMapper mapper = new YAMLMapper(factory);
    mapper.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    return mapper;
  }

  /** Parses and validates a layer's YAML; errors are 400s worded as Pebble words them. */
  static ObjectNode parse(String label, String yaml) {
    JsonNode tree;
    try {
      tree = READER.readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw ApiError.badRequest("cannot parse layer \"" + label + "\": invalid YAML" + where);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return Envelope.JSON.createObjectNode();
    }
    if (!tree.isObject()) {
      throw ApiError.badRequest("cannot parse layer \"" + label + "\": not a mapping");
    }
    ObjectNode layer = (ObjectNode) tree;
    for (Iterator<String> it = layer.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_LEVEL.contains(key)) {
        throw ApiError.badRequest(
            "cannot parse layer \"" + label + "\": field " + key + " not found");
      }
    }
    check(label, layer, "services", "service");
    check(label, layer, "checks", "check");
    check(label, layer, "log-targets", "log target");
    return layer;
  }

  private static void check(String label, ObjectNode layer, String section, String what) {
    JsonNode entries = layer.get(section);
    if (entries == null || entries.isNull()) {
      return;
    }
    if (!entries.isObject()) {
      throw ApiError.badRequest(
          "cannot parse layer \"" + label + "\": \"" + section + "\" must be a mapping");
    }
    for (Map.Entry<String, JsonNode> entry : entries.properties()) {
      JsonNode override = entry.getValue().get("override");
      if (override == null || override.asText().isEmpty()) {
        throw ApiError.badRequest(
            "layer \""
                + label
                + "\" must define \"override\" for "
                + what
                + " \""
                + entry.getKey()
                + "\"");
      }
      String value = override.asText();
      if (!value.equals("merge") && !value.equals("replace")) {
        throw ApiError.badRequest(
            "layer \""
                + label
                + "\" has invalid \"override\" value for "
                + what
                + " \""
                + entry.getKey()
                + "\"");
      }
    }
  }

  /** Merges {@code next} into {@code base} (both layers), returning a new tree. */
  static ObjectNode combine(ObjectNode base, ObjectNode next) {
    ObjectNode out = base.deepCopy();
    for (String key : List.of("summary", "description")) {
      if (next.hasNonNull(key)) {
        out.set(key, next.get(key).deepCopy());
      }
    }
    for (String section : SECTIONS) {
      JsonNode entries = next.get(section);
      if (entries == null || !entries.isObject()) {
        continue;
      }
      ObjectNode target =
          out.get(section) instanceof ObjectNode existing ? existing : out.putObject(section);
      for (Map.Entry<String, JsonNode> entry : entries.properties()) {
        JsonNode old = target.get(entry.getKey());
        boolean replace = "replace".equals(entry.getValue().path("override").asText());
        if (old == null || !old.isObject() || replace) {
          target.set(entry.getKey(), entry.getValue().deepCopy());
        } else {
          target.set(entry.getKey(), merge((ObjectNode) old, (ObjectNode) entry.getValue()));
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

  /**
   * The plan of the combined layers: validated (every service needs a command, every check a type)
   * and with Pebble's defaults filled in.
   */
  static Plan toPlan(ObjectNode combined) {
    ObjectNode plan = Envelope.JSON.createObjectNode();
    for (String section : SECTIONS) {
      if (combined.get(section) instanceof ObjectNode entries && !entries.isEmpty()) {
        plan.set(section, entries.deepCopy());
      }
    }
    if (plan.get("services") instanceof ObjectNode services) {
      for (Map.Entry<String, JsonNode> s : services.properties()) {
        if (!s.getValue().hasNonNull("command")) {
          throw ApiError.badRequest(
              "plan must define \"command\" for service \"" + s.getKey() + "\"");
        }
      }
    }
    if (plan.get("checks") instanceof ObjectNode checks) {
      for (Map.Entry<String, JsonNode> c : checks.properties()) {
        ObjectNode check = (ObjectNode) c.getValue();
        if (!check.has("http") && !check.has("tcp") && !check.has("exec")) {
          throw ApiError.badRequest(
              "plan must specify one of \"http\", \"tcp\" or \"exec\" for check \""
                  + c.getKey()
                  + "\"");
        }
        if (!check.hasNonNull("threshold")) {
          check.put("threshold", 3);
        }
      }
    }
    try {
      return Envelope.JSON.treeToValue(plan, Plan.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw ApiError.badRequest("cannot parse layer: a field has the wrong type");
    }
  }

  /** The plan as {@code GET /v1/plan?format=yaml} returns it. */
  static String render(Plan plan) {
    if (plan.services().isEmpty() && plan.checks().isEmpty() && plan.logTargets().isEmpty()) {
      return "{}\n";
    }
    try {
      return WRITER.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the plan", e);
    }
  }
}
