package io.charmkit.examples.temporal;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Network;
import io.charmkit.testing.Relation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Relations, state keys and connection strings shared by the server tests. */
final class TemporalFixtures {
  static final String APP = "temporal-k8s";
  static final String STATE_KEY = "TemporalCharm/StoredState[state]";
  static final String DB_MASTER =
      "dbname=temporal-k8s_db host=10.1.2.3 port=5432 user=temporal_db_user password=s3cret1";
  static final String VISIBILITY_MASTER =
      "dbname=temporal-k8s_visibility host=10.1.2.3 port=5432 user=temporal_vis_user"
          + " password=s3cret2";

  /** The raw value PRODUCTS.md §6.4 shows for these two connections. */
  static final String DATABASE_CONNECTIONS_RAW =
      "{\"db\": {\"dbname\": \"temporal-k8s_db\", \"host\": \"10.1.2.3\", \"port\": \"5432\","
          + " \"user\": \"temporal_db_user\", \"password\": \"s3cret1\"}, \"visibility\":"
          + " {\"dbname\": \"temporal-k8s_visibility\", \"host\": \"10.1.2.3\", \"port\":"
          + " \"5432\", \"user\": \"temporal_vis_user\", \"password\": \"s3cret2\"}}";

  static final CharmMetadata META = CharmMetadata.load(Path.of(System.getProperty("user.dir")));

  private TemporalFixtures() {}

  /** A context whose runs also fail on any hook tool Juju 3.6 lacks. */
  static Juju36Context context() {
    return Juju36Context.of(new Context(TemporalCharm.class, META).withAppName(APP));
  }

  /** The peer relation the leader shares the pgsql requests through, with nothing shared yet. */
  static Relation peer() {
    return Relation.peer(TemporalCharm.PEER);
  }

  /** The peer relation carrying {@code shared} as its {@code interface.pgsql} value. */
  static Relation peerSharing(String shared) {
    return peer().withLocalAppData(Map.of("interface.pgsql", shared));
  }

  static Container workload() {
    return Container.connected(TemporalCharm.CONTAINER)
        .withExecutables("/usr/local/bin/temporal-server");
  }

  /** A pgsql relation whose provider unit has not answered yet. */
  static Relation pgsql(String endpoint) {
    return Relation.of(endpoint).withRemoteApp("postgresql");
  }

  /** A pgsql relation whose provider unit answered the request with {@code master}. */
  static Relation pgsqlAnswered(String endpoint, String master) {
    return pgsql(endpoint).withRemoteUnit(0, providerBag(APP + "_" + endpoint, master));
  }

  /** What a v1 pgsql provider writes in its unit bag. */
  static Map<String, String> providerBag(String database, String master) {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("database", database);
    bag.put("allowed-subnets", Network.DEFAULT_CIDR);
    bag.put("master", master);
    return bag;
  }

  static Map<String, String> keywords(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  static Map<String, String> dbConnection() {
    return keywords(
        "dbname",
        "temporal-k8s_db",
        "host",
        "10.1.2.3",
        "port",
        "5432",
        "user",
        "temporal_db_user",
        "password",
        "s3cret1");
  }

  static Map<String, String> visibilityConnection() {
    return keywords(
        "dbname",
        "temporal-k8s_visibility",
        "host",
        "10.1.2.3",
        "port",
        "5432",
        "user",
        "temporal_vis_user",
        "password",
        "s3cret2");
  }

  /** Stored state holding both connections. */
  static ServerState connected(boolean schemaReady) {
    return new ServerState(
        schemaReady, Map.of("db", dbConnection(), "visibility", visibilityConnection()), Map.of());
  }
}
