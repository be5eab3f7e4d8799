package io.charmkit.examples.temporaladmin;

import io.charmkit.ops.pebble.ExecRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code temporal-sql-tool} runs that set up one database's schema (PRODUCTS.md §6.6): {@code
 * setup-schema -v 0.0}, then {@code update-schema -d <versioned dir>}.
 *
 * <p>The Python charm put the password on the command line ({@code --password}); here it travels in
 * the {@code SQL_PASSWORD} environment variable, which the tool reads for the same flag, so it is
 * not visible in the container's process list.
 */
final class SchemaCommands {
  /** Where the admin-tools image keeps the PostgreSQL schemas. */
  static final String SCHEMA_ROOT = "/etc/temporal/schema/postgresql/v96/";

  private SchemaCommands() {}

  /** The two runs for {@code database} ({@code db} or {@code visibility}). */
  static List<ExecRequest> forDatabase(String database, Map<String, String> connection) {
    List<String> base =
        List.of(
            "temporal-sql-tool",
            "--plugin",
            "postgres",
            "--endpoint",
            connection.get("host"),
            "--port",
            connection.get("port"),
            "--database",
            connection.get("dbname"),
            "--user",
            connection.get("user"));
    Map<String, String> env = Map.of("SQL_PASSWORD", connection.get("password"));
    String dir = SCHEMA_ROOT + ConnectionsCodec.SCHEMAS.get(database) + "/versioned";
    return List.of(
        ExecRequest.of(plus(base, "setup-schema", "-v", "0.0")).withEnvironment(env),
        ExecRequest.of(plus(base, "update-schema", "-d", dir)).withEnvironment(env));
  }

  private static List<String> plus(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }
}
