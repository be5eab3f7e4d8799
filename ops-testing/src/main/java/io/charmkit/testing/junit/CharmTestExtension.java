package io.charmkit.testing.junit;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link Context} parameters from the {@link CharmTest} annotation of the test class (or
 * of an enclosing class, for nested tests). The context is built once per test class.
 */
public final class CharmTestExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CharmTestExtension.class);

  /** The files that make a directory a charm's metadata, in the order they are looked for. */
  private static final List<String> MARKERS = List.of("metadata.yaml", "charmcraft.yaml");

  /** Creates the extension; JUnit does this through {@link CharmTest}. */
  public CharmTestExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == Context.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> testClass = extension.getRequiredTestClass();
    CharmTest declared = find(testClass);
    return extension
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            declared,
            d ->
                new Context(
                    d.charm(),
                    metadata(testClass, d.metadata(), Path.of(System.getProperty("user.dir")))),
            Context.class);
  }

  private static CharmTest find(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      CharmTest declared = c.getAnnotation(CharmTest.class);
      if (declared != null) {
        return declared;
      }
    }
    throw new ParameterResolutionException(
        testClass.getName() + " takes a Context but is not annotated with @CharmTest");
  }

  /**
   * The metadata {@code @CharmTest(metadata = dir)} names: with no {@code dir}, the module's own
   * (in {@code moduleDir}, else at the class path root); else the class path directory {@code dir}.
   */
  static CharmMetadata metadata(Class<?> testClass, String dir, Path moduleDir) {
    List<String> tried = new ArrayList<>();
    if (dir.isEmpty()) {
      MARKERS.forEach(marker -> tried.add(moduleDir.resolve(marker).toString()));
      if (MARKERS.stream().anyMatch(m -> Files.isRegularFile(moduleDir.resolve(m)))) {
        return CharmMetadata.load(moduleDir);
      }
    }
    String base = dir.isEmpty() ? "/" : dir.endsWith("/") ? dir : dir + "/";
    MARKERS.forEach(marker -> tried.add("class path " + base + marker));
    URL found = testClass.getResource(base + MARKERS.get(0));
    URL charmcraft = testClass.getResource(base + MARKERS.get(1));
    Optional<Path> onDisk = directory(found != null ? found : charmcraft);
    if (onDisk.isPresent()) {
      // CharmMetadata.load is the one place that knows metadata.yaml and charmcraft.yaml.
      return CharmMetadata.load(onDisk.get());
    }
    if (found != null) {
      return CharmMetadata.parse(
          read(testClass, base + "metadata.yaml").orElseThrow(),
          read(testClass, base + "config.yaml").orElse(null),
          read(testClass, base + "actions.yaml").orElse(null));
    }
    throw new ParameterResolutionException(
        "@CharmTest on "
            + testClass.getName()
            + " found no charm metadata; tried "
            + String.join(", ", tried)
            + (dir.isEmpty()
                ? ". Run the tests from the charm's module directory (Maven does), or name a class"
                    + " path directory with @CharmTest(metadata = \"/charms/my-charm\")"
                : ""));
  }

  /** The directory holding {@code resource} when it is a plain file (not inside a jar). */
  private static Optional<Path> directory(URL resource) {
    if (resource == null || !resource.getProtocol().equals("file")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(resource.toURI()).getParent());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> read(Class<?> testClass, String resource) {
    // The test class's loader sees the test resources, wherever this extension was loaded from.
    try (InputStream in = testClass.getResourceAsStream(resource)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
