package io.charmkit.e2e.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.hooktools.JujuToolSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The static half of the Juju 3 guard (the runtime half: {@code ProcessHookTools} refuses, before
 * running anything, a tool the agent's {@code JUJU_VERSION} lacks, so every e2e hook under 3.6.14
 * fails loudly on one): no charm or library code calls the Juju 2-only leadership-settings API, and
 * no packaged stand-in script runs a tool Juju 3.6 lacks.
 */
class Juju3ToolUseTest {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  /**
   * Where the API is declared or implemented (InputJournal: a delegating HookTools), not called.
   */
  private static final Set<String> DECLARATIONS =
      Set.of("HookTools.java", "ProcessHookTools.java", "InputJournal.java", "CharmEvents.java");

  private static final Pattern JUJU2_ONLY_API =
      Pattern.compile("\\.(leaderGet|leaderSet|leaderSettingsChanged)\\(");

  private static List<Path> mainSources() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String module :
        List.of("ops", "schema", "interfaces", "coordinator-lib", "worker-lib", "examples")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module))) {
        files
            .filter(p -> p.toString().endsWith(".java"))
            .filter(p -> p.toString().contains("/src/main/java/"))
            .filter(p -> !DECLARATIONS.contains(p.getFileName().toString()))
            .forEach(out::add);
      }
    }
    return out;
  }

  @Test
  void noCharmOrLibraryCodeCallsTheLeadershipSettingsApi() throws IOException {
    List<Path> sources = mainSources();
    List<String> calls = new ArrayList<>();
    for (Path source : sources) {
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        if (JUJU2_ONLY_API.matcher(lines.get(i)).find()) {
          calls.add(ROOT.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }

    assertThat(sources).anyMatch(p -> p.endsWith("pgsql/PgsqlRequirer.java"));
    assertThat(calls).as("calls of the Juju 2-only leadership-settings API").isEmpty();
  }

  @Test
  void theStandInScriptsRunOnlyToolsJuju36Has() throws IOException {
    JujuToolSet juju36 = JujuToolSet.forVersion("3.6.14");
    JujuToolSet juju29 = JujuToolSet.forVersion("2.9.46");
    // A word that names a hook tool of any modelled version, at the start of a command.
    Pattern command = Pattern.compile("(?:^|[\\s$(|;&])([a-z]+(?:-[a-z]+)+)(?=\\s|\\)|$)");
    List<Path> scripts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("examples"))) {
      files
          .filter(p -> p.getFileName().toString().equals("dispatch"))
          .filter(p -> p.getParent().getFileName().toString().equals("charm"))
          .forEach(scripts::add);
    }
    List<String> used = new ArrayList<>();
    for (Path script : scripts) {
      Matcher m = command.matcher(Files.readString(script));
      while (m.find()) {
        String word = m.group(1);
        if (juju36.has(word) || juju29.has(word)) {
          used.add(word);
        }
      }
    }

    assertThat(scripts).anyMatch(p -> p.toString().contains("postgresql-standin"));
    assertThat(used).contains("relation-set", "is-leader");
    assertThat(used).allSatisfy(tool -> assertThat(juju36.whyAbsent(tool)).as(tool).isEmpty());
  }
}
