package io.charmkit.schema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.charmkit.schema.jsonschema.InterfaceSchema;
import io.charmkit.schema.validation.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a whole relation's databags, laid out as in the specs' examples ({@code provider: {app,
 * unit}}, {@code requirer: {app, unit}}), against an interface's models.
 *
 * <p>Each bag is turned into the raw {@code Map<String,String>} a charm would have written ({@link
 * BagModel#encode}) and read with the model's codec, so the problems reported are exactly those a
 * charmkit reader reports, each placed on the line it came from.
 */
final class RelationValidator {

  /** Keys Juju itself writes into every unit bag (WIRE.md §1); plain text, never checked. */
  private static final Set<String> JUJU_UNIT_KEYS =
      Set.of("egress-subnets", "ingress-address", "private-address");

  private static final String LAYOUT = "provider: and requirer:, each with app: and unit:";

  private final InterfaceSchema spec;
  private final SourceDocument document;
  private final List<Finding> findings = new ArrayList<>();

  private RelationValidator(InterfaceSchema spec, SourceDocument document) {
    this.spec = spec;
    this.document = document;
  }

  /**
   * Returns every finding about {@code document}, in line order.
   *
   * @param spec the interface version to check against
   * @param document the relation data
   * @return the findings; no errors means the data is valid
   */
  static List<Finding> validate(InterfaceSchema spec, SourceDocument document) {
    RelationValidator validator = new RelationValidator(spec, document);
    validator.run();
    List<Finding> sorted = new ArrayList<>(validator.findings);
    sorted.sort(Comparator.comparingInt(Finding::line)); // stable: same-line findings keep order
    return sorted;
  }

  private void run() {
    for (SourceDocument.Duplicate duplicate : document.duplicates()) {
      warning(
          duplicate.path(),
          "is given twice (first on line "
              + duplicate.firstLine()
              + "); YAML readers keep only this last value");
    }
    JsonNode root = document.root();
    if (root == null || root.isNull()) {
      error("", "the document is empty: expected " + LAYOUT);
      return;
    }
    if (!root.isObject()) {
      error("", "the document is " + kind(root) + ": expected a mapping with " + LAYOUT);
      return;
    }
    boolean anySide = false;
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String key = entry.getKey();
      switch (key) {
        case "provider" -> {
          anySide = true;
          side(key, entry.getValue(), spec.providerApp(), spec.providerUnit());
        }
        case "requirer" -> {
          anySide = true;
          side(key, entry.getValue(), spec.requirerApp(), spec.requirerUnit());
        }
        case "application_data" -> {
          anySide = true;
          applicationData(entry.getValue());
        }
        default -> error(key, "is not a side of the relation: expected " + LAYOUT);
      }
    }
    if (!anySide) {
      error("", "nothing to validate: expected " + LAYOUT);
    }
  }

  /**
   * The grafana_datasource_exchange README's layout: one {@code application_data} bag. The
   * interface is symmetric, so it is read as the app bag of both sides, and checked once.
   */
  private void applicationData(JsonNode value) {
    boolean symmetric =
        spec.providerApp() != null
            && spec.providerApp() == spec.requirerApp()
            && spec.providerUnit() == null
            && spec.requirerUnit() == null;
    if (!symmetric) {
      error(
          "application_data",
          "names no side; "
              + spec.name()
              + " has different provider and requirer bags: expected "
              + LAYOUT);
      return;
    }
    warning(
        "application_data",
        "read as the app bag of both provider and requirer, as "
            + spec.name()
            + " is symmetric; write provider: {app: …} and requirer: {app: …} to name the sides");
    bag("application_data", value, spec.providerApp(), "app", "the app bag");
  }

  private void side(
      String side, JsonNode value, Class<? extends Record> app, Class<? extends Record> unit) {
    if (value != null && !value.isNull() && !value.isObject()) {
      error(side, "is " + kind(value) + ": expected a mapping with app: and unit:");
      return;
    }
    if (value != null && value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        String key = entry.getKey();
        if (!key.equals("app") && !key.equals("unit")) {
          error(
              SourceDocument.child(side, key),
              "is not a databag: a side holds only app: and unit:"
                  + misplaced(side, key, app, unit));
        }
      }
    }
    JsonNode appBag = value == null ? null : value.get("app");
    JsonNode unitBag = value == null ? null : value.get("unit");
    bag(side + ".app", appBag, app, "app", "the " + side + "'s app bag");
    bag(side + ".unit", unitBag, unit, "unit", "the " + side + "'s unit bag");
  }

  private String misplaced(
      String side, String key, Class<? extends Record> app, Class<? extends Record> unit) {
    if (app != null && BagModel.of(app, spec.product(), spec.roles()).keys().containsKey(key)) {
      return " (did you mean " + side + ".app." + key + "?)";
    }
    if (unit != null && BagModel.of(unit, spec.product(), spec.roles()).keys().containsKey(key)) {
      return " (did you mean " + side + ".unit." + key + "?)";
    }
    return "";
  }

  /**
   * Checks one bag.
   *
   * @param path the bag's path, e.g. {@code requirer.unit}
   * @param value the bag as the document gives it; null when absent (an empty bag)
   * @param type the bag's model; null when the interface does not use this bag
   * @param kind {@code app} or {@code unit}
   * @param description the bag in words, for messages
   */
  private void bag(
      String path, JsonNode value, Class<? extends Record> type, String kind, String description) {
    if (value != null && !value.isNull() && !value.isObject()) {
      error(path, "is " + kind(value) + ": expected a mapping of databag keys to values");
      return;
    }
    Map<String, JsonNode> given = new LinkedHashMap<>();
    if (value != null && value.isObject()) {
      value.properties().forEach(entry -> given.put(entry.getKey(), entry.getValue()));
    }
    boolean unitBag = kind.equals("unit");
    if (type == null) {
      for (String key : given.keySet()) {
        if (!(unitBag && JUJU_UNIT_KEYS.contains(key))) {
          warning(
              SourceDocument.child(path, key),
              "is never read: " + spec.name() + " does not use " + description);
        }
      }
      return;
    }
    BagModel model = BagModel.of(type, spec.product(), spec.roles());
    Map<String, String> raw = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : given.entrySet()) {
      String key = entry.getKey();
      raw.put(key, model.encode(key, entry.getValue()));
      if (!model.keys().containsKey(key) && !(unitBag && JUJU_UNIT_KEYS.contains(key))) {
        warning(
            SourceDocument.child(path, key),
            "is not a key of "
                + model.name()
                + ", so readers ignore it"
                + suggestion(key, model, given.keySet()));
      }
    }
    for (Problem problem : model.check().apply(raw)) {
      String at = problem.path().isEmpty() ? path : SourceDocument.child(path, problem.path());
      error(at, message(at, problem.message()));
    }
  }

  /** Names a model key that an unknown key was probably meant to be, e.g. config/worker_config. */
  private static String suggestion(String key, BagModel model, Set<String> given) {
    for (String candidate : model.keys().keySet()) {
      if (given.contains(candidate)) {
        continue;
      }
      if (candidate.endsWith("_" + key)
          || candidate.startsWith(key + "_")
          || (key.length() >= 4 && Levenshtein.distance(candidate, key) <= 2)) {
        return " (did you mean " + candidate + "?)";
      }
    }
    return "";
  }

  /**
   * Says "missing" or "has no value" instead of the validator's "must not be null" when the decoded
   * document shows which it is. A raw JSON value cannot be looked into; its message stays.
   */
  private String message(String path, String message) {
    if (!message.equals("must not be null")) {
      return message;
    }
    JsonNode node = document.at(path);
    if (node != null) {
      return node.isNull() ? "is required but has no value" : message;
    }
    // Missing, unless the nearest thing the document has is raw JSON text we cannot look into.
    String up = SourceDocument.parent(path);
    JsonNode nearest = document.at(up);
    while (nearest == null && !up.isEmpty()) {
      up = SourceDocument.parent(up);
      nearest = document.at(up);
    }
    return nearest == null || nearest.isNull() || nearest.isObject()
        ? "is required but missing"
        : message;
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "a list";
      case OBJECT -> "a mapping";
      default -> "empty";
    };
  }

  private void error(String path, String message) {
    findings.add(Finding.error(document.lineOf(path), path, message));
  }

  private void warning(String path, String message) {
    findings.add(Finding.warning(document.lineOf(path), path, message));
  }
}
