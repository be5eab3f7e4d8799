package io.charmkit.examples.temporal.pgsql;

import java.util.Map;

/** Test access to the package-private leadership-settings format. */
public final class PgsqlRequirerAccess {
  private PgsqlRequirerAccess() {}

  /** The YAML text written for {@code requests}. */
  public static String leaderYaml(Map<Integer, Map<String, String>> requests) {
    return LeaderSettingsYaml.write(new java.util.TreeMap<>(requests));
  }
}
