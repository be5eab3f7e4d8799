package io.charmkit.examples.pyroscope.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PyroscopeConfigTest {

  private static final S3Config S3 =
      new S3Config("https://s3.example", "profiles", "AK", "SK", "us-east-1", List.of("CA"));

  private static ClusterMembers members(WorkerBags... apps) {
    return ClusterMembers.of(ClusterView.read("cluster", RolesTable.PYROSCOPE, List.of(apps)));
  }

  @Test
  void aMonolithicWorkerWithDefaults() {
    String expected =
        """
        api: {}
        compactor:
          cleanup_interval: '15m'
          deletion_delay: '12h'
          sharding_ring:
            kvstore:
              store: memberlist
        distributor:
          ring:
            kvstore:
              store: memberlist
        ingester:
          lifecycler:
            ring:
              kvstore:
                store: memberlist
              replication_factor: 1
        limits:
          compactor_blocks_retention_period: '1d'
        memberlist:
          bind_port: 7946
          join_members:
          - pyroscope-worker-0.pw-endpoints.m.svc.cluster.local:7946
        pyroscopedb:
          data_path: /pyroscope-data
        server:
          http_listen_port: 4040
        storage:
          backend: s3
          s3:
            access_key_id: AK
            bucket_name: profiles
            endpoint: s3.example
            insecure: false
            region: us-east-1
            secret_access_key: SK
        store_gateway:
          sharding_ring:
            replication_factor: 1
        """;
    ClusterMembers members =
        members(WorkerBags.of("pw", "all", "pyroscope-worker-0.pw-endpoints.m.svc.cluster.local"));
    assertThat(new PyroscopeConfig(members, S3, PyroscopeSettings.DEFAULTS, null).render())
        .isEqualTo(expected);
  }

  @Test
  void ingestersAndStoreGatewaysReplicateIndependently() {
    ClusterMembers members =
        members(
            WorkerBags.of("all", "all", "a0"),
            WorkerBags.of("ing", "ingester", "i0", "i1"),
            WorkerBags.of("sg", "store-gateway", "s0"));
    String yaml = new PyroscopeConfig(members, S3, PyroscopeSettings.DEFAULTS, null).render();
    assertThat(yaml)
        .contains("      replication_factor: 3\n") // ingester: a0, i0, i1
        .contains("store_gateway:\n  sharding_ring:\n    replication_factor: 1\n"); // a0, s0
  }

  @Test
  void zeroBecomesTheIntegerZero() {
    String yaml =
        new PyroscopeConfig(
                members(WorkerBags.of("w", "all", "a")),
                S3,
                new PyroscopeSettings("0", "0", "1h"),
                null)
            .render();
    assertThat(yaml)
        .contains("  compactor_blocks_retention_period: 0\n")
        .contains("  deletion_delay: 0\n")
        .contains("  cleanup_interval: '1h'\n");
  }

  @Test
  void invalidSettingsDisableCleanupAndExplainWhy() {
    PyroscopeSettings bad = new PyroscopeSettings("1 day", "12h", "soon");
    assertThat(bad.validationMessage())
        .contains(
            "The following configurations are not valid: ['cleanup_interval', 'retention_period']");
    assertThat(bad.effective()).isEqualTo(new PyroscopeSettings("0", "0", "15m"));
    String yaml =
        new PyroscopeConfig(members(WorkerBags.of("w", "all", "a")), S3, bad, null).render();
    assertThat(yaml)
        .contains("  compactor_blocks_retention_period: 0\n")
        .contains("  deletion_delay: 0\n")
        .contains("  cleanup_interval: '15m'\n");
    assertThat(PyroscopeSettings.DEFAULTS.validationMessage()).isEmpty();
    assertThat(new PyroscopeSettings("30d", "500ms", "1w").invalidOptions()).isEmpty();
  }

  @Test
  void anIngressPathBecomesTheApiBaseUrl() {
    ClusterMembers members = members(WorkerBags.of("w", "all", "a"));
    assertThat(
            new PyroscopeConfig(
                    members, S3, PyroscopeSettings.DEFAULTS, "http://traefik/m-pyroscope")
                .render())
        .startsWith("api:\n  base-url: /m-pyroscope\n");
    assertThat(
            new PyroscopeConfig(members, S3, PyroscopeSettings.DEFAULTS, "http://traefik/")
                .render())
        .startsWith("api: {}\n");
  }

  @Test
  void theS3BlockOmitsTheCaPathAndAnAbsentRegion() {
    S3Config plain = new S3Config("minio:9000", "b", "AK", "SK", null, List.of("CA"));
    String yaml =
        new PyroscopeConfig(
                members(WorkerBags.of("w", "all", "a")), plain, PyroscopeSettings.DEFAULTS, null)
            .render();
    assertThat(yaml)
        .contains(
            """
              s3:
                access_key_id: AK
                bucket_name: b
                endpoint: minio:9000
                insecure: false
                secret_access_key: SK
            """)
        .doesNotContain("tls_ca_path")
        .doesNotContain("region");
  }

  @Test
  void theSameClusterInAnyOrderRendersByteIdentically() {
    List<WorkerBags> apps = new ArrayList<>();
    for (String role : RolesTable.PYROSCOPE.expand("all")) {
      apps.add(WorkerBags.of(role, role, role + "-1.ep", role + "-0.ep", role + "-2.ep"));
    }
    String first =
        new PyroscopeConfig(
                ClusterMembers.of(ClusterView.read("cluster", RolesTable.PYROSCOPE, apps)),
                S3,
                PyroscopeSettings.DEFAULTS,
                null)
            .render();
    Random random = new Random(3);
    for (int i = 0; i < 25; i++) {
      Collections.shuffle(apps, random);
      assertThat(
              new PyroscopeConfig(
                      ClusterMembers.of(ClusterView.read("cluster", RolesTable.PYROSCOPE, apps)),
                      S3,
                      PyroscopeSettings.DEFAULTS,
                      null)
                  .render())
          .isEqualTo(first);
    }
    assertThat(first).contains("  - ad-hoc-profiles-0.ep:7946\n  - ad-hoc-profiles-1.ep:7946\n");
  }

  @Test
  void everyRoleOpensHttpAndMemberlist() {
    for (String role : List.of("all", "querier", "ingester,distributor")) {
      assertThat(PyroscopePorts.workerPorts(role)).containsExactlyInAnyOrder(4040, 7946);
    }
  }

  @Test
  void theActiveMessageNamesTheUi() {
    assertThat(PyroscopeConfig.activeMessage("http://pyro:8080"))
        .isEqualTo("UI ready at http://pyro:8080");
  }
}
