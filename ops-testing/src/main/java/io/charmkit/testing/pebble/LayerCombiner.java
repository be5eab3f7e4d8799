package io.charmkit.testing.pebble;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.charmkit.ops.pebble.Plan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Pebble's layer rules (PEBBLE.md §6): parsing and validating a layer, combining layers into a plan
 * ({@code override: replace} swaps an entry, {@code merge} merges it field by field: scalars
 * replaced, lists appended, maps merged), and rendering the plan as Pebble does (4-space indent,
 * keys in Pebble's order, {@code threshold: 3} filled in for checks).
 *
 * <p>Layers are kept as JSON trees so merging is structural and needs no per-field code.
 *
 * <p>The one implementation of these rules: the in-process server uses it over HTTP and the
 * state-transition API's typed layers through {@link PebbleEngine} and {@code Container.plan()},
 * which is why the few methods that one needs are public. Charm tests have no reason to call them.
 */
public final class LayerCombiner {
  private static final List<String> SECTIONS = List.of("services", "checks", "log-targets");
  private static final Set<String> TOP_LEVEL =
      Set.of("summary", "description", "services", "checks", "log-targets");

  /** The log target types Pebble forwards to (PEBBLE.md §6). */
  private static final Set<String> LOG_TARGET_TYPES = Set.of("loki", "opentelemetry");

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
    return YAMLMapper.builder(factory)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();
  }

  /** Parses a layer's YAML; errors are 400s worded as Pebble words them. */
  static ObjectNode parse(String label, String yaml) {
    JsonNode tree;
    try {
      tree = READER.readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw Envelope.badRequest("cannot parse layer \"" + label + "\": invalid YAML" + where);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return Envelope.JSON.createObjectNode();
    }
    if (!tree.isObject()) {
      throw Envelope.badRequest("cannot parse layer \"" + label + "\": not a mapping");
    }
    return (ObjectNode) tree;
  }

  /**
   * Pebble's complaint about one layer, worded as Pebble words it: a field it does not know, a
   * section that is not a mapping, an entry that does not say (or misspells) how it overrides, a
   * log target that is null, has a label in Pebble's reserved {@code pebble_} namespace or a type
   * Pebble cannot forward to.
   *
   * @param label the layer's label, as the messages name it
   * @param layer the layer as a JSON tree
   * @return the first problem; empty when Pebble would accept the layer
   */
  public static Optional<String> layerProblem(String label, ObjectNode layer) {
    return layer.properties().stream()
        .map(Map.Entry::getKey)
        .filter(key -> !TOP_LEVEL.contains(key))
        .findFirst()
        .map(key -> "cannot parse layer \"" + label + "\": field " + key + " not found")
        .or(() -> logTargetProblem(layer))
        .or(() -> sectionProblem(label, layer, "services", "service"))
        .or(() -> sectionProblem(label, layer, "checks", "check"))
        .or(() -> sectionProblem(label, layer, "log-targets", "log target"));
  }

  /**
   * Pebble's checks of one layer's log targets, made when the layer is parsed (before overrides are
   * looked at): no null entry, no label in the reserved {@code pebble_} namespace, a known type
   * when one is given (a missing type is checked on the combined plan).
   */
  private static Optional<String> logTargetProblem(ObjectNode layer) {
    for (Map.Entry<String, JsonNode> entry : layer.path("log-targets").properties()) {
      String name = entry.getKey();
      JsonNode target = entry.getValue();
      if (target == null || target.isNull()) {
        return Optional.of("log target object cannot be null for log target \"" + name + "\"");
      }
      for (Map.Entry<String, JsonNode> label : target.path("labels").properties()) {
        String labelName = label.getKey();
        if (labelName.startsWith("pebble_")) {
          return Optional.of(
              "log target \"%s\": label \"%s\" uses reserved prefix \"pebble_\""
                  .formatted(name, labelName));
        }
      }
      String type = target.path("type").asText("");
      if (!type.isEmpty() && !LOG_TARGET_TYPES.contains(type)) {
        return Optional.of(
            "log target \"%s\" has unsupported type \"%s\", must be \"loki\" or \"opentelemetry\""
                .formatted(name, type));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> sectionProblem(
      String label, ObjectNode layer, String section, String what) {
    JsonNode entries = layer.path(section);
    if (!entries.isObject() && !entries.isMissingNode() && !entries.isNull()) {
      return Optional.of(
          "cannot parse layer \"" + label + "\": \"" + section + "\" must be a mapping");
    }
    for (Map.Entry<String, JsonNode> entry : entries.properties()) {
      String override = entry.getValue().path("override").asText("");
      String naming = " for " + what + " \"" + entry.getKey() + "\"";
      if (override.isEmpty()) {
        return Optional.of("layer \"" + label + "\" must define \"override\"" + naming);
      }
      if (!override.equals("merge") && !override.equals("replace")) {
        return Optional.of("layer \"" + label + "\" has invalid \"override\" value" + naming);
      }
    }
    return Optional.empty();
  }

  /**
   * Merges {@code next} into {@code base} (both layers, or {@code base} the layers below combined),
   * as {@code add_layer} with {@code combine} and as the plan does, returning a new tree.
   */
  public static ObjectNode combine(ObjectNode base, ObjectNode next) {
    ObjectNode out = base.deepCopy();
    ObjectNode update = next.deepCopy();
    // A field left empty ("summary:", "services:") changes nothing.
    update.remove(
        update.properties().stream()
            .filter(field -> field.getValue().isNull())
            .map(Map.Entry::getKey)
            .toList());
    for (String section : SECTIONS) {
      if (out.get(section) instanceof ObjectNode entries
          && update.get(section) instanceof ObjectNode changes) {
        // An entry with "override: replace" starts afresh; the others merge into the entry below.
        changes.properties().stream()
            .filter(entry -> "replace".equals(entry.getValue().path("override").asText()))
            .forEach(entry -> entries.remove(entry.getKey()));
      }
    }
    try {
      // Jackson's update merges objects field by field, appends to lists and replaces scalars.
      return Envelope.JSON.readerForUpdating(out).readValue(update);
    } catch (IOException e) {
      throw new IllegalStateException("cannot combine layers", e);
    }
  }

  /**
   * The plan of the combined layers, validated (every service needs a command, every check a type)
   * and with Pebble's defaults filled in; a problem is a 400 worded as Pebble words it.
   */
  static Plan toPlan(ObjectNode combined) {
    Envelope.refuseIf(planProblem(combined));
    try {
      return plan(combined);
    } catch (IllegalArgumentException e) {
      throw Envelope.badRequest(e.getMessage());
    }
  }

  /**
   * Pebble's complaint about a combined plan, worded as Pebble words it: a service with no command,
   * a check with neither {@code http}, {@code tcp} nor {@code exec}, a log target with no type or
   * location or naming a service the plan does not have.
   *
   * @param combined the layers combined in order
   * @return the first problem; empty when Pebble would accept the plan
   */
  public static Optional<String> planProblem(ObjectNode combined) {
    return combined.path("services").properties().stream()
        .filter(s -> !s.getValue().hasNonNull("command"))
        .findFirst()
        .map(s -> "plan must define \"command\" for service \"%s\"".formatted(s.getKey()))
        .or(
            () ->
                combined.path("checks").properties().stream()
                    .filter(
                        c -> Set.of("http", "tcp", "exec").stream().noneMatch(c.getValue()::has))
                    .findFirst()
                    .map(
                        c ->
                            "plan must specify one of \"http\", \"tcp\" or \"exec\" for check \"%s\""
                                .formatted(c.getKey())))
        .or(
            () ->
                combined.path("log-targets").properties().stream()
                    .flatMap(
                        t -> combinedLogTargetProblem(combined, t.getKey(), t.getValue()).stream())
                    .findFirst());
  }

  /**
   * Pebble's checks of a combined log target: it has a type and a location, and every service it
   * names (a leading {@code -} removed) is {@code all} or a service of the plan.
   */
  private static Optional<String> combinedLogTargetProblem(
      ObjectNode combined, String name, JsonNode target) {
    if (target.path("type").asText("").isEmpty()) {
      return Optional.of(
          "plan must define \"type\" (\"loki\" or \"opentelemetry\") for log target \""
              + name
              + "\"");
    }
    for (JsonNode service : target.path("services")) {
      String serviceName = service.asText("");
      if (serviceName.startsWith("-")) {
        serviceName = serviceName.substring(1);
      }
      if (!serviceName.equals("all") && !combined.path("services").has(serviceName)) {
        return Optional.of(
            "log target \"" + name + "\" specifies unknown service \"" + serviceName + "\"");
      }
    }
    if (target.path("location").asText("").isEmpty()) {
      return Optional.of("plan must define \"location\" for log target \"" + name + "\"");
    }
    return Optional.empty();
  }

  /**
   * The plan of the combined layers as Pebble reports it: the non-empty sections, with Pebble's
   * defaults filled in ({@code threshold: 3} for checks). Does not check {@link #planProblem}.
   *
   * @param combined the layers combined in order
   * @throws IllegalArgumentException when a field has the wrong type
   */
  public static Plan plan(ObjectNode combined) {
    ObjectNode plan = Envelope.JSON.createObjectNode();
    for (String section : SECTIONS) {
      if (combined.get(section) instanceof ObjectNode entries && !entries.isEmpty()) {
        plan.set(section, entries.deepCopy());
      }
    }
    for (JsonNode check : plan.path("checks")) {
      if (check instanceof ObjectNode entry && !entry.hasNonNull("threshold")) {
        entry.put("threshold", 3);
      }
    }
    try {
      return Envelope.JSON.treeToValue(plan, Plan.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot parse layer: a field has the wrong type", e);
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
