package io.charmkit.interfaces.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JSON Schemas committed under {@code schema/json/<interface>/v<N>/{provider,requirer}.json},
 * and checks of one side's databags against them. A bag goes in as Juju holds it (every value a
 * string); the schemas say which strings hold JSON.
 */
public final class WireSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the committed schemas are, seen from this module (tests run in its directory). */
  private static final Path ROOT = Path.of("..", "schema", "json");

  private WireSchemas() {}

  /** The committed versions of {@code iface}, e.g. {@code [v0, v1]}; fails when there are none. */
  public static List<String> versions(String iface) {
    Path dir = ROOT.resolve(iface);
    try (Stream<Path> entries = Files.list(dir)) {
      List<String> versions =
          entries
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("v\\d+"))
              .sorted()
              .toList();
      assertThat(versions).as("committed schema versions of %s in %s", iface, dir).isNotEmpty();
      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
    }
  }

  /**
   * The problems of one side's bags under one committed schema.
   *
   * @param side {@code provider} or {@code requirer}
   * @param app the application bag as Juju holds it
   * @param unit the unit bag as Juju holds it (Juju's own keys included, as the spec tests see it)
   */
  public static List<String> problems(
      String iface,
      String version,
      String side,
      Map<String, String> app,
      Map<String, String> unit) {
    ObjectNode document = JSON.createObjectNode();
    document.set("app", JSON.valueToTree(app));
    document.set("unit", JSON.valueToTree(unit));
    return JsonSchemaCheck.problems(schema(iface, version, side), document);
  }

  /** Asserts that the bags are valid under every committed version of the side's schema. */
  public static void assertValid(
      String iface, String side, Map<String, String> app, Map<String, String> unit) {
    for (String version : versions(iface)) {
      assertThat(problems(iface, version, side, app, unit))
          .as("%s %s %s.json against app %s, unit %s", iface, version, side, app, unit)
          .isEmpty();
    }
  }

  private static JsonNode schema(String iface, String version, String side) {
    Path file = ROOT.resolve(iface).resolve(version).resolve(side + ".json");
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
    }
  }
}
