package io.charmkit.maven.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lays out a new charm project from the templates beside this class: the pom (inheriting
 * charmkit-charm-parent), the charm metadata, the charm class, a state-transition test with {@code
 * Context} and a scenario test on the embedded Juju.
 */
public final class CharmProjectWriter {
  /**
   * Every file of a new project: template resource, and the path it is written to. The one place
   * that says which metadata file a charm project has: {@code charmcraft.yaml}, as for every
   * current upstream charm.
   */
  private static final List<Map.Entry<String, Function<CharmProjectSpec, String>>> FILES =
      List.of(
          Map.entry("pom.xml.tmpl", spec -> "pom.xml"),
          Map.entry("charmcraft.yaml.tmpl", spec -> "charmcraft.yaml"),
          Map.entry("README.md.tmpl", spec -> "README.md"),
          Map.entry("gitignore.tmpl", spec -> ".gitignore"),
          Map.entry(
              "Charm.java.tmpl", spec -> "src/main/java/" + spec.sourcePath(spec.className())),
          Map.entry(
              "CharmTest.java.tmpl",
              spec -> "src/test/java/" + spec.sourcePath(spec.className() + "Test")),
          Map.entry(
              "CharmIT.java.tmpl",
              spec -> "src/test/java/" + spec.sourcePath(spec.className() + "IT")));

  private CharmProjectWriter() {}

  /**
   * Writes a new project into {@code directory}, which must not exist yet (an existing project is
   * never overwritten).
   *
   * @param spec what to lay out
   * @param directory the new project's directory
   * @return the files written, relative to {@code directory}, in the order written
   * @throws FileAlreadyExistsException if {@code directory} exists
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(CharmProjectSpec spec, Path directory) throws IOException {
    if (Files.exists(directory)) {
      throw new FileAlreadyExistsException(
          directory.toString(), null, "refusing to overwrite it: choose a new directory");
    }
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, Function<CharmProjectSpec, String>> file : FILES) {
      Path relative = Path.of(file.getValue().apply(spec));
      Path target = directory.resolve(relative);
      Files.createDirectories(target.getParent());
      Files.writeString(target, render(template(file.getKey()), spec), StandardCharsets.UTF_8);
      written.add(relative);
    }
    return written;
  }

  /**
   * Fills a template's {@code {{placeholders}}}; an unknown placeholder is a bug in the template
   * and fails.
   *
   * @param template the template text
   * @param spec the values
   * @return the text
   */
  static String render(String template, CharmProjectSpec spec) {
    String out =
        template
            .replace("{{name}}", spec.name())
            .replace("{{groupId}}", spec.groupId())
            .replace("{{package}}", spec.javaPackage())
            .replace("{{className}}", spec.className())
            .replace("{{charmkitVersion}}", spec.charmkitVersion());
    int left = out.indexOf("{{");
    if (left >= 0) {
      throw new IllegalStateException(
          "unknown template placeholder: "
              + out.substring(left, Math.min(out.length(), left + 40)));
    }
    return out;
  }

  private static String template(String resource) {
    try (InputStream in = CharmProjectWriter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("template missing from the plugin: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
