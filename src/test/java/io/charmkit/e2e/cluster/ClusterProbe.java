package io.charmkit.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.HookRun;
import io.charmkit.testing.juju.SettleReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the cluster tests look at in an embedded Juju: the packaged example charms, each worker's
 * {@code /etc/worker/config.yaml}, the FQDN Juju gives a unit's pod, and settling the model.
 */
public final class ClusterProbe {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final EmbeddedJuju juju;
  private final String model;
  private final String container;

  ClusterProbe(EmbeddedJuju juju, String model, String container) {
    this.juju = juju;
    this.model = model;
    this.container = container;
  }

  /**
   * The directory of a packaged example charm, e.g. {@code tempo-worker} ({@code
   * examples/tempo-worker/target/charm}) or {@code s3-standin} ({@code examples/s3-standin/charm}).
   */
  public static Path charm(String example) {
    Path examples = Path.of(System.getProperty("charmkit.examples", "../../examples"));
    Path dir = examples.resolve(example).resolve("target/charm");
    if (!Files.exists(dir)) {
      dir = examples.resolve(example).resolve("charm");
    }
    assertThat(dir.resolve("dispatch"))
        .as("packaged charm %s (run `mvn package` first)", example)
        .isExecutable();
    return dir.toAbsolutePath().normalize();
  }

  /** The FQDN of a unit's pod: {@code <app>-<n>.<app>-endpoints.<model>.svc.cluster.local}. */
  String fqdn(String unit) {
    String app = unit.substring(0, unit.indexOf('/'));
    String number = unit.substring(unit.indexOf('/') + 1);
    return app + "-" + number + "." + app + "-endpoints." + model + ".svc.cluster.local";
  }

  /**
   * The gossip ring every worker must be given (PRODUCTS.md §1.11): the units' FQDNs, sorted, each
   * followed by {@code :7946}.
   */
  List<String> ring(List<String> units) {
    return bareRing(units).stream().map(fqdn -> fqdn + ":7946").toList();
  }

  /** Loki's and Mimir's ring (PRODUCTS.md §1.11): the units' FQDNs, sorted, with no port. */
  List<String> bareRing(List<String> units) {
    return List.copyOf(
        units.stream().map(this::fqdn).collect(Collectors.toCollection(TreeSet::new)));
  }

  /** Every unit of the given applications, in application order then unit order. */
  List<String> unitsOf(List<String> apps) {
    List<String> units = new ArrayList<>();
    apps.forEach(app -> units.addAll(juju.units(app)));
    return units;
  }

  /** The text a worker unit holds in {@code /etc/worker/config.yaml}; empty when it holds none. */
  String configText(String unit) {
    Path file = juju.containerRoot(unit, container).resolve("etc/worker/config.yaml");
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each unit's config text, by unit. */
  Map<String, String> configTexts(List<String> units) {
    Map<String, String> texts = new LinkedHashMap<>();
    units.forEach(u -> texts.put(u, configText(u)));
    return texts;
  }

  /** The config every given unit holds, after checking that they all hold the same, non-empty. */
  Map<String, Object> sharedConfig(List<String> units) {
    Map<String, String> texts = configTexts(units);
    assertThat(texts.values().stream().distinct())
        .as("the config.yaml of %s", units)
        .hasSize(1)
        .allSatisfy(t -> assertThat(t).isNotBlank());
    return parse(texts.values().iterator().next());
  }

  static Map<String, Object> parse(String yaml) {
    try {
      return YAML.readValue(yaml, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value at a path of nested maps, or null. */
  static Object at(Map<String, Object> config, String... path) {
    Object node = config;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(key);
    }
    return node;
  }

  /**
   * Settles the model, asserts that no hook failed, then settles again and asserts that nothing
   * ran: the model is quiet. A model that flaps fails here with the embedded Juju's report of what
   * kept changing.
   */
  SettleReport settleCleanAndQuiet() {
    SettleReport report = juju.settle();
    assertThat(report.failed()).as(() -> failures(report.failed())).isEmpty();
    SettleReport again = juju.settle();
    assertThat(again.runs())
        .as("hooks run by a second settle (the model should be quiet)")
        .isEmpty();
    return report;
  }

  private String failures(List<HookRun> failed) {
    StringBuilder s = new StringBuilder("failed hooks:\n");
    for (HookRun run : failed) {
      s.append("  ").append(run.unit()).append(' ').append(run.hook()).append('\n');
    }
    failed.stream()
        .map(HookRun::unit)
        .distinct()
        .forEach(u -> s.append("--- log of ").append(u).append('\n').append(juju.log(u)));
    return s.toString();
  }
}
