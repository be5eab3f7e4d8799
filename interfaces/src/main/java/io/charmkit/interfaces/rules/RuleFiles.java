package io.charmkit.interfaces.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.charmkit.schema.scrape.AlertRule;
import io.charmkit.schema.scrape.RuleGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads rule files from a charm's packaged directory as cosl's {@code Rules} does: files ending in
 * {@code .rule}, {@code .rules}, {@code .yml} or {@code .yaml}, in sorted path order, each either
 * in Prometheus' official format ({@code groups:}) or holding one rule (a group named after the
 * file). A file that is not YAML, is empty or has neither shape is logged and skipped, as the
 * library does: a packaging mistake must not stop the charm.
 */
public final class RuleFiles {
  private static final Logger LOG = LoggerFactory.getLogger(RuleFiles.class);
  private static final ObjectMapper YAML =
      YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final List<String> SUFFIXES = List.of(".rule", ".rules", ".yml", ".yaml");

  /** The rule groups of one file, before any topology is applied. */
  private RuleFiles() {}

  /**
   * One file's groups and where the file lies.
   *
   * @param fileName the file's name, e.g. {@code alerts.yaml}
   * @param relativeDir the file's directory relative to the directory read ({@code ""} at its top)
   * @param groups the groups as written in the file (single-rule files: one group named after the
   *     file's stem)
   */
  public record RuleFile(String fileName, String relativeDir, List<RuleGroup> groups) {}

  /**
   * Reads every rule file of a directory.
   *
   * @param dir the directory; a missing one holds no rules (logged at DEBUG, as cosl)
   * @param recursive whether to read sub-directories too
   * @return the files, in the order cosl reads them
   */
  public static List<RuleFile> read(Path dir, boolean recursive) {
    if (!Files.isDirectory(dir)) {
      LOG.debug("rules path does not exist: {}", dir);
      return List.of();
    }
    List<Path> paths;
    try (Stream<Path> walk = recursive ? Files.walk(dir) : Files.list(dir)) {
      paths =
          walk.filter(Files::isRegularFile)
              .filter(p -> SUFFIXES.stream().anyMatch(s -> suffix(p).equals(s)))
              .sorted(PYTHON_PATH_ORDER)
              .toList();
    } catch (IOException e) {
      LOG.error("cannot list the rules in {}: {}", dir, e.getMessage());
      return List.of();
    }
    List<RuleFile> files = new ArrayList<>();
    for (Path path : paths) {
      Path parent = dir.relativize(path.getParent());
      readFile(path)
          .ifPresent(
              g -> files.add(new RuleFile(path.getFileName().toString(), parent.toString(), g)));
    }
    return files;
  }

  /**
   * Reads one rules document (a file's text).
   *
   * @param text the YAML text
   * @param stem the name a single rule's group gets (the file name without its last suffix)
   * @return the groups
   * @throws IllegalArgumentException when the text is empty or has neither shape
   * @throws IOException when it is not YAML
   */
  public static List<RuleGroup> parse(String text, String stem) throws IOException {
    JsonNode root = YAML.readTree(text);
    if (root == null || root.isMissingNode() || root.isNull() || root.isEmpty()) {
      throw new IllegalArgumentException("Empty");
    }
    if (root.has("groups")) {
      List<RuleGroup> groups = new ArrayList<>();
      for (JsonNode group : root.path("groups")) {
        if (!group.path("name").isTextual() || !group.path("rules").isArray()) {
          throw new IllegalArgumentException("a group needs a name and a list of rules");
        }
        List<AlertRule> rules = new ArrayList<>();
        for (JsonNode rule : group.get("rules")) {
          rules.add(rule(rule));
        }
        groups.add(new RuleGroup(group.get("name").textValue(), rules));
      }
      return groups;
    }
    if (root.has("expr") && (root.has("alert") || root.has("record"))) {
      return List.of(new RuleGroup(stem, List.of(rule(root))));
    }
    throw new IllegalArgumentException("Invalid rule format");
  }

  private static AlertRule rule(JsonNode node) throws IOException {
    if (!node.isObject() || !node.path("expr").isTextual()) {
      throw new IllegalArgumentException("a rule needs an expr");
    }
    return YAML.treeToValue(node, AlertRule.class);
  }

  private static Optional<List<RuleGroup>> readFile(Path path) {
    String name = path.getFileName().toString();
    String stem = name.substring(0, name.length() - suffix(path).length());
    try {
      return Optional.of(parse(Files.readString(path), stem));
    } catch (IOException | IllegalArgumentException e) {
      LOG.error("Invalid rules file: {} ({})", name, firstLine(e.getMessage()));
      return Optional.empty();
    }
  }

  private static String suffix(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** Python's order of {@code Path} objects: part by part, not character by character. */
  private static final Comparator<Path> PYTHON_PATH_ORDER =
      (a, b) -> {
        int n = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < n; i++) {
          int c = a.getName(i).toString().compareTo(b.getName(i).toString());
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
      };
}
