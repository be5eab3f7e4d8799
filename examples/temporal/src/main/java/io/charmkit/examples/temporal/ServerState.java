package io.charmkit.examples.temporal;

import io.charmkit.examples.temporal.relations.DatabaseConnections;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server unit's stored state, as the Python charm's {@code _state}: {@code schema_ready}
 * (default false) and {@code database_connections} (default: neither relation has one). It also
 * remembers why a relation's master could not be used, so the status can say so until the provider
 * fixes it.
 *
 * @param schemaReady whether the admin charm reported the schema ready
 * @param databaseConnections the libpq keywords of each relation's master, by relation name ({@code
 *     db}, {@code visibility}); a missing entry is Python's {@code None}
 * @param databaseProblems why a relation's master was rejected, by relation name
 */
public record ServerState(
    boolean schemaReady,
    Map<String, Map<String, String>> databaseConnections,
    Map<String, String> databaseProblems) {

  /** Copies the maps, keeping each connection's keyword order. */
  public ServerState {
    Map<String, Map<String, String>> conns = new TreeMap<>();
    if (databaseConnections != null) {
      databaseConnections.forEach(
          (k, v) -> conns.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    }
    databaseConnections = Collections.unmodifiableMap(conns);
    databaseProblems =
        Collections.unmodifiableMap(
            new TreeMap<>(databaseProblems == null ? Map.of() : databaseProblems));
  }

  /** The defaults: schema not ready, no connections. */
  public static ServerState initial() {
    return new ServerState(false, Map.of(), Map.of());
  }

  /** Both connections, once both relations have delivered one (else empty, as Python raises). */
  public Optional<DatabaseConnections> connections() {
    Map<String, String> db = databaseConnections.get("db");
    Map<String, String> visibility = databaseConnections.get("visibility");
    if (db == null || visibility == null) {
      return Optional.empty();
    }
    return Optional.of(new DatabaseConnections(db, visibility));
  }

  /** This state with the schema readiness replaced. */
  public ServerState withSchemaReady(boolean ready) {
    return new ServerState(ready, databaseConnections, databaseProblems);
  }

  /**
   * This state with a relation's connection replaced: {@code connection} empty clears it; a
   * non-empty {@code problem} records why there is none.
   */
  public ServerState withConnection(
      String relation, Map<String, String> connection, String problem) {
    Map<String, Map<String, String>> conns = new TreeMap<>(databaseConnections);
    Map<String, String> problems = new TreeMap<>(databaseProblems);
    if (connection.isEmpty()) {
      conns.remove(relation);
    } else {
      conns.put(relation, connection);
    }
    if (problem.isEmpty()) {
      problems.remove(relation);
    } else {
      problems.put(relation, problem);
    }
    return new ServerState(schemaReady, conns, problems);
  }

  /** Leaves the passwords out. */
  @Override
  public String toString() {
    return "ServerState[schemaReady="
        + schemaReady
        + ", databaseConnections="
        + databaseConnections.keySet()
        + ", databaseProblems="
        + databaseProblems
        + "]";
  }
}
