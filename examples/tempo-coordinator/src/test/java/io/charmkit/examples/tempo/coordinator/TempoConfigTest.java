package io.charmkit.examples.tempo.coordinator;

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

class TempoConfigTest {

  private static final String SVC = ".tempo-worker-endpoints.m.svc.cluster.local";

  private static final S3Config S3 =
      new S3Config("http://minio:9000", "tempo", "AK", "SK", null, List.of());

  private static ClusterMembers members(WorkerBags... apps) {
    return ClusterMembers.of(ClusterView.read("cluster", RolesTable.TEMPO, List.of(apps)));
  }

  @Test
  void aMonolithicWorkerWithoutTls() {
    ClusterMembers members = members(WorkerBags.of("tempo-worker", "all", "tempo-worker-0" + SVC));
    String expected =
        """
        auth_enabled: false
        compactor:
          compaction:
            block_retention: '720h'
            compacted_block_retention: '1h'
            compaction_window: '1h'
            max_compaction_objects: 1000000
          ring:
            kvstore:
              store: memberlist
        distributor:
          receivers:
            jaeger:
              protocols:
                grpc:
                  endpoint: '0.0.0.0:14250'
                thrift_http:
                  endpoint: '0.0.0.0:14268'
            otlp:
              protocols:
                grpc:
                  endpoint: '0.0.0.0:4317'
                http:
                  endpoint: '0.0.0.0:4318'
            zipkin:
              endpoint: '0.0.0.0:9411'
          ring:
            kvstore:
              store: memberlist
        ingester:
          lifecycler:
            ring:
              kvstore:
                store: memberlist
              replication_factor: 1
          max_block_bytes: 100
          max_block_duration: '30m'
          trace_idle_period: '10s'
        memberlist:
          abort_if_cluster_join_fails: false
          bind_port: 7946
          join_members:
          - tempo-worker-0.tempo-worker-endpoints.m.svc.cluster.local:7946
          tls_enabled: false
        querier:
          frontend_worker:
            frontend_address: localhost:9096
        server:
          grpc_listen_port: 9096
          http_listen_port: 3200
        storage:
          trace:
            backend: s3
            block:
              version: vParquet3
            pool:
              max_workers: 400
              queue_depth: 20000
            s3:
              access_key: AK
              bucket: tempo
              endpoint: minio:9000
              insecure: true
              secret_key: SK
            wal:
              path: /etc/tempo/tempo_wal
        """;
    assertThat(new TempoConfig(members, S3, false, 720, List.of()).render()).isEqualTo(expected);
  }

  @Test
  void threeIngestersReplicateThreeTimes() {
    ClusterMembers members =
        members(
            WorkerBags.of("ing", "ingester", "i0", "i1", "i2"), WorkerBags.of("x", "all", "a0"));
    assertThat(new TempoConfig(members, S3, false, 720, List.of()).render())
        .contains("      replication_factor: 3\n");
    ClusterMembers two = members(WorkerBags.of("ing", "ingester", "i0", "i1"));
    assertThat(new TempoConfig(two, S3, false, 720, List.of()).render())
        .contains("      replication_factor: 1\n");
  }

  @Test
  void queriersFindSeparateFrontendsThroughTheHeadlessService() {
    ClusterMembers members =
        members(
            WorkerBags.of(
                "tempo-querier",
                "querier",
                "tempo-querier-0.tempo-querier-endpoints.m.svc.cluster.local"),
            WorkerBags.of(
                "tempo-qf",
                "query-frontend",
                "tempo-qf-1.tempo-qf-endpoints.m.svc.cluster.local",
                "tempo-qf-0.tempo-qf-endpoints.m.svc.cluster.local"));
    assertThat(TempoConfig.frontendAddress(members))
        .isEqualTo("tempo-qf-endpoints.m.svc.cluster.local");
    assertThat(new TempoConfig(members, S3, false, 720, List.of()).render())
        .contains("    frontend_address: tempo-qf-endpoints.m.svc.cluster.local:9096\n");
  }

  @Test
  void queriersUseLocalhostWithoutFrontendsOrWhenEachRunsItsOwn() {
    assertThat(TempoConfig.frontendAddress(members(WorkerBags.of("q", "querier", "q0.s"))))
        .isEqualTo("localhost");
    assertThat(TempoConfig.frontendAddress(members(WorkerBags.of("a", "all", "a0.s", "a1.s"))))
        .isEqualTo("localhost");
    assertThat(
            TempoConfig.frontendAddress(
                members(WorkerBags.of("a", "all", "a0.s"), WorkerBags.of("q", "querier", "q0.s"))))
        .isEqualTo("s");
  }

  @Test
  void theS3BlockUsesTempoKeysAndDropsDefaultPorts() {
    S3Config s3 = new S3Config("https://s3.example:443", "b", "AK", "SK", "eu-1", List.of("CA"));
    String yaml =
        new TempoConfig(members(WorkerBags.of("w", "all", "a")), s3, false, 24, List.of()).render();
    assertThat(yaml)
        .contains(
            """
                s3:
                  access_key: AK
                  bucket: b
                  endpoint: s3.example
                  insecure: false
                  region: eu-1
                  secret_key: SK
                  tls_ca_path: /etc/worker/s3_ca.crt
            """)
        .contains("    block_retention: '24h'\n");
    assertThat(TempoConfig.withoutDefaultPort("minio:80")).isEqualTo("minio");
    assertThat(TempoConfig.withoutDefaultPort("minio:8080")).isEqualTo("minio:8080");
  }

  @Test
  void remoteWriteEnablesTheMetricsGeneratorWithSortedEndpoints() {
    String yaml =
        new TempoConfig(
                members(WorkerBags.of("w", "all", "a")),
                S3,
                false,
                720,
                List.of("http://prom-1:9090/api/v1/write", "http://prom-0:9090/api/v1/write"))
            .render();
    assertThat(yaml)
        .contains(
            """
            metrics_generator:
              processor:
                service_graphs: {}
                span_metrics: {}
              ring:
                kvstore:
                  store: memberlist
              storage:
                path: /etc/tempo/metrics_generator_wal
                remote_write:
                - url: http://prom-0:9090/api/v1/write
                - url: http://prom-1:9090/api/v1/write
            overrides:
              defaults:
                metrics_generator:
                  processors:
                  - span-metrics
                  - service-graphs
            """);
  }

  @Test
  void withoutRemoteWriteThereIsNoMetricsGenerator() {
    String yaml =
        new TempoConfig(members(WorkerBags.of("w", "all", "a")), S3, false, 720, List.of())
            .render();
    assertThat(yaml).doesNotContain("metrics_generator").doesNotContain("overrides");
  }

  @Test
  void tlsSecuresServersReceiversAndInternalClients() {
    ClusterMembers members = members(WorkerBags.of("w", "all", "w-1.svc", "w-0.svc"));
    String yaml =
        new TempoConfig(members, S3, true, 720, List.of("https://prom:9090/api/v1/write")).render();
    String serverTls =
        """
            cert_file: /etc/worker/server.cert
            client_auth_type: VerifyClientCertIfGiven
            client_ca_file: /usr/local/share/ca-certificates/ca.crt
            key_file: /etc/worker/private.key
        """;
    assertThat(yaml)
        .contains("  grpc_tls_config:\n" + serverTls)
        .contains("  http_tls_config:\n" + serverTls)
        .contains(
            """
                    http:
                      endpoint: '0.0.0.0:4318'
                      tls:
                        ca_file: /usr/local/share/ca-certificates/ca.crt
                        cert_file: /etc/worker/server.cert
                        key_file: /etc/worker/private.key
            """)
        .contains(
            """
            ingester_client:
              grpc_client_config:
                tls_ca_path: /usr/local/share/ca-certificates/ca.crt
                tls_cert_path: /etc/worker/server.cert
                tls_enabled: true
                tls_key_path: /etc/worker/private.key
                tls_server_name: w-0.svc
            """)
        .contains("metrics_generator_client:\n  grpc_client_config:\n")
        .contains(
            """
            memberlist:
              abort_if_cluster_join_fails: false
              bind_port: 7946
              join_members:
              - w-0.svc:7946
              - w-1.svc:7946
              tls_ca_path: /usr/local/share/ca-certificates/ca.crt
              tls_cert_path: /etc/worker/server.cert
              tls_enabled: true
              tls_key_path: /etc/worker/private.key
              tls_server_name: w-0.svc
            """)
        .contains(
            """
                - tls_config:
                    ca_file: /usr/local/share/ca-certificates/ca.crt
                    insecure_skip_verify: false
                  url: https://prom:9090/api/v1/write
            """)
        .contains(
            "  frontend_worker:\n    frontend_address: localhost:9096\n    grpc_client_config:\n");
  }

  @Test
  void theSameClusterInAnyOrderRendersByteIdentically() {
    List<WorkerBags> apps =
        new ArrayList<>(
            List.of(
                WorkerBags.of("q", "querier", "q-1.q-ep.m.svc", "q-0.q-ep.m.svc"),
                WorkerBags.of(
                    "f", "query-frontend", "f-0.f-ep.m.svc", "f-2.f-ep.m.svc", "f-1.f-ep.m.svc"),
                WorkerBags.of(
                    "i", "ingester", "i-2.i-ep.m.svc", "i-0.i-ep.m.svc", "i-1.i-ep.m.svc"),
                WorkerBags.of("d", "distributor", "d-0.d-ep.m.svc"),
                WorkerBags.of("c", "compactor", "c-0.c-ep.m.svc")));
    List<String> urls =
        new ArrayList<>(List.of("http://b/write", "http://a/write", "http://c/write"));
    String first =
        new TempoConfig(
                ClusterMembers.of(ClusterView.read("cluster", RolesTable.TEMPO, apps)),
                S3,
                true,
                48,
                urls)
            .render();
    Random random = new Random(42);
    for (int i = 0; i < 25; i++) {
      Collections.shuffle(apps, random);
      Collections.shuffle(urls, random);
      assertThat(
              new TempoConfig(
                      ClusterMembers.of(ClusterView.read("cluster", RolesTable.TEMPO, apps)),
                      S3,
                      true,
                      48,
                      urls)
                  .render())
          .isEqualTo(first);
    }
    assertThat(first).contains("tls_server_name: c-0.c-ep.m.svc\n");
  }
}
