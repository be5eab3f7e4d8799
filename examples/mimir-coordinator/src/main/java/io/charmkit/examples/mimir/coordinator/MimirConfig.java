package io.charmkit.examples.mimir.coordinator;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.ring.Memberlist;
import io.charmkit.coordinator.ring.ReplicationFactor;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.coordinator.workload.WorkerFiles;
import io.charmkit.schema.yaml.YamlWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The configuration every Mimir worker receives (PRODUCTS.md §5.3), as the Python coordinator
 * builds it: one map for all workers, each worker picking its components with {@code -target}.
 *
 * <p>Storage is always S3 here (the coordinator's gate waits for it), so the blocks, ruler and
 * alertmanager stores are the S3 bucket under the prefixes {@code blocks}, {@code rules} and {@code
 * alerts}, as the Python charm's S3 branch turns them.
 *
 * @param members the cluster's workers
 * @param s3 the object storage
 * @param tls whether the coordinator has a certificate (workers then serve HTTP over TLS)
 * @param settings the coordinator's options
 * @param clusterLabel the memberlist cluster label ({@link #clusterLabel(String, String, String)})
 * @param alertmanagerUrls the URLs of the Alertmanagers the ruler sends alerts to; empty for none
 */
public record MimirConfig(
    ClusterMembers members,
    S3Config s3,
    boolean tls,
    MimirSettings settings,
    String clusterLabel,
    Collection<String> alertmanagerUrls) {

  /** The data mount of the worker ({@code data} storage). */
  public static final String DATA = "/data";

  /** Copies the URLs into a sorted set, the order the Python charm joins them in. */
  public MimirConfig {
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(s3, "s3");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clusterLabel, "clusterLabel");
    alertmanagerUrls = List.copyOf(new TreeSet<>(alertmanagerUrls));
  }

  /**
   * Returns the memberlist cluster label: gossip from another model's or application's ring carries
   * another label and is dropped.
   *
   * @param model the model name
   * @param modelUuid the model UUID
   * @param application the coordinator application
   * @return {@code <model>_<uuid>_<application>}
   */
  public static String clusterLabel(String model, String modelUuid, String application) {
    return model + "_" + modelUuid + "_" + application;
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
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("common", Map.of("storage", Map.of("backend", "s3", "s3", s3Block())));
    config.put(
        "alertmanager",
        Map.of(
            "data_dir", DATA + "/data-alertmanager", "sharding_ring", replication("alertmanager")));
    config.put("alertmanager_storage", Map.of("storage_prefix", "alerts"));
    config.put("compactor", Map.of("data_dir", DATA + "/data-compactor"));
    config.put("frontend", frontend());
    config.put("frontend_worker", frontendWorker());
    config.put("ingester", Map.of("ring", replication("ingester")));
    config.put(
        "ruler",
        Map.of(
            "rule_path",
            DATA + "/data-ruler",
            "alertmanager_url",
            String.join(",", alertmanagerUrls)));
    config.put("ruler_storage", Map.of("storage_prefix", "rules"));
    config.put("store_gateway", Map.of("sharding_ring", replication("store-gateway")));
    Map<String, Object> blocks = new LinkedHashMap<>();
    blocks.put("bucket_store", Map.of("sync_dir", DATA + "/tsdb-sync"));
    blocks.put("storage_prefix", "blocks");
    blocks.put("tsdb", Map.of("dir", DATA + "/tsdb"));
    config.put("blocks_storage", blocks);
    config.put(
        "memberlist",
        Map.of(
            "cluster_label",
            clusterLabel,
            "join_members",
            Memberlist.joinMembers(members.addresses())));
    config.put("limits", limits());
    if (tls) {
      Map<String, Object> http = new LinkedHashMap<>();
      http.put("cert_file", WorkerFiles.CERT);
      http.put("key_file", WorkerFiles.KEY);
      http.put("client_ca_file", WorkerFiles.CLIENT_CA);
      http.put("client_auth_type", "RequestClientCert");
      // No gRPC TLS: the Python charm leaves it out (mimir-coordinator-k8s-operator #141).
      config.put("server", Map.of("http_tls_config", http));
    }
    return config;
  }

  private Map<String, Object> replication(String role) {
    return Map.of("replication_factor", ReplicationFactor.forRole(members, role));
  }

  /** Query-frontends register with the query-schedulers when there are any. */
  private Map<String, Object> frontend() {
    String schedulers = grpcAddresses("query-scheduler");
    return schedulers.isEmpty() ? Map.of() : Map.of("scheduler_address", schedulers);
  }

  /** Queriers pull from the query-schedulers, else from the query-frontends, else from nothing. */
  private Map<String, Object> frontendWorker() {
    String schedulers = grpcAddresses("query-scheduler");
    if (!schedulers.isEmpty()) {
      return Map.of("scheduler_address", schedulers);
    }
    String frontends = grpcAddresses("query-frontend");
    return frontends.isEmpty() ? Map.of() : Map.of("frontend_address", frontends);
  }

  /** {@code <host>:9095} of every worker running the role, sorted and comma-joined. */
  private String grpcAddresses(String role) {
    SortedSet<String> addresses = new TreeSet<>();
    members.addressesOf(role).forEach(a -> addresses.add(a + ":" + MimirPorts.GRPC));
    return String.join(",", addresses);
  }

  /** The drop-in with Mimir's own place for the CA: {@code http.tls_ca_path}. */
  private Map<String, Object> s3Block() {
    Map<String, Object> block = new LinkedHashMap<>(s3.dropIn());
    block.remove("tls_ca_path");
    s3.tlsCaPath().ifPresent(path -> block.put("http", Map.of("tls_ca_path", path)));
    return block;
  }

  /** Per-tenant limits; multi-tenancy is off, so they are global. */
  private Map<String, Object> limits() {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("ruler_max_rules_per_rule_group", 0);
    limits.put("ruler_max_rule_groups_per_tenant", 0);
    limits.put("max_global_series_per_user", 0);
    limits.put("ingestion_rate", 100_000);
    limits.put("ingestion_burst_size", 2_000_000);
    limits.put("max_global_exemplars_per_user", settings.effectiveExemplars());
    limits.put("compactor_blocks_retention_period", settings.effectiveRetention());
    return limits;
  }
}
