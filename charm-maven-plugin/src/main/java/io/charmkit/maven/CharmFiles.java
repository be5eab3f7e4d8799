package io.charmkit.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files Juju reads from a charm ({@code metadata.yaml}, {@code config.yaml}, {@code
 * actions.yaml}), taken from a charm module's directory: as they are (the legacy layout) or derived
 * from {@code charmcraft.yaml}, with the same rule charmcraft applies when both exist (each piece
 * of metadata is declared in one file only).
 *
 * @param metadataYaml the {@code metadata.yaml} text
 * @param configYaml the {@code config.yaml} text, if the charm has options
 * @param actionsYaml the {@code actions.yaml} text, if the charm has actions
 * @param charmcraft the module's {@code charmcraft.yaml}, if it has one
 */
record CharmFiles(
    String metadataYaml,
    Optional<String> configYaml,
    Optional<String> actionsYaml,
    Optional<CharmcraftProject> charmcraft) {

  /** The names charmcraft and Juju read; anything close to them is a typo worth reporting. */
  static final List<String> NAMES =
      List.of("charmcraft.yaml", "metadata.yaml", "config.yaml", "actions.yaml");

  /**
   * Whether a module with this packaging is packed as a charm: every module but a {@code pom} one
   * (a parent). A {@code pom} module with charm files is a mistake: it would build no charm.
   *
   * @throws PackagingException for charm files in a {@code pom} module
   */
  static boolean packs(Path moduleDir, String packaging) {
    if (!"pom".equals(packaging)) {
      return true;
    }
    for (String name : List.of("charmcraft.yaml", "metadata.yaml")) {
      if (Files.exists(moduleDir.resolve(name))) {
        throw new PackagingException(
            "module "
                + moduleDir
                + " has "
                + name
                + " but packaging 'pom', so no charm is built: a charm module has packaging jar"
                + " (the default) and its own code under src/main/java");
      }
    }
    return false;
  }

  /**
   * Reads the module's charm files.
   *
   * @throws PackagingException when there is no metadata, a file is misspelt, or a piece of
   *     metadata is declared twice
   */
  static CharmFiles read(Path moduleDir) throws IOException {
    List<String> typos = misspelt(moduleDir);
    if (!typos.isEmpty()) {
      throw new PackagingException(
          "charm module "
              + moduleDir
              + " has "
              + String.join(", ", typos)
              + ": charmcraft and Juju read only "
              + String.join(", ", NAMES)
              + ", so rename it");
    }
    Path metadata = moduleDir.resolve("metadata.yaml");
    Path config = moduleDir.resolve("config.yaml");
    Path actions = moduleDir.resolve("actions.yaml");
    Optional<CharmcraftProject> project = Optional.empty();
    if (Files.exists(moduleDir.resolve("charmcraft.yaml"))) {
      project = Optional.of(CharmcraftProject.parse(text(moduleDir.resolve("charmcraft.yaml"))));
    }
    String metadataYaml;
    if (Files.exists(metadata)) {
      if (project.isPresent() && project.get().hasMetadata()) {
        throw new PackagingException(
            "charm module "
                + moduleDir
                + " declares its metadata twice: metadata.yaml, and "
                + project.get().metadataKeys()
                + " in charmcraft.yaml (charmcraft refuses this too). Keep one: move"
                + " metadata.yaml into charmcraft.yaml and delete it, or remove those keys from"
                + " charmcraft.yaml");
      }
      metadataYaml = text(metadata);
    } else if (project.isPresent() && project.get().hasMetadata()) {
      metadataYaml = project.get().metadataYaml();
    } else if (project.isPresent()) {
      throw new PackagingException(
          "charm module "
              + moduleDir
              + ": charmcraft.yaml declares no metadata (name, summary, description, endpoints)"
              + " and there is no metadata.yaml: add them to charmcraft.yaml");
    } else {
      throw new PackagingException(
          "charm module "
              + moduleDir
              + " has neither charmcraft.yaml nor metadata.yaml: a charm needs one (name,"
              + " summary, description, endpoints). Add charmcraft.yaml, or if this module is not"
              + " a charm, do not inherit charmkit-charm-parent nor run the charmkit plugin");
    }
    return new CharmFiles(
        metadataYaml,
        section(moduleDir, config, project, "config"),
        section(moduleDir, actions, project, "actions"),
        project);
  }

  private static Optional<String> section(
      Path moduleDir, Path file, Optional<CharmcraftProject> project, String key)
      throws IOException {
    boolean inProject = project.isPresent() && project.get().has(key);
    if (Files.exists(file)) {
      if (inProject) {
        throw new PackagingException(
            "charm module "
                + moduleDir
                + " declares "
                + key
                + " twice: "
                + file.getFileName()
                + ", and '"
                + key
                + ":' in charmcraft.yaml (charmcraft refuses this too). Keep one");
      }
      return Optional.of(text(file));
    }
    if (inProject) {
      return key.equals("config") ? project.get().configYaml() : project.get().actionsYaml();
    }
    return Optional.empty();
  }

  /**
   * Files in the module that look like a charm file misspelt: another extension ({@code
   * metadata.yml}), another case ({@code Metadata.yaml}), or one or two letters off ({@code
   * metdata.yaml}).
   */
  static List<String> misspelt(Path moduleDir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(moduleDir)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (!Files.isRegularFile(p) || NAMES.contains(name)) {
          continue;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String right : NAMES) {
          String stem = right.substring(0, right.indexOf('.'));
          String lowerStem = lower.contains(".") ? lower.substring(0, lower.indexOf('.')) : lower;
          boolean yamlish = lower.endsWith(".yaml") || lower.endsWith(".yml");
          if (yamlish && (lowerStem.equals(stem) || distance(lowerStem, stem) <= 2)) {
            out.add(name + " (did you mean " + right + "?)");
            break;
          }
        }
      }
    }
    return out;
  }

  /** Levenshtein distance: short names, so the plain table. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String text(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
