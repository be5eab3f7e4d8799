package io.charmkit.examples.mimir.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker configuration the Mimir coordinator renders (PRODUCTS.md §5.3). */
class MimirConfigTest {

  private static final S3Config S3 =
      new S3Config("http://s3.example:9000", "metrics", "AK", "SK", "us-east-1", List.of());
  private static final String LABEL = MimirConfig.clusterLabel("cos", "uuid-1", "mimir");

  private static ClusterMembers members(WorkerBags... apps) {
    return ClusterMembers.of(ClusterView.read("mimir-cluster", RolesTable.MIMIR, List.of(apps)));
  }

  private static String render(ClusterMembers members, MimirSettings settings, boolean tls) {
    return new MimirConfig(members, S3, tls, settings, LABEL, List.of()).render();
  }

  /** read + write + backend, one unit each: the smallest coherent split. */
  private static ClusterMembers readWriteBackend() {
    return members(
        WorkerBags.of("read", "read", "read-0.svc"),
        WorkerBags.of("write", "write", "write-0.svc"),
        WorkerBags.of("backend", "backend", "backend-0.svc"));
  }

  @Test
  void readWriteBackendOneUnitEach() {
    String expected =
        """
        alertmanager:
          data_dir: /data/data-alertmanager
          sharding_ring:
            replication_factor: 1
        alertmanager_storage:
          storage_prefix: alerts
        blocks_storage:
          bucket_store:
            sync_dir: /data/tsdb-sync
          storage_prefix: blocks
          tsdb:
            dir: /data/tsdb
        common:
          storage:
            backend: s3
            s3:
              access_key_id: AK
              bucket_name: metrics
              endpoint: s3.example:9000
              insecure: true
              region: us-east-1
              secret_access_key: SK
        compactor:
          data_dir: /data/data-compactor
        frontend:
          scheduler_address: backend-0.svc:9095
        frontend_worker:
          scheduler_address: backend-0.svc:9095
        ingester:
          ring:
            replication_factor: 1
        limits:
          compactor_blocks_retention_period: 0
          ingestion_burst_size: 2000000
          ingestion_rate: 100000
          max_global_exemplars_per_user: 0
          max_global_series_per_user: 0
          ruler_max_rule_groups_per_tenant: 0
          ruler_max_rules_per_rule_group: 0
        memberlist:
          cluster_label: cos_uuid-1_mimir
          join_members:
          - backend-0.svc
          - read-0.svc
          - write-0.svc
        ruler:
          alertmanager_url: ''
          rule_path: /data/data-ruler
        ruler_storage:
          storage_prefix: rules
        store_gateway:
          sharding_ring:
            replication_factor: 1
        """;
    assertThat(render(readWriteBackend(), MimirSettings.DEFAULTS, false)).isEqualTo(expected);
  }

  @Test
  void threeUnitsOfARoleReplicateItsRingOnly() {
    ClusterMembers members =
        members(
            WorkerBags.of("all", "all", "a0"),
            WorkerBags.of("ing", "ingester", "i0", "i1"),
            WorkerBags.of("am", "alertmanager", "m0", "m1", "m2"));

    String yaml = render(members, MimirSettings.DEFAULTS, false);

    assertThat(yaml)
        .contains("ingester:\n  ring:\n    replication_factor: 3\n") // a0, i0, i1
        .contains(
            "alertmanager:\n  data_dir: /data/data-alertmanager\n  sharding_ring:\n"
                + "    replication_factor: 3\n")
        .contains("store_gateway:\n  sharding_ring:\n    replication_factor: 1\n");
  }

  @Test
  void withoutQuerySchedulersQueriersReachEveryQueryFrontend() {
    ClusterMembers members =
        members(
            WorkerBags.of("mono", "all", "m1.svc", "m0.svc"),
            WorkerBags.of("qf", "query-frontend", "q0.svc"));

    String yaml = render(members, MimirSettings.DEFAULTS, false);

    assertThat(yaml)
        .contains("frontend: {}\n")
        .contains("frontend_worker:\n  frontend_address: 'm0.svc:9095,m1.svc:9095,q0.svc:9095'\n");
  }

  @Test
  void anS3CaChainIsTrustedThroughMimirsHttpBlock() {
    S3Config withCa =
        new S3Config("https://s3.example", "metrics", "AK", "SK", null, List.of("PEM"));
    String yaml =
        new MimirConfig(
                members(WorkerBags.of("w", "all", "a")),
                withCa,
                false,
                MimirSettings.DEFAULTS,
                LABEL,
                List.of())
            .render();

    assertThat(yaml)
        .contains(
            """
                s3:
                  access_key_id: AK
                  bucket_name: metrics
                  endpoint: s3.example
                  http:
                    tls_ca_path: /etc/worker/s3_ca.crt
                  insecure: false
                  secret_access_key: SK
            """);
  }

  @Test
  void settingsRetentionAndExemplars() {
    assertThat(new MimirSettings("1w", 0).effectiveRetention()).isEqualTo("1w");
    assertThat(new MimirSettings("0", 0).effectiveRetention()).isEqualTo(0);
    assertThat(new MimirSettings("1week", 0).effectiveRetention()).isEqualTo(0);
    assertThat(new MimirSettings("1week", 0).validationMessage())
        .contains("Invalid config option (see debug-log): retention_period=1week");
    assertThat(new MimirSettings("500ms", 0).validationMessage()).isEmpty();
    assertThat(new MimirSettings("0", -5).effectiveExemplars()).isZero();
    assertThat(new MimirSettings("0", 10).effectiveExemplars()).isEqualTo(100_000);
    assertThat(new MimirSettings("0", 250_000).effectiveExemplars()).isEqualTo(250_000);
  }
}
