package io.charmkit.examples.temporal.pgsql;

import java.util.Map;

/** Test access to the package-private format of the shared requests. */
public final class PgsqlRequirerAccess {
  private PgsqlRequirerAccess() {}

  /** The YAML text written for {@code requests}. */
  public static String sharedYaml(Map<Integer, Map<String, String>> requests) {
    return SharedRequestsYaml.write(new java.util.TreeMap<>(requests));
  }
}
