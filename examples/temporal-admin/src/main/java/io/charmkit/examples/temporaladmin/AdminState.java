package io.charmkit.examples.temporaladmin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin unit's stored state: the connections the server sent (Python's {@code
 * database_connections}, default {@code None}) and whether their schema was set up.
 *
 * @param databaseConnections libpq keywords by database ({@code db}, {@code visibility}); empty
 *     when none were received
 * @param schemaReady whether the schema of exactly these connections was set up
 */
public record AdminState(
    Map<String, Map<String, String>> databaseConnections, boolean schemaReady) {

  /** Copies the maps, keeping each connection's keyword order. */
  public AdminState {
    Map<String, Map<String, String>> conns = new TreeMap<>();
    if (databaseConnections != null) {
      databaseConnections.forEach(
          (k, v) -> conns.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    }
    databaseConnections = Collections.unmodifiableMap(conns);
  }

  /** Nothing received. */
  public static AdminState initial() {
    return new AdminState(Map.of(), false);
  }

  /** Leaves the passwords out. */
  @Override
  public String toString() {
    return "AdminState[" + databaseConnections.keySet() + ", schemaReady=" + schemaReady + "]";
  }
}
