package io.charmkit.testing.junit;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
            d -> new Context(d.charm(), metadata(testClass, d.metadata())),
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

  private static CharmMetadata metadata(Class<?> testClass, String dir) {
    String base = dir.endsWith("/") ? dir : dir + "/";
    String metadata =
        read(testClass, base + "metadata.yaml")
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "no " + base + "metadata.yaml on the test classpath"));
    return CharmMetadata.parse(
        metadata,
        read(testClass, base + "config.yaml").orElse(null),
        read(testClass, base + "actions.yaml").orElse(null));
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
