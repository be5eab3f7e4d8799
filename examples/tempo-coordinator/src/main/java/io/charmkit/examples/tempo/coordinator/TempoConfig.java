package io.charmkit.examples.tempo.coordinator;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.ring.Memberlist;
import io.charmkit.coordinator.ring.ReplicationFactor;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.coordinator.workload.WorkerFiles;
import io.charmkit.schema.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The configuration every Tempo worker receives (PRODUCTS.md §2.4), as the Python coordinator's
 * pydantic models dump it (aliases, no nulls). The role is picked by each worker's {@code -target},
 * so the text is the same for all; it depends only on the inputs, never on their order.
 *
 * @param members the cluster's workers
 * @param s3 the object storage
 * @param tls whether the coordinator has certificates (workers then serve and dial with TLS)
 * @param retentionHours the {@code retention-period} option, in hours
 * @param remoteWriteUrls where the metrics-generator sends metrics; empty disables it
 */
public record TempoConfig(
    ClusterMembers members,
    S3Config s3,
    boolean tls,
    int retentionHours,
    List<String> remoteWriteUrls) {

  /** The WAL directory on the workers' {@code wal} storage. */
  public static final String WAL_PATH = "/etc/tempo/tempo_wal";

  /** The metrics-generator's WAL directory. */
  public static final String METRICS_GENERATOR_WAL_PATH = "/etc/tempo/metrics_generator_wal";

  /** The default {@code retention-period} option, in hours. */
  public static final int DEFAULT_RETENTION_HOURS = 720;

  /** Sorts and copies the remote-write URLs (the Python coordinator sorts them too). */
  public TempoConfig {
    remoteWriteUrls = List.copyOf(new TreeSet<>(remoteWriteUrls));
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
    config.put("auth_enabled", false);
    config.put("server", server());
    config.put("distributor", distributor());
    config.put("ingester", ingester());
    config.put("memberlist", memberlist());
    config.put("compactor", compactor());
    config.put("querier", querier());
    config.put("storage", Map.of("trace", traceStorage()));
    if (!remoteWriteUrls.isEmpty()) {
      config.put("metrics_generator", metricsGenerator());
      config.put(
          "overrides",
          Map.of(
              "defaults",
              Map.of(
                  "metrics_generator",
                  Map.of("processors", List.of("span-metrics", "service-graphs")))));
    }
    if (tls) {
      config.put("ingester_client", Map.of("grpc_client_config", clientTls()));
      config.put("metrics_generator_client", Map.of("grpc_client_config", clientTls()));
    }
    return config;
  }

  private Map<String, Object> server() {
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("http_listen_port", TempoPorts.HTTP);
    server.put("grpc_listen_port", TempoPorts.GRPC);
    if (tls) {
      Map<String, Object> serverTls = new LinkedHashMap<>();
      serverTls.put("cert_file", WorkerFiles.CERT);
      serverTls.put("key_file", WorkerFiles.KEY);
      serverTls.put("client_ca_file", WorkerFiles.ROOT_CA);
      serverTls.put("client_auth_type", "VerifyClientCertIfGiven");
      server.put("http_tls_config", serverTls);
      server.put("grpc_tls_config", serverTls);
    }
    return server;
  }

  private static Map<String, Object> ring() {
    return Map.of("kvstore", Map.of("store", Memberlist.KV_STORE));
  }

  /** Every receiver is enabled; only the ports the coordinator opens are gated. */
  private Map<String, Object> distributor() {
    Map<String, Object> receivers = new LinkedHashMap<>();
    receivers.put("zipkin", receiver(TempoReceiver.ZIPKIN));
    receivers.put(
        "otlp",
        Map.of(
            "protocols",
            Map.of(
                "grpc", receiver(TempoReceiver.OTLP_GRPC),
                "http", receiver(TempoReceiver.OTLP_HTTP))));
    receivers.put(
        "jaeger",
        Map.of(
            "protocols",
            Map.of(
                "grpc", receiver(TempoReceiver.JAEGER_GRPC),
                "thrift_http", receiver(TempoReceiver.JAEGER_THRIFT_HTTP))));
    return Map.of("ring", ring(), "receivers", receivers);
  }

  private Map<String, Object> receiver(TempoReceiver receiver) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("endpoint", "0.0.0.0:" + receiver.port());
    if (tls) {
      out.put(
          "tls",
          Map.of(
              "ca_file", WorkerFiles.ROOT_CA,
              "cert_file", WorkerFiles.CERT,
              "key_file", WorkerFiles.KEY));
    }
    return out;
  }

  private Map<String, Object> ingester() {
    Map<String, Object> ring = new LinkedHashMap<>();
    ring.put("kvstore", Map.of("store", Memberlist.KV_STORE));
    ring.put("replication_factor", ReplicationFactor.forRole(members, "ingester"));
    Map<String, Object> ingester = new LinkedHashMap<>();
    ingester.put("trace_idle_period", "10s");
    ingester.put("max_block_bytes", 100);
    ingester.put("max_block_duration", "30m");
    ingester.put("lifecycler", Map.of("ring", ring));
    return ingester;
  }

  private Map<String, Object> memberlist() {
    Map<String, Object> memberlist = new LinkedHashMap<>();
    memberlist.put("abort_if_cluster_join_fails", false);
    memberlist.put("bind_port", Memberlist.PORT);
    memberlist.put("join_members", Memberlist.joinMembersWithPort(members.addresses()));
    // The pydantic model's tls_enabled defaults to false rather than null, so it is always dumped.
    memberlist.put("tls_enabled", false);
    if (tls) {
      memberlist.putAll(clientTls());
    }
    return memberlist;
  }

  /**
   * Tempo's internal clients dial each other by IP, which the certificate does not list, so they
   * verify against the first worker's name instead.
   */
  private Map<String, Object> clientTls() {
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("tls_enabled", true);
    client.put("tls_cert_path", WorkerFiles.CERT);
    client.put("tls_key_path", WorkerFiles.KEY);
    client.put("tls_ca_path", WorkerFiles.ROOT_CA);
    client.put("tls_server_name", members.addresses().isEmpty() ? "" : members.addresses().first());
    return client;
  }

  private Map<String, Object> compactor() {
    Map<String, Object> compaction = new LinkedHashMap<>();
    compaction.put("compaction_window", "1h");
    compaction.put("max_compaction_objects", 1000000);
    compaction.put("block_retention", retentionHours + "h");
    compaction.put("compacted_block_retention", "1h");
    return Map.of("ring", ring(), "compaction", compaction);
  }

  private Map<String, Object> querier() {
    Map<String, Object> frontendWorker = new LinkedHashMap<>();
    frontendWorker.put("frontend_address", frontendAddress(members) + ":" + TempoPorts.GRPC);
    if (tls) {
      frontendWorker.put("grpc_client_config", clientTls());
    }
    return Map.of("frontend_worker", frontendWorker);
  }

  /**
   * Where queriers find a query-frontend: {@code localhost} when there is none, or when every
   * querier is also a query-frontend (the {@code all} case, tempo-operators #304), so that each
   * querier serves its own frontend; otherwise the workers' headless service, taken from the first
   * query-frontend's name without its first label.
   */
  static String frontendAddress(ClusterMembers members) {
    SortedSet<String> frontends = members.addressesOf("query-frontend");
    SortedSet<String> queriers = members.addressesOf("querier");
    if (frontends.isEmpty() || (!queriers.isEmpty() && frontends.containsAll(queriers))) {
      return "localhost";
    }
    return frontends.first().replaceFirst("^[^.]+\\.", "");
  }

  private Map<String, Object> traceStorage() {
    Map<String, Object> s3Block = new LinkedHashMap<>();
    s3Block.put("bucket", s3.bucket());
    s3Block.put("access_key", s3.accessKey());
    s3Block.put("endpoint", withoutDefaultPort(s3.host()));
    if (s3.region() != null) {
      s3Block.put("region", s3.region());
    }
    s3Block.put("secret_key", s3.secretKey());
    s3Block.put("insecure", s3.insecure());
    s3.tlsCaPath().ifPresent(path -> s3Block.put("tls_ca_path", path));

    Map<String, Object> trace = new LinkedHashMap<>();
    trace.put("wal", Map.of("path", WAL_PATH));
    trace.put("pool", Map.of("max_workers", 400, "queue_depth", 20000));
    trace.put("backend", "s3");
    trace.put("s3", s3Block);
    // Tempo ≥ 2.4 needs vParquet3 or later for search.
    trace.put("block", Map.of("version", "vParquet3"));
    return trace;
  }

  /** Tempo's S3 client misreads {@code host:80} as IPv6, so default ports are dropped. */
  static String withoutDefaultPort(String host) {
    for (String suffix : List.of(":80", ":443")) {
      if (host.endsWith(suffix)) {
        return host.substring(0, host.length() - suffix.length());
      }
    }
    return host;
  }

  private Map<String, Object> metricsGenerator() {
    List<Object> remoteWrite = new ArrayList<>();
    for (String url : remoteWriteUrls) {
      Map<String, Object> endpoint = new LinkedHashMap<>();
      endpoint.put("url", url);
      if (tls) {
        // Assumes Prometheus shares the coordinator's CA.
        endpoint.put(
            "tls_config", Map.of("ca_file", WorkerFiles.ROOT_CA, "insecure_skip_verify", false));
      }
      remoteWrite.add(endpoint);
    }
    Map<String, Object> storage = new LinkedHashMap<>();
    storage.put("path", METRICS_GENERATOR_WAL_PATH);
    storage.put("remote_write", remoteWrite);
    return Map.of(
        "ring",
        ring(),
        "storage",
        storage,
        "processor",
        Map.of("span_metrics", Map.of(), "service_graphs", Map.of()));
  }
}
