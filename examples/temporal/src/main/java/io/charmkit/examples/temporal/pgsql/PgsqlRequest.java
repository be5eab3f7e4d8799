package io.charmkit.examples.temporal.pgsql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a pgsql client asks for: a database name, extra roles and extensions. On the wire each is a
 * plain string; roles and extensions are comma-joined and sorted, and an empty value is absent.
 *
 * @param database the database name
 * @param roles the roles the client's user should be granted
 * @param extensions the extensions to enable, {@code name} or {@code name:schema}
 */
public record PgsqlRequest(String database, List<String> roles, List<String> extensions) {

  /** Sorts and copies the lists. */
  public PgsqlRequest {
    Objects.requireNonNull(database, "database");
    roles = List.copyOf(new TreeSet<>(roles));
    extensions = List.copyOf(new TreeSet<>(extensions));
  }

  /** A request for a database only. */
  public static PgsqlRequest database(String name) {
    return new PgsqlRequest(name, List.of(), List.of());
  }

  /** The three keys as the client writes them ({@code ""} for an empty one: deleted). */
  public Map<String, String> wire() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("database", database);
    out.put("roles", String.join(",", roles));
    out.put("extensions", String.join(",", extensions));
    return out;
  }
}
