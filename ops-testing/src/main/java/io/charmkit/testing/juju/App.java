package io.charmkit.testing.juju;

import io.charmkit.ops.metadata.CharmMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A deployed application: its charm, config, units, leader and application-level state. */
final class App {
  final String name;
  final Path charmDir;
  final CharmMetadata metadata;

  /**
   * Config values set by the user (defaults come from the metadata); a null value unsets an option
   * that has a default.
   */
  final Map<String, Object> config = new TreeMap<>();

  /** Live units, in the order they were added. */
  final List<Unit> units = new ArrayList<>();

  /** Legacy leadership settings ({@code leader-get}/{@code leader-set}). */
  Map<String, String> leaderSettings = new TreeMap<>();

  String leader;
  int nextUnit;

  /** Set by remove-application: the app goes when its last unit has run its remove hook. */
  boolean dying;

  String version = "";
  WorkloadStatus status;

  App(String name, Path charmDir, CharmMetadata metadata) {
    this.name = name;
    this.charmDir = charmDir;
    this.metadata = metadata;
  }

  /** Sets config values over the user's; a null value resets its option to the default. */
  void setConfig(Map<String, ?> values) {
    overlay(config, values);
  }

  /** The config a unit sees: set values over non-null defaults. */
  Map<String, Object> effectiveConfig() {
    Map<String, Object> out = new TreeMap<>();
    metadata.options().forEach((k, v) -> v.defaultValue().ifPresent(d -> out.put(k, d)));
    overlay(out, config);
    return new LinkedHashMap<>(out);
  }

  /** Puts {@code values} into {@code into}; a null value removes its key instead. */
  private static void overlay(Map<String, Object> into, Map<String, ?> values) {
    values.forEach(
        (k, v) -> {
          if (v == null) {
            into.remove(k);
          } else {
            into.put(k, v);
          }
        });
  }
}
