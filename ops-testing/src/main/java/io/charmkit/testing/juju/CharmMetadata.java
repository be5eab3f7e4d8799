package io.charmkit.testing.juju;

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

/**
 * What the embedded Juju needs from a charm's metadata: its name, endpoints, containers and config
 * options. Read from {@code metadata.yaml} and {@code config.yaml} (what Juju reads), falling back
 * to {@code charmcraft.yaml} when a charm directory was not packed.
 */
record CharmMetadata(
    String name,
    Map<String, Endpoint> endpoints,
    List<String> containers,
    Map<String, ConfigOption> options) {

  /** The three kinds of relation endpoint, in the order Juju lists them. */
  enum Role {
    PROVIDES,
    REQUIRES,
    PEERS
  }

  /** One relation endpoint: its name, role, interface and optional limit (0 = none). */
  record Endpoint(String name, Role role, String interfaceName, int limit) {}

  /** One config option: its type ({@code string}, {@code int}, …) and default (may be null). */
  record ConfigOption(String type, Object defaultValue) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Loads the metadata of the charm in {@code charmDir}. */
  static CharmMetadata load(Path charmDir) {
    if (!Files.isDirectory(charmDir)) {
      throw new EmbeddedJujuException("charm directory " + charmDir + " does not exist");
    }
    Path metadataFile = charmDir.resolve("metadata.yaml");
    Path charmcraftFile = charmDir.resolve("charmcraft.yaml");
    JsonNode meta;
    if (Files.isRegularFile(metadataFile)) {
      meta = read(metadataFile);
    } else if (Files.isRegularFile(charmcraftFile)) {
      meta = read(charmcraftFile);
    } else {
      throw new EmbeddedJujuException(
          "charm directory " + charmDir + " has neither metadata.yaml nor charmcraft.yaml");
    }
    String name = meta.path("name").asText("");
    if (name.isEmpty()) {
      throw new EmbeddedJujuException(
          "the metadata of the charm in " + charmDir + " has no 'name'");
    }
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      JsonNode section = meta.path(role.name().toLowerCase(java.util.Locale.ROOT));
      for (Map.Entry<String, JsonNode> e : section.properties()) {
        String iface = e.getValue().path("interface").asText("");
        if (iface.isEmpty()) {
          throw new EmbeddedJujuException(
              "endpoint '" + e.getKey() + "' of charm " + name + " has no interface");
        }
        endpoints.put(
            e.getKey(), new Endpoint(e.getKey(), role, iface, e.getValue().path("limit").asInt(0)));
      }
    }
    List<String> containers = new ArrayList<>();
    meta.path("containers").fieldNames().forEachRemaining(containers::add);

    JsonNode config;
    Path configFile = charmDir.resolve("config.yaml");
    if (Files.isRegularFile(configFile)) {
      config = read(configFile);
    } else {
      config = meta.path("config");
    }
    Map<String, ConfigOption> options = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : config.path("options").properties()) {
      JsonNode def = e.getValue().get("default");
      Object value = def == null || def.isNull() ? null : YAML.convertValue(def, Object.class);
      options.put(e.getKey(), new ConfigOption(e.getValue().path("type").asText("string"), value));
    }
    return new CharmMetadata(
        name,
        java.util.Collections.unmodifiableMap(endpoints),
        List.copyOf(containers),
        java.util.Collections.unmodifiableMap(options));
  }

  private static JsonNode read(Path file) {
    try {
      JsonNode node = YAML.readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return YAML.createObjectNode();
      }
      if (!node.isObject()) {
        throw new EmbeddedJujuException(file + " must hold a YAML mapping");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new EmbeddedJujuException(
          file
              + " is not valid YAML (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ")",
          e);
    } catch (IOException e) {
      throw new EmbeddedJujuException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
