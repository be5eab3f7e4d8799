package io.charmkit.examples.loki.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The worker configuration Loki's coordinator renders (PRODUCTS.md §4.3). */
class LokiConfigTest {
  private static final S3Config S3 =
      new S3Config("http://minio.example:9000", "loki", "AK", "SK", "us-east-1", List.of());
  private static final String URL = "http://loki-0.loki-endpoints.cos.svc.cluster.local:3100";

  private static ClusterMembers members(WorkerBags... apps) {
    return ClusterMembers.of(ClusterView.read("loki-cluster", RolesTable.LOKI, List.of(apps)));
  }

  /** One worker application per simple-scalable target, one unit each. */
  private static ClusterMembers simpleScalable() {
    return members(
        WorkerBags.of("read", "read", "read-0.read-endpoints.cos.svc.cluster.local"),
        WorkerBags.of("write", "write", "write-0.write-endpoints.cos.svc.cluster.local"),
        WorkerBags.of("backend", "backend", "backend-0.backend-endpoints.cos.svc.cluster.local"));
  }

  private static LokiConfig config(ClusterMembers members, S3Config s3, LokiSettings settings) {
    return new LokiConfig(members, s3, settings, URL, false, "cos-cluster", List.of());
  }

  @Test
  void aSmallSimpleScalableClusterWithDefaults() {
    String expected =
        """
        analytics:
          reporting_enabled: true
        auth_enabled: false
        chunk_store_config:
          chunk_cache_config:
            embedded_cache:
              enabled: true
        common:
          compactor_grpc_address: http://loki-0.loki-endpoints.cos.svc.cluster.local:3100
          path_prefix: /loki
          replication_factor: 1
          storage:
            s3:
              access_key_id: AK
              bucketnames: loki
              endpoint: minio.example:9000
              http_config:
                idle_conn_timeout: '90s'
                insecure_skip_verify: false
                response_header_timeout: '0s'
              insecure: true
              region: us-east-1
              s3forcepathstyle: true
              secret_access_key: SK
        compactor:
          delete_request_store: s3
          retention_enabled: true
          working_directory: /loki/compactor
        frontend:
          compress_responses: true
          max_outstanding_per_tenant: 8192
        ingester:
          wal:
            dir: /loki/chunks/wal
            enabled: true
            flush_on_shutdown: true
        limits_config:
          ingestion_burst_size_mb: 15.0
          ingestion_rate_mb: 4.0
          max_global_streams_per_user: 5000
          max_line_size_truncate: true
          per_stream_rate_limit: '4MB'
          per_stream_rate_limit_burst: '15MB'
          retention_period: '15d'
          split_queries_by_interval: '0'
        memberlist:
          cluster_label: cos-cluster
          join_members:
          - backend-0.backend-endpoints.cos.svc.cluster.local
          - read-0.read-endpoints.cos.svc.cluster.local
          - write-0.write-endpoints.cos.svc.cluster.local
        querier:
          max_concurrent: 20
        query_range:
          parallelise_shardable_queries: false
          results_cache:
            cache:
              embedded_cache:
                enabled: true
        ruler:
          alertmanager_url: ''
          enable_api: true
          enable_sharding: true
          external_url: http://loki-0.loki-endpoints.cos.svc.cluster.local:3100
          ring:
            kvstore:
              store: memberlist
          rule_path: /data/data-ruler
        schema_config:
          configs:
          - from: '2024-08-06'
            index:
              period: '24h'
              prefix: index_
            object_store: s3
            schema: v13
            store: tsdb
        server:
          http_listen_address: '0.0.0.0'
          http_listen_port: 3100
        storage_config:
          aws:
            access_key_id: AK
            bucketnames: loki
            endpoint: minio.example:9000
            http_config:
              idle_conn_timeout: '90s'
              insecure_skip_verify: false
              response_header_timeout: '0s'
            insecure: true
            region: us-east-1
            s3forcepathstyle: true
            secret_access_key: SK
          tsdb_shipper:
            active_index_directory: /loki/index
            cache_location: /loki/index_cache
        """;
    assertThat(config(simpleScalable(), S3, LokiSettings.DEFAULTS).render()).isEqualTo(expected);
  }

  @Test
  void threeBackendAddressesTurnReplicationOnWhateverTheOtherRolesCount() {
    ClusterMembers members =
        members(
            WorkerBags.of("read", "read", "r0", "r1", "r2", "r3"),
            WorkerBags.of("write", "write", "w0", "w1", "w2"),
            WorkerBags.of("backend", "backend", "b0", "b1"));
    assertThat(at(config(members, S3, LokiSettings.DEFAULTS).tree(), "common"))
        .containsEntry("replication_factor", 1);

    ClusterMembers threeBackends =
        members(
            WorkerBags.of("read", "read", "r0"),
            WorkerBags.of("write", "write", "w0"),
            WorkerBags.of("backend", "backend", "b0", "b1", "b2"));
    assertThat(at(config(threeBackends, S3, LokiSettings.DEFAULTS).tree(), "common"))
        .containsEntry("replication_factor", 3);
  }

  @Test
  void allCountsAsBackendForReplicationAndJoinsTheRingOnce() {
    ClusterMembers members =
        members(
            WorkerBags.of("loki", "all", "a0", "a1"),
            WorkerBags.of("backend", "backend", "a1", "b0"));
    Map<String, Object> tree = config(members, S3, LokiSettings.DEFAULTS).tree();

    assertThat(at(tree, "common")).containsEntry("replication_factor", 3);
    assertThat(at(tree, "memberlist")).containsEntry("join_members", List.of("a0", "a1", "b0"));
  }

  @Test
  void theRingIsTheSameWhateverOrderTheWorkersArriveIn() {
    List<WorkerBags> apps =
        new ArrayList<>(
            List.of(
                WorkerBags.of("read", "read", "r1", "r0"),
                WorkerBags.of("write", "write", "w0"),
                WorkerBags.of("backend", "backend", "b1", "b0"),
                WorkerBags.of("monolith", "all", "m0")));
    String first =
        config(members(apps.toArray(WorkerBags[]::new)), S3, LokiSettings.DEFAULTS).render();
    Random random = new Random(14);
    for (int i = 0; i < 10; i++) {
      Collections.shuffle(apps, random);
      assertThat(
              config(members(apps.toArray(WorkerBags[]::new)), S3, LokiSettings.DEFAULTS).render())
          .isEqualTo(first);
    }
  }

  @Test
  void tlsServesHttpsWithTheCoordinatorsCertificate() {
    Map<String, Object> tree =
        new LokiConfig(
                simpleScalable(),
                S3,
                LokiSettings.DEFAULTS,
                "https://coord:3100",
                true,
                "cos-cluster",
                List.of())
            .tree();

    assertThat(at(tree, "server"))
        .containsEntry(
            "http_tls_config",
            Map.of("cert_file", "/etc/worker/server.cert", "key_file", "/etc/worker/private.key"));
    assertThat(at(tree, "common")).containsEntry("compactor_grpc_address", "https://coord:3100");
  }

  @Test
  void anS3CaChainIsTrustedAndAMissingRegionIsNull() {
    S3Config s3 =
        new S3Config("https://s3.example", "logs", "AK", "SK", null, List.of("-----CA-----"));
    String text = config(simpleScalable(), s3, LokiSettings.DEFAULTS).render();

    assertThat(text)
        .contains(
            """
                  http_config:
                    ca_file: /etc/worker/s3_ca.crt
                    idle_conn_timeout: '90s'
            """)
        .contains("    insecure: false\n")
        .contains("    region: null\n")
        .contains("    endpoint: s3.example\n");
  }

  @Test
  void retentionZeroKeepsLogsForeverWithoutADeleteStore() {
    LokiSettings forever = new LokiSettings(4, 15, 5000, 0, false);
    Map<String, Object> tree = config(simpleScalable(), S3, forever).tree();

    assertThat(at(tree, "compactor"))
        .containsEntry("retention_enabled", false)
        .doesNotContainKey("delete_request_store");
    assertThat(at(tree, "limits_config")).containsEntry("retention_period", "0d");
    assertThat(at(tree, "analytics")).containsEntry("reporting_enabled", false);
  }

  @Test
  void ratesAreFloatsAndPerStreamLimitsFollowThem() {
    LokiSettings settings = new LokiSettings(10, 20, -7, 30, true);
    Map<String, Object> limits = at(config(simpleScalable(), S3, settings).tree(), "limits_config");

    assertThat(limits)
        .containsEntry("ingestion_rate_mb", 10.0)
        .containsEntry("ingestion_burst_size_mb", 20.0)
        .containsEntry("per_stream_rate_limit", "10MB")
        .containsEntry("per_stream_rate_limit_burst", "20MB")
        .containsEntry("max_global_streams_per_user", 0L)
        .containsEntry("retention_period", "30d");
  }

  @Test
  void invalidOptionsAreNamedAndReplacedByTheirDefaults() {
    LokiSettings bad = new LokiSettings(0, 15, 5000, -1, true);

    assertThat(bad.validationMessage())
        .contains(
            "Invalid config option(s): ingestion-rate-mb=0, retention-period=-1; using the"
                + " defaults for them");
    assertThat(bad.effective()).isEqualTo(LokiSettings.DEFAULTS);
    assertThat(LokiSettings.DEFAULTS.validationMessage()).isEmpty();
  }

  @Test
  void alertmanagerUrlsAreSortedAndCommaJoined() {
    Map<String, Object> tree =
        new LokiConfig(
                simpleScalable(),
                S3,
                LokiSettings.DEFAULTS,
                URL,
                false,
                "cos-cluster",
                List.of("http://am-1:9093", "http://am-0:9093"))
            .tree();

    assertThat(at(tree, "ruler"))
        .containsEntry("alertmanager_url", "http://am-0:9093,http://am-1:9093");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> at(Map<String, Object> tree, String key) {
    return (Map<String, Object>) tree.get(key);
  }
}
