package io.charmkit.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.charmkit.ops.metadata.CharmMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A {@code charmcraft.yaml} and what {@code charmcraft pack} derives from it: {@code metadata.yaml}
 * from the metadata keys ({@code title} becomes {@code display-name}, {@code links} becomes {@code
 * docs}, {@code issues}, {@code maintainers}, {@code source} and {@code website}), {@code
 * config.yaml} from {@code config}, {@code actions.yaml} from {@code actions}, and the bases the
 * charm runs on from {@code platforms} (with {@code base}) or the older {@code bases}.
 *
 * <p>The derived files keep the author's text (comments, quoting, order), cut from the source
 * around the top-level keys; each is parsed back and compared with the value charmcraft would
 * write, and written from the parsed value instead when the text cannot be cut that simply.
 */
final class CharmcraftProject {
  /** The keys charmcraft renames on the way to {@code metadata.yaml}. */
  static final Set<String> RENAMED_KEYS = Set.of("title", "links");

  /**
   * The keys charmcraft copies into {@code metadata.yaml} as they are: the runtime's set (which
   * reads the same keys from charmcraft.yaml) without the renamed ones.
   */
  static final Set<String> METADATA_KEYS =
      CharmMetadata.METADATA_KEYS.stream()
          .filter(key -> !RENAMED_KEYS.contains(key))
          .collect(Collectors.toUnmodifiableSet());

  /** Keys that only tell charmcraft how to build: none reaches the charm. */
  static final Set<String> BUILD_KEYS =
      Set.of(
          "type",
          "base",
          "build-base",
          "platforms",
          "bases",
          "parts",
          "charm-libs",
          "charmhub",
          "analysis",
          "extensions",
          "license",
          "version",
          "grade",
          "config",
          "actions");

  /** What {@code metadata.yaml} spells differently, and how charmcraft.yaml spells it. */
  private static final Map<String, String> LEGACY_SPELLINGS =
      Map.of(
          "display-name", "title",
          "docs", "links: documentation",
          "maintainers", "links: contact",
          "website", "links: website",
          "issues", "links: issues",
          "source", "links: source",
          "series", "base and platforms",
          "min-juju-version", "assumes: [juju >= ...]");

  private static final Map<String, String> LINKS =
      Map.of(
          "documentation", "docs",
          "issues", "issues",
          "contact", "maintainers",
          "source", "source",
          "website", "website");

  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .build())
          .build();

  private final String text;
  private final ObjectNode tree;
  private final Optional<Map<String, YamlBlocks.Block>> blocks;

  private CharmcraftProject(String text, ObjectNode tree) {
    this.text = text;
    this.tree = tree;
    this.blocks = YamlBlocks.cut(text);
  }

  /**
   * Parses {@code charmcraft.yaml}'s text.
   *
   * @throws PackagingException when it is not a YAML mapping or has a key charmcraft refuses
   */
  static CharmcraftProject parse(String text) {
    JsonNode node;
    try {
      node = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new PackagingException("charmcraft.yaml is not valid YAML: " + e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode() || !node.isObject()) {
      throw new PackagingException("charmcraft.yaml: expected a mapping at the top level");
    }
    CharmcraftProject project = new CharmcraftProject(text, (ObjectNode) node);
    project.checkKeys();
    return project;
  }

  private void checkKeys() {
    for (String key : (Iterable<String>) tree::fieldNames) {
      if (METADATA_KEYS.contains(key) || RENAMED_KEYS.contains(key) || BUILD_KEYS.contains(key)) {
        continue;
      }
      String legacy = LEGACY_SPELLINGS.get(key);
      if (legacy != null) {
        throw new PackagingException(
            "charmcraft.yaml: '"
                + key
                + "' is metadata.yaml's spelling; charmcraft.yaml says "
                + legacy
                + " (charmcraft refuses '"
                + key
                + "' here)");
      }
      Set<String> known = new TreeSet<>(METADATA_KEYS);
      known.addAll(RENAMED_KEYS);
      known.addAll(BUILD_KEYS);
      throw new PackagingException(
          "charmcraft.yaml: unknown top-level key '" + key + "'; charmcraft knows " + known);
    }
  }

  /** The parsed file. */
  ObjectNode tree() {
    return tree;
  }

  /** Whether the file declares any metadata (else it only says how to build). */
  boolean hasMetadata() {
    for (String key : (Iterable<String>) tree::fieldNames) {
      if (METADATA_KEYS.contains(key) || RENAMED_KEYS.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** The metadata keys the file declares, in order: to name them when they clash. */
  List<String> metadataKeys() {
    List<String> out = new ArrayList<>();
    tree.fieldNames()
        .forEachRemaining(
            k -> {
              if (METADATA_KEYS.contains(k) || RENAMED_KEYS.contains(k)) {
                out.add(k);
              }
            });
    return out;
  }

  /** Whether {@code key} is present with a non-null value. */
  boolean has(String key) {
    return tree.hasNonNull(key);
  }

  /** The {@code metadata.yaml} charmcraft would write (the file's text where it can). */
  String metadataYaml() {
    ObjectNode expected = metadataTree();
    if (blocks.isPresent()) {
      StringBuilder out = new StringBuilder();
      for (YamlBlocks.Block b : blocks.get().values()) {
        if (METADATA_KEYS.contains(b.key())) {
          out.append(b.text());
        } else if (b.key().equals("title")) {
          out.append(b.leading())
              .append("display-name")
              .append(b.keyLine().substring(b.keyEnd() - 1))
              .append(b.body());
        } else if (b.key().equals("links")) {
          ObjectNode links = linksTree(tree.get("links"));
          if (!links.isEmpty()) {
            out.append(b.leading()).append(dump(links));
          }
        }
      }
      String derived = stripLeadingBlankLines(out.toString());
      if (same(derived, expected)) {
        return derived;
      }
    }
    return dump(expected);
  }

  /** {@code config.yaml}, when the file has {@code config}. */
  Optional<String> configYaml() {
    return section("config");
  }

  /** {@code actions.yaml}, when the file has {@code actions}. */
  Optional<String> actionsYaml() {
    return section("actions");
  }

  private Optional<String> section(String key) {
    JsonNode value = tree.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (blocks.isPresent() && blocks.get().containsKey(key)) {
      String derived = blocks.get().get(key).valueDocument();
      if (same(derived, value)) {
        return Optional.of(derived);
      }
    }
    return Optional.of(dump(value));
  }

  /** The value charmcraft writes into {@code metadata.yaml}. */
  ObjectNode metadataTree() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : tree.properties()) {
      String key = e.getKey();
      if (METADATA_KEYS.contains(key)) {
        out.set(key, e.getValue());
      } else if (key.equals("title")) {
        out.set("display-name", e.getValue());
      } else if (key.equals("links")) {
        out.setAll(linksTree(e.getValue()));
      }
    }
    return out;
  }

  private static ObjectNode linksTree(JsonNode links) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (links == null || !links.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : links.properties()) {
      String target = LINKS.get(e.getKey());
      if (target == null) {
        throw new PackagingException(
            "charmcraft.yaml links: unknown key '"
                + e.getKey()
                + "'; charmcraft knows "
                + new TreeSet<>(LINKS.keySet()));
      }
      JsonNode value = e.getValue();
      if (target.equals("maintainers") && value.isTextual()) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        list.add(value);
        value = list;
      }
      out.set(target, value);
    }
    return out;
  }

  private static boolean same(String yaml, JsonNode expected) {
    try {
      JsonNode parsed = YAML.readTree(yaml);
      return parsed != null && parsed.equals(expected);
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static String dump(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed YAML tree always writes", e);
    }
  }

  private static String stripLeadingBlankLines(String s) {
    int i = 0;
    while (i < s.length()) {
      int nl = s.indexOf('\n', i);
      if (nl < 0 || !s.substring(i, nl).isBlank()) {
        break;
      }
      i = nl + 1;
    }
    return s.substring(i);
  }

  @Override
  public String toString() {
    return "charmcraft.yaml (" + text.length() + " characters)";
  }
}
