package io.charmkit.examples.pyroscope.coordinator;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.ring.Memberlist;
import io.charmkit.coordinator.ring.ReplicationFactor;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.schema.yaml.YamlWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration every Pyroscope worker receives (PRODUCTS.md §3.3), as the Python coordinator's
 * pydantic models dump it. Workers never use TLS: it terminates at the coordinator's nginx.
 *
 * @param members the cluster's workers
 * @param s3 the object storage
 * @param settings the data-cleanup options; invalid ones are replaced by {@link
 *     PyroscopeSettings#CLEANUP_DISABLED}
 * @param externalUrl the coordinator's most external HTTP URL, or {@code null}; a non-root path
 *     (ingress) becomes {@code api.base-url}
 */
public record PyroscopeConfig(
    ClusterMembers members, S3Config s3, PyroscopeSettings settings, String externalUrl) {

  /** Where workers keep their data ({@code data} storage). */
  public static final String DATA_PATH = "/pyroscope-data";

  /**
   * Returns the coordinator's active status message.
   *
   * @param url the most external HTTP URL
   * @return {@code UI ready at <url>}
   */
  public static String activeMessage(String url) {
    return "UI ready at " + url;
  }

  /**
   * Renders the configuration as YAML.
   *
   * @return the {@code worker_config} text
   */
  public String render() {
    return YamlWriter.write(tree());
  }

  /**
   * Returns the configuration as a tree of maps and lists.
   *
   * @return the configuration
   */
  public Map<String, Object> tree() {
    PyroscopeSettings effective = settings.effective();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("api", api());
    config.put("server", Map.of("http_listen_port", PyroscopePorts.HTTP));
    config.put("distributor", Map.of("ring", Map.of("kvstore", kvstore())));
    Map<String, Object> ingesterRing = new LinkedHashMap<>();
    ingesterRing.put("kvstore", kvstore());
    ingesterRing.put("replication_factor", ReplicationFactor.forRole(members, "ingester"));
    config.put("ingester", Map.of("lifecycler", Map.of("ring", ingesterRing)));
    config.put(
        "store_gateway",
        Map.of(
            "sharding_ring",
            Map.of("replication_factor", ReplicationFactor.forRole(members, "store-gateway"))));
    config.put(
        "memberlist",
        Map.of(
            "bind_port",
            Memberlist.PORT,
            "join_members",
            Memberlist.joinMembersWithPort(members.addresses())));
    config.put(
        "limits",
        Map.of("compactor_blocks_retention_period", zeroAsInteger(effective.retentionPeriod())));
    config.put("storage", Map.of("backend", "s3", "s3", s3Block()));
    Map<String, Object> compactor = new LinkedHashMap<>();
    compactor.put("cleanup_interval", effective.cleanupInterval());
    compactor.put("deletion_delay", zeroAsInteger(effective.deletionDelay()));
    compactor.put("sharding_ring", Map.of("kvstore", kvstore()));
    config.put("compactor", compactor);
    config.put("pyroscopedb", Map.of("data_path", DATA_PATH));
    return config;
  }

  private static Map<String, Object> kvstore() {
    return Map.of("store", Memberlist.KV_STORE);
  }

  /** The one dashed key of the config; an empty map unless ingress puts Pyroscope under a path. */
  private Map<String, Object> api() {
    Map<String, Object> api = new LinkedHashMap<>();
    if (externalUrl != null && !externalUrl.isEmpty()) {
      String path = URI.create(externalUrl).getRawPath();
      if (path != null && !path.isEmpty() && !path.equals("/")) {
        api.put("base-url", path);
      }
    }
    return api;
  }

  /** Pyroscope's S3 block: the drop-in without {@code tls_ca_path}. */
  private Map<String, Object> s3Block() {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("bucket_name", s3.bucket());
    block.put("endpoint", s3.host());
    block.put("access_key_id", s3.accessKey());
    block.put("secret_access_key", s3.secretKey());
    if (s3.region() != null) {
      block.put("region", s3.region());
    }
    block.put("insecure", s3.insecure());
    return block;
  }

  /** The Python charm writes {@code "0"} as the integer 0, which Pyroscope reads as "disabled". */
  private static Object zeroAsInteger(String span) {
    return span.equals("0") ? (Object) 0 : span;
  }
}
