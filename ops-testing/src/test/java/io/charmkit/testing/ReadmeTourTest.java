package io.charmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's API tour quotes compiled code: every {@code <!-- tour:NAME -->} block in the README
 * is exactly the source between {@code // tour:NAME} and {@code // tour:end} (indentation removed),
 * and every such source snippet is quoted. So the tour cannot drift from what the build compiles
 * and tests.
 */
class ReadmeTourTest {
  private static final Path README = Path.of("../README.md");
  private static final List<Path> SOURCES =
      List.of(
          Path.of("src/test/java/io/charmkit/testing/tour/TourCharm.java"),
          Path.of("src/test/java/io/charmkit/testing/tour/TourCharmTest.java"),
          Path.of("src/test/java/io/charmkit/testing/juju/EmbeddedActionTest.java"));

  static Map<String, String> snippets(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith("// tour:") || line.equals("// tour:end")) {
        continue;
      }
      String name = line.substring("// tour:".length());
      List<String> body = new ArrayList<>();
      int j = i + 1;
      while (!lines.get(j).strip().equals("// tour:end")) {
        body.add(lines.get(j++));
      }
      while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
        body.remove(body.size() - 1);
      }
      int indent =
          body.stream()
              .filter(l -> !l.isBlank())
              .mapToInt(l -> l.length() - l.stripLeading().length())
              .min()
              .orElse(0);
      StringBuilder text = new StringBuilder();
      body.forEach(l -> text.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
      out.put(name, text.toString());
    }
    return out;
  }

  static Map<String, String> quoted(List<String> readme) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < readme.size(); i++) {
      String line = readme.get(i).strip();
      if (!line.startsWith("<!-- tour:") || !line.endsWith("-->")) {
        continue;
      }
      String name = line.substring("<!-- tour:".length(), line.length() - "-->".length()).strip();
      assertThat(readme.get(i + 1)).as("the line after %s", line).isEqualTo("```java");
      StringBuilder text = new StringBuilder();
      int j = i + 2;
      while (!readme.get(j).equals("```")) {
        text.append(readme.get(j++)).append('\n');
      }
      out.put(name, text.toString());
    }
    return out;
  }

  @Test
  void everyTourBlockOfTheReadmeIsTheCompiledSnippetOfTheSameName() throws IOException {
    Map<String, String> snippets = new LinkedHashMap<>();
    for (Path source : SOURCES) {
      snippets.putAll(snippets(Files.readAllLines(source)));
    }
    Map<String, String> quoted = quoted(Files.readAllLines(README));

    assertThat(snippets).hasSizeGreaterThanOrEqualTo(10);
    assertThat(quoted).as("README tour blocks").containsExactlyInAnyOrderEntriesOf(snippets);
  }

  @Test
  void theExtractionReadsMarkersAndStripsIndentation() {
    List<String> source =
        List.of("class X {", "  // tour:a", "  void f() {", "    g();", "  }", "", "  // tour:end");
    List<String> readme = List.of("<!-- tour:a -->", "```java", "void f() {", "  g();", "}", "```");

    assertThat(snippets(source)).containsExactly(Map.entry("a", "void f() {\n  g();\n}\n"));
    assertThat(quoted(readme)).isEqualTo(snippets(source));
  }
}
