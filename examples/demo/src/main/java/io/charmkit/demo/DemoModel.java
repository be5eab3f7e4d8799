package io.charmkit.demo;

import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.SettleReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every cluster demo does besides its own steps: find the packaged charms, print each step's
 * title and the settling, and compare the config every worker received.
 */
final class DemoModel {
  private final PrintStream out;
  private final Path root;
  private int failedHooks;

  DemoModel(PrintStream out, Path root) {
    this.out = out;
    this.root = root;
  }

  /** Settles the model and says how many hooks ran and which failed. */
  void settle(EmbeddedJuju juju) {
    SettleReport report = juju.settle();
    failedHooks += report.failed().size();
    out.println(
        "settled: "
            + report.runs().size()
            + " hooks"
            + (report.failed().isEmpty() ? "" : ", failed: " + report.failed()));
    out.println();
  }

  /** How many hooks failed in every {@link #settle} so far: a demo that ends well has none. */
  int failedHooks() {
    return failedHooks;
  }

  /** Prints a step's title. */
  void step(String title) {
    out.println();
    out.println("== " + title);
  }

  /** The packaged charm directory at {@code relative} to the repository root. */
  Path charm(String relative) {
    Path dir = root.resolve(relative);
    if (!Files.isExecutable(dir.resolve("dispatch"))) {
      throw new IllegalStateException(
          "no packaged charm at " + dir + ": run `mvn package` first (bin/demo does)");
    }
    return dir;
  }

  /**
   * Prints the {@code /etc/worker/config.yaml} the given units hold: once when they agree, every
   * variant otherwise.
   *
   * @return whether every unit holds the same config
   */
  boolean printSharedConfig(EmbeddedJuju juju, String container, List<String> units)
      throws IOException {
    Map<String, List<String>> byConfig = new TreeMap<>();
    for (String unit : units) {
      Path file = juju.containerRoot(unit, container).resolve("etc/worker/config.yaml");
      String config =
          Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)";
      byConfig.computeIfAbsent(config, c -> new ArrayList<>()).add(unit);
    }
    if (byConfig.size() == 1) {
      Map.Entry<String, List<String>> only = byConfig.entrySet().iterator().next();
      out.println("All " + only.getValue().size() + " workers hold the same config:");
      out.println(only.getKey());
    } else {
      out.println("Workers disagree on their config (" + byConfig.size() + " variants):");
      byConfig.forEach((config, holders) -> out.println(holders + ":\n" + config));
    }
    return byConfig.size() == 1;
  }
}
