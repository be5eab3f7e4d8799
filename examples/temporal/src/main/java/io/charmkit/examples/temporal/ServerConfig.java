package io.charmkit.examples.temporal;

import io.charmkit.examples.temporal.relations.DatabaseConnections;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Service;
import io.charmkit.schema.codec.JsonStyle;
import io.charmkit.schema.codec.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the server charm puts into the workload: the Temporal configuration file rendered from the
 * two database connections, and the Pebble layer that runs {@code temporal-server}.
 *
 * @param logLevel the {@code log-level} option
 * @param services the Temporal services to run, in config order
 * @param connections the databases
 */
record ServerConfig(String logLevel, List<String> services, DatabaseConnections connections) {
  /** Where the configuration goes; {@code --env charm} makes the server read it. */
  static final String CONFIG_PATH = "/etc/temporal/config/charm.yaml";

  /** The layer label and the service name. */
  static final String SERVICE = "temporal";

  /** The gRPC and membership ports of each service (PRODUCTS.md §6.5). */
  private static final Map<String, int[]> PORTS =
      Map.of(
          "frontend", new int[] {7233, 6933},
          "history", new int[] {7234, 6934},
          "matching", new int[] {7235, 6935},
          "worker", new int[] {7239, 6939});

  /** The configuration file; every value is a JSON-quoted (hence YAML-safe) string or a number. */
  String render() {
    StringBuilder y = new StringBuilder();
    y.append("log:\n  stdout: true\n  level: ").append(q(logLevel)).append('\n');
    y.append("persistence:\n")
        .append("  numHistoryShards: 4\n")
        .append("  defaultStore: default\n")
        .append("  visibilityStore: visibility\n")
        .append("  datastores:\n");
    datastore(y, "default", connections.db());
    datastore(y, "visibility", connections.visibility());
    y.append("global:\n  membership:\n    maxJoinDuration: 30s\n");
    y.append("services:\n");
    for (String service : services) {
      int[] ports = PORTS.get(service);
      y.append("  ")
          .append(service)
          .append(":\n    rpc:\n      grpcPort: ")
          .append(ports[0])
          .append("\n      membershipPort: ")
          .append(ports[1])
          .append("\n      bindOnIP: \"0.0.0.0\"\n");
    }
    y.append("clusterMetadata:\n")
        .append("  enableGlobalNamespace: false\n")
        .append("  failoverVersionIncrement: 10\n")
        .append("  masterClusterName: active\n")
        .append("  currentClusterName: active\n")
        .append("  clusterInformation:\n")
        .append("    active:\n")
        .append("      enabled: true\n")
        .append("      initialFailoverVersion: 1\n")
        .append("      rpcName: frontend\n")
        .append("      rpcAddress: \"127.0.0.1:7233\"\n");
    return y.toString();
  }

  private static void datastore(StringBuilder y, String name, Map<String, String> conn) {
    y.append("    ")
        .append(name)
        .append(":\n      sql:\n        pluginName: postgres\n        databaseName: ")
        .append(q(conn.getOrDefault("dbname", "")))
        .append("\n        connectAddr: ")
        .append(q(conn.getOrDefault("host", "") + ":" + conn.getOrDefault("port", "5432")))
        .append("\n        connectProtocol: tcp\n        user: ")
        .append(q(conn.getOrDefault("user", "")))
        .append("\n        password: ")
        .append(q(conn.getOrDefault("password", "")))
        .append("\n        maxConns: 20\n        maxIdleConns: 20\n        maxConnLifetime: 1h\n");
  }

  private static String q(String text) {
    return JsonWriter.quote(text, JsonStyle.PYTHON);
  }

  /**
   * The layer: {@code temporal-server --env charm start --service=…} per service. The Python charm
   * put the whole template context, passwords included, into the service environment so that a
   * change forces a restart on replan; a digest of the rendered file does the same without showing
   * the passwords in the plan.
   */
  Layer layer() {
    StringBuilder command = new StringBuilder("temporal-server --env charm start");
    services.forEach(s -> command.append(" --service=").append(s));
    Service service =
        Service.builder(command.toString())
            .summary("temporal server")
            .override("replace")
            .enabled()
            .env("CHARM_CONFIG_DIGEST", digest(render()))
            .build();
    return Layer.of("temporal layer", Map.of(SERVICE, service));
  }

  private static String digest(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Leaves the passwords out. */
  @Override
  public String toString() {
    return "ServerConfig[" + logLevel + ", " + services + ", " + connections + "]";
  }
}
