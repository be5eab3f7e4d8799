package io.charmkit.ops.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a charm declares about itself: endpoints, containers, storage, actions and config options.
 *
 * <p>Read from {@code metadata.yaml}, {@code config.yaml} and {@code actions.yaml} in the charm
 * directory (what Juju reads), or from a charm module's {@code charmcraft.yaml}, whose metadata
 * keys, {@code config} and {@code actions} stand in for the three files (the charm plugin derives
 * them from it when it packs the charm).
 *
 * @param name the charm name
 * @param endpoints every relation endpoint, in declaration order
 * @param containers the workload container names
 * @param storages the storage names
 * @param actions the actions by name
 * @param options the config options by name
 */
public record CharmMetadata(
    String name,
    Map<String, EndpointSpec> endpoints,
    Set<String> containers,
    Set<String> storages,
    Map<String, ActionSpec> actions,
    Map<String, ConfigOption> options) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * charmcraft.yaml's top-level keys that belong in metadata.yaml (charmcraft renames {@code title}
   * and {@code links} on the way; it copies the others as they are). A charm declares them in one
   * file or the other, never both. The packager derives metadata.yaml from the same set.
   */
  public static final Set<String> METADATA_KEYS =
      Set.of(
          "name",
          "summary",
          "description",
          "title",
          "links",
          "assumes",
          "containers",
          "devices",
          "documentation",
          "extra-bindings",
          "peers",
          "provides",
          "requires",
          "resources",
          "storage",
          "subordinate",
          "terms",
          "charm-user");

  private static final Set<String> OPTION_TYPES =
      Set.of("string", "int", "float", "boolean", "secret");

  /** Copies the collections, so a metadata value never changes. */
  public CharmMetadata {
    endpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    containers = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(containers));
    storages = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(storages));
    actions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** The endpoint, if the charm declares it. */
  public Optional<EndpointSpec> endpoint(String endpointName) {
    return Optional.ofNullable(endpoints.get(endpointName));
  }

  /**
   * Loads the metadata of the charm in {@code charmDir}: a packed charm's directory, or a charm
   * module's directory holding {@code charmcraft.yaml} (its metadata keys, {@code config} and
   * {@code actions}), the legacy files, or both, each piece declared once, as charmcraft requires.
   *
   * @throws MetadataException when a file is missing, is not YAML, declares something invalid, or a
   *     piece of metadata is declared in both charmcraft.yaml and its own file
   */
  public static CharmMetadata load(Path charmDir) {
    Path metadata = charmDir.resolve("metadata.yaml");
    Path config = charmDir.resolve("config.yaml");
    Path actions = charmDir.resolve("actions.yaml");
    Path charmcraftFile = charmDir.resolve("charmcraft.yaml");
    JsonNode charmcraft = Files.exists(charmcraftFile) ? read(charmcraftFile) : null;
    if (charmcraft != null && !charmcraft.isObject()) {
      throw new MetadataException(charmcraftFile + ": expected a mapping at the top level");
    }
    JsonNode meta;
    if (Files.exists(metadata)) {
      if (charmcraft != null && METADATA_KEYS.stream().anyMatch(charmcraft::has)) {
        throw new MetadataException(
            charmDir
                + " declares the charm's metadata in both metadata.yaml and charmcraft.yaml"
                + " (charmcraft refuses this too): keep one");
      }
      meta = read(metadata);
    } else if (charmcraft != null) {
      meta = charmcraft;
    } else {
      throw new MetadataException(
          "no metadata.yaml or charmcraft.yaml in " + charmDir + ": is this a charm directory?");
    }
    return parse(
        meta,
        section(charmDir, config, charmcraft, "config"),
        section(charmDir, actions, charmcraft, "actions"));
  }

  /** A legacy file's content, else charmcraft.yaml's key; never both. */
  private static JsonNode section(Path charmDir, Path file, JsonNode charmcraft, String key) {
    boolean inCharmcraft = charmcraft != null && charmcraft.hasNonNull(key);
    if (Files.exists(file)) {
      if (inCharmcraft) {
        throw new MetadataException(
            charmDir
                + " declares "
                + key
                + " in both "
                + file.getFileName()
                + " and charmcraft.yaml (charmcraft refuses this too): keep one");
      }
      return read(file);
    }
    return inCharmcraft ? charmcraft.get(key) : null;
  }

  /**
   * Parses metadata from YAML texts.
   *
   * @param metadataYaml the {@code metadata.yaml} text
   * @param configYaml the {@code config.yaml} text, or {@code null}
   * @param actionsYaml the {@code actions.yaml} text, or {@code null}
   */
  public static CharmMetadata parse(String metadataYaml, String configYaml, String actionsYaml) {
    return parse(
        readText(metadataYaml, "metadata.yaml"),
        configYaml == null ? null : readText(configYaml, "config.yaml"),
        actionsYaml == null ? null : readText(actionsYaml, "actions.yaml"));
  }

  private static CharmMetadata parse(JsonNode meta, JsonNode config, JsonNode actions) {
    if (meta == null || !meta.isObject()) {
      throw new MetadataException("metadata.yaml: expected a mapping at the top level");
    }
    String name = text(meta, "name");
    if (name == null || name.isBlank()) {
      throw new MetadataException("metadata.yaml: 'name' is required");
    }
    Map<String, EndpointSpec> endpoints = new LinkedHashMap<>();
    addEndpoints(meta.get("peers"), EndpointRole.PEERS, endpoints);
    addEndpoints(meta.get("provides"), EndpointRole.PROVIDES, endpoints);
    addEndpoints(meta.get("requires"), EndpointRole.REQUIRES, endpoints);
    return new CharmMetadata(
        name,
        endpoints,
        new java.util.LinkedHashSet<>(keys(meta.get("containers"))),
        new java.util.LinkedHashSet<>(keys(meta.get("storage"))),
        parseActions(actions),
        parseOptions(config));
  }

  private static void addEndpoints(
      JsonNode section, EndpointRole role, Map<String, EndpointSpec> into) {
    if (section == null || section.isNull()) {
      return;
    }
    String where = "metadata.yaml " + role.name().toLowerCase(java.util.Locale.ROOT);
    if (!section.isObject()) {
      throw new MetadataException(where + ": expected a mapping of endpoint names");
    }
    for (Map.Entry<String, JsonNode> e : section.properties()) {
      JsonNode spec = e.getValue();
      String iface = spec == null ? null : text(spec, "interface");
      if (iface == null) {
        throw new MetadataException(where + "." + e.getKey() + ": 'interface' is required");
      }
      if (into.containsKey(e.getKey())) {
        throw new MetadataException(where + ": endpoint '" + e.getKey() + "' is declared twice");
      }
      Optional<Integer> limit =
          spec.hasNonNull("limit") ? Optional.of(spec.get("limit").asInt()) : Optional.empty();
      boolean optional = spec.path("optional").asBoolean(false);
      into.put(e.getKey(), new EndpointSpec(e.getKey(), role, iface, limit, optional));
    }
  }

  private static Map<String, ConfigOption> parseOptions(JsonNode config) {
    Map<String, ConfigOption> out = new LinkedHashMap<>();
    if (config == null || config.isNull()) {
      return out;
    }
    JsonNode options = config.get("options");
    if (options == null || options.isNull()) {
      return out;
    }
    if (!options.isObject()) {
      throw new MetadataException("config.yaml: 'options' must be a mapping");
    }
    for (Map.Entry<String, JsonNode> e : options.properties()) {
      JsonNode spec = e.getValue();
      String type = spec == null ? null : text(spec, "type");
      if (type == null) {
        throw new MetadataException("config.yaml: option '" + e.getKey() + "' has no type");
      }
      if (!OPTION_TYPES.contains(type)) {
        throw new MetadataException(
            "config.yaml: option '"
                + e.getKey()
                + "' has type '"
                + type
                + "'; expected one of "
                + new java.util.TreeSet<>(OPTION_TYPES));
      }
      Optional<Object> def = Optional.empty();
      JsonNode d = spec.get("default");
      if (d != null && !d.isNull()) {
        try {
          def =
              Optional.of(ConfigTypes.coerce(e.getKey(), type, YAML.convertValue(d, Object.class)));
        } catch (IllegalArgumentException bad) {
          throw new MetadataException("config.yaml: default of " + bad.getMessage(), bad);
        }
      }
      String description = spec.hasNonNull("description") ? spec.get("description").asText() : "";
      out.put(e.getKey(), new ConfigOption(e.getKey(), type, def, description));
    }
    return out;
  }

  private static Map<String, ActionSpec> parseActions(JsonNode actions) {
    Map<String, ActionSpec> out = new LinkedHashMap<>();
    if (actions == null || actions.isNull()) {
      return out;
    }
    if (!actions.isObject()) {
      throw new MetadataException("actions.yaml: expected a mapping of action names");
    }
    for (Map.Entry<String, JsonNode> e : actions.properties()) {
      JsonNode spec = e.getValue();
      String description =
          spec != null && spec.hasNonNull("description") ? spec.get("description").asText() : "";
      @SuppressWarnings("unchecked")
      Map<String, Object> params =
          spec != null && spec.has("params")
              ? YAML.convertValue(spec.get("params"), Map.class)
              : Map.of();
      List<String> required = new ArrayList<>();
      JsonNode req = spec == null ? null : spec.get("required");
      if (req != null && !req.isNull()) {
        if (!req.isArray()) {
          throw new MetadataException(
              "actions.yaml: action '" + e.getKey() + "': required must be a list of parameters");
        }
        req.forEach(r -> required.add(r.asText()));
      }
      JsonNode extra = spec == null ? null : spec.get("additionalProperties");
      out.put(
          e.getKey(),
          new ActionSpec(
              e.getKey(),
              description,
              params,
              required,
              extra == null || !extra.isBoolean()
                  ? Optional.empty()
                  : Optional.of(extra.asBoolean())));
    }
    return out;
  }

  private static List<String> keys(JsonNode section) {
    List<String> out = new ArrayList<>();
    if (section != null && section.isObject()) {
      section.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static JsonNode read(Path file) {
    try {
      return readText(Files.readString(file), file.getFileName().toString());
    } catch (IOException e) {
      throw new MetadataException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode readText(String text, String fileName) {
    try {
      JsonNode node = YAML.readTree(text);
      return node == null || node.isMissingNode() ? YAML.createObjectNode() : node;
    } catch (JsonProcessingException e) {
      throw new MetadataException(fileName + " is not valid YAML: " + e.getOriginalMessage(), e);
    }
  }
}
