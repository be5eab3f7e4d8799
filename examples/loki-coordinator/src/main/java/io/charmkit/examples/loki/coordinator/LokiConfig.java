package io.charmkit.examples.loki.coordinator;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.ring.Memberlist;
import io.charmkit.coordinator.ring.ReplicationFactor;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.coordinator.workload.WorkerFiles;
import io.charmkit.schema.yaml.YamlWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The configuration every Loki worker receives (PRODUCTS.md §4.3), as the Python coordinator's
 * plain maps dump it ({@code yaml.dump}: keys sorted, {@code null} kept). Each worker picks its
 * part with {@code -target}.
 *
 * @param members the cluster's workers
 * @param s3 the object storage
 * @param settings the coordinator's options; invalid ones are replaced by their defaults
 * @param externalUrl the coordinator's URL ({@code http(s)://<fqdn>:3100}), which Loki takes as its
 *     compactor address and the ruler's external URL
 * @param tls whether the workers serve HTTPS (the coordinator has a certificate)
 * @param clusterLabel the memberlist {@code cluster_label}: {@code <model>-cluster}
 * @param alertmanagerUrls the Alertmanager URLs the ruler notifies; empty when none
 */
public record LokiConfig(
    ClusterMembers members,
    S3Config s3,
    LokiSettings settings,
    String externalUrl,
    boolean tls,
    String clusterLabel,
    List<String> alertmanagerUrls) {

  /** Where Loki keeps its data in the worker container. */
  public static final String LOKI_DIR = "/loki";

  /** The role whose address count decides the common replication factor. */
  public static final String REPLICATED_ROLE = "backend";

  /** Copies the URLs. */
  public LokiConfig {
    alertmanagerUrls = List.copyOf(alertmanagerUrls);
  }

  /**
   * Returns the memberlist cluster label of a model, which keeps two Loki clusters from gossiping
   * with each other.
   *
   * @param model the Juju model's name
   * @return {@code <model>-cluster}
   */
  public static String clusterLabel(String model) {
    return model + "-cluster";
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
    LokiSettings effective = settings.effective();
    Map<String, Object> s3Block = s3Block();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("auth_enabled", false);
    config.put("chunk_store_config", Map.of("chunk_cache_config", embeddedCache()));
    Map<String, Object> common = new LinkedHashMap<>();
    common.put("path_prefix", LOKI_DIR);
    common.put("replication_factor", ReplicationFactor.forRole(members, REPLICATED_ROLE));
    common.put("compactor_grpc_address", externalUrl);
    common.put("storage", Map.of("s3", s3Block));
    config.put("common", common);
    config.put("compactor", compactor(effective.retentionPeriodDays()));
    config.put("frontend", Map.of("max_outstanding_per_tenant", 8192, "compress_responses", true));
    config.put(
        "ingester",
        Map.of(
            "wal",
            Map.of("dir", LOKI_DIR + "/chunks/wal", "enabled", true, "flush_on_shutdown", true)));
    config.put("limits_config", limits(effective));
    config.put(
        "memberlist",
        Map.of(
            "cluster_label",
            clusterLabel,
            "join_members",
            Memberlist.joinMembers(members.addresses())));
    config.put("querier", Map.of("max_concurrent", 20));
    config.put(
        "query_range",
        Map.of(
            "parallelise_shardable_queries",
            false,
            "results_cache",
            Map.of("cache", embeddedCache())));
    config.put("ruler", ruler());
    config.put("schema_config", Map.of("configs", List.of(schema())));
    Map<String, Object> storage = new LinkedHashMap<>();
    storage.put(
        "tsdb_shipper",
        Map.of(
            "active_index_directory",
            LOKI_DIR + "/index",
            "cache_location",
            LOKI_DIR + "/index_cache"));
    storage.put("aws", s3Block);
    config.put("storage_config", storage);
    config.put("server", server());
    config.put("analytics", Map.of("reporting_enabled", effective.reportingEnabled()));
    return config;
  }

  private static Map<String, Object> embeddedCache() {
    return Map.of("embedded_cache", Map.of("enabled", true));
  }

  /** Retention needs a store for delete requests: the same S3 bucket. */
  private static Map<String, Object> compactor(long retentionDays) {
    Map<String, Object> compactor = new LinkedHashMap<>();
    compactor.put("retention_enabled", retentionDays != 0);
    compactor.put("working_directory", LOKI_DIR + "/compactor");
    if (retentionDays != 0) {
      compactor.put("delete_request_store", "s3");
    }
    return compactor;
  }

  /** Per-stream limits equal the per-user ones, as the Python charm sets them. */
  private static Map<String, Object> limits(LokiSettings settings) {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("ingestion_rate_mb", (double) settings.ingestionRateMb());
    limits.put("ingestion_burst_size_mb", (double) settings.ingestionBurstSizeMb());
    limits.put("per_stream_rate_limit", settings.ingestionRateMb() + "MB");
    limits.put("per_stream_rate_limit_burst", settings.ingestionBurstSizeMb() + "MB");
    limits.put("max_global_streams_per_user", settings.maxGlobalStreamsPerUser());
    limits.put("max_line_size_truncate", true);
    limits.put("split_queries_by_interval", "0");
    limits.put("retention_period", settings.retentionPeriodDays() + "d");
    return limits;
  }

  private Map<String, Object> ruler() {
    Map<String, Object> ruler = new LinkedHashMap<>();
    ruler.put("alertmanager_url", String.join(",", new TreeSet<>(alertmanagerUrls)));
    ruler.put("external_url", externalUrl);
    ruler.put("enable_sharding", true);
    ruler.put("rule_path", "/data/data-ruler");
    ruler.put("enable_api", true);
    ruler.put("ring", Map.of("kvstore", Map.of("store", Memberlist.KV_STORE)));
    return ruler;
  }

  private static Map<String, Object> schema() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("from", "2024-08-06");
    schema.put("object_store", "s3");
    schema.put("schema", "v13");
    schema.put("store", "tsdb");
    schema.put("index", Map.of("period", "24h", "prefix", "index_"));
    return schema;
  }

  /** HTTPS on the workers' own port when the coordinator has a certificate; gRPC stays at 9095. */
  private Map<String, Object> server() {
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("http_listen_address", "0.0.0.0");
    server.put("http_listen_port", LokiPorts.HTTP);
    if (tls) {
      server.put(
          "http_tls_config", Map.of("cert_file", WorkerFiles.CERT, "key_file", WorkerFiles.KEY));
    }
    return server;
  }

  /**
   * Loki's S3 block, used both as the common storage and as {@code storage_config.aws}. The region
   * is written as {@code null} when the relation gives none, as the Python charm's dump does.
   */
  private Map<String, Object> s3Block() {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("bucketnames", s3.bucket());
    block.put("endpoint", s3.host());
    block.put("region", s3.region());
    block.put("access_key_id", s3.accessKey());
    block.put("secret_access_key", s3.secretKey());
    block.put("insecure", s3.insecure());
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("idle_conn_timeout", "90s");
    http.put("response_header_timeout", "0s");
    http.put("insecure_skip_verify", false);
    s3.tlsCaPath().ifPresent(path -> http.put("ca_file", path));
    block.put("http_config", http);
    block.put("s3forcepathstyle", true);
    return block;
  }
}
