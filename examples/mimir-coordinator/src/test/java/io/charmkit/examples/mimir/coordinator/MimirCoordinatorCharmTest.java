package io.charmkit.examples.mimir.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.FixedHost;
import io.charmkit.clustertesting.NginxContainers;
import io.charmkit.clustertesting.S3Bucket;
import io.charmkit.clustertesting.WorkerRelations;
import io.charmkit.coordinator.tls.ServerTls;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.model.StatusName;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Mimir coordinator, one event at a time, through the production dispatch loop. */
class MimirCoordinatorCharmTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final String FQDN = "mimir-0.mimir-endpoints.cos.svc.cluster.local";
  private static final String UUID = "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4";
  private static final ServerTls TLS =
      new ServerTls(
          "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
          "-----BEGIN CERTIFICATE-----\nSERVER\n-----END CERTIFICATE-----",
          "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----");

  private static Context context(TlsSource tls) {
    HostEnvironment host = FixedHost.of(FQDN);
    return new Context(fw -> new MimirCoordinatorCharm(fw, tls, host), METADATA)
        .withAppName("mimir");
  }

  private static final Context CTX = context(TlsSource.NONE);

  private static final WorkerRelations WORKERS =
      new WorkerRelations("mimir-cluster", "mimir-worker-k8s");

  private static final Relation S3 =
      new S3Bucket("http://s3.example:9000", "metrics", "AK", "SK").relation(50, "s3-integrator");

  private static State.Builder base() {
    return State.builder()
        .leader(true)
        .model("cos", UUID)
        .container(NginxContainers.NGINX)
        .container(NginxContainers.EXPORTER);
  }

  /** read and write workers, one unit each, S3, and a third worker with the given roles. */
  private static State.Builder readWriteAnd(String app, String roles) {
    return base()
        .relation(WORKERS.relation(1, "read", "read", 1))
        .relation(WORKERS.relation(2, "write", "write", 1))
        .relation(WORKERS.relation(3, app, roles, 1))
        .relation(S3);
  }

  /** read, write and backend workers, one unit each: every required role once. */
  private static State.Builder readWriteBackend() {
    return readWriteAnd("backend", "backend");
  }

  private static Outcome run(Context ctx, State.Builder state) {
    return ctx.run(Event.configChanged(), state.build());
  }

  private static Map<String, String> bag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localAppData();
  }

  private static String config(Outcome out, int id) {
    return CoordinatorAppData.CODEC.read(bag(out, id), "bag").workerConfig();
  }

  @Test
  void metadataMatchesTheRealCharm() {
    assertThat(METADATA.name()).isEqualTo("mimir-coordinator-k8s");
    assertThat(METADATA.endpoints().get("mimir-cluster").interfaceName())
        .isEqualTo("mimir_cluster");
    assertThat(METADATA.endpoints().get("mimir-peers").interfaceName()).isEqualTo("mimir_peers");
    assertThat(METADATA.containers()).containsExactly("nginx", "nginx-prometheus-exporter");
    assertThat(METADATA.options().get("metrics_retention_period").defaultValue()).contains("0");
  }

  @Test
  void readWriteAndBackendFormAClusterThatEveryWorkerGetsTheSameConfigOf() {
    Outcome out = run(CTX, readWriteBackend());

    assertThat(out.unitStatus())
        .isEqualTo(Status.active("[scale] below recommended units: ingester 1/3, querier 1/2."));
    String config = config(out, 1);
    assertThat(config)
        .contains("cluster_label: cos_" + UUID + "_mimir")
        .contains("bucket_name: metrics")
        .contains("insecure: true");
    for (int id = 1; id <= 3; id++) {
      assertThat(config(out, id)).as("config of relation %s", id).isEqualTo(config);
      assertThat(bag(out, id)).containsEntry("worker_ports", "[8080, 9095]");
    }
    assertThat(out.state().openedPorts()).containsExactly(Port.tcp(8080));
  }

  @Test
  void oneMonolithicWorkerIsEnough() {
    Outcome out =
        run(CTX, base().relation(WORKERS.relation(1, "mimir-worker", "all", 1)).relation(S3));

    assertThat(out.unitStatus().name()).isEqualTo(StatusName.ACTIVE);
    assertThat(config(out, 1)).contains("- mimir-worker-0.mimir-worker-endpoints.cos.svc");
  }

  @Test
  void aMissingRequiredRoleBlocksNamingItAndNothingIsPublished() {
    Outcome out = run(CTX, readWriteAnd("gateways", "store-gateway,compactor"));

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("[consistency] Cluster inconsistent: missing role ruler."));
    assertThat(bag(out, 1)).isEmpty();
    assertThat(out.state().openedPorts()).isEmpty();
  }

  @Test
  void alertmanagerAndQuerySchedulerAreOptional() {
    Outcome out = run(CTX, readWriteAnd("rest", "compactor,ruler,store-gateway"));

    assertThat(out.unitStatus().name()).isEqualTo(StatusName.ACTIVE);
  }

  @Test
  void withoutWorkersOrS3TheCoordinatorBlocksSayingWhich() {
    assertThat(run(CTX, base().relation(S3)).unitStatus())
        .isEqualTo(Status.blocked("[consistency] Missing any worker relation."));
    assertThat(run(CTX, base().relation(WORKERS.relation(1, "w", "all", 1))).unitStatus())
        .isEqualTo(Status.blocked("[s3] Missing S3 integration."));
  }

  @Test
  void anInvalidRetentionBlocksAndTheWorkersKeepEverything() {
    Outcome out = run(CTX, readWriteBackend().config("metrics_retention_period", "1 week"));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked("Invalid config option (see debug-log): retention_period=1 week"));
    assertThat(config(out, 1)).contains("  compactor_blocks_retention_period: 0\n");
  }

  @Test
  void aValidRetentionAndExemplarLimitReachTheWorkers() {
    Outcome out =
        run(
            CTX,
            readWriteBackend()
                .config("metrics_retention_period", "30d")
                .config("max_global_exemplars_per_user", 5));

    assertThat(config(out, 1))
        .contains("  compactor_blocks_retention_period: '30d'\n")
        .contains("  max_global_exemplars_per_user: 100000\n");
  }

  @Test
  void nginxServesTheApiOn8080WithTheHealthCheckAndStatusPage() {
    Outcome out = run(CTX, readWriteBackend());

    String conf = out.state().container("nginx").orElseThrow().files().get("/etc/nginx/nginx.conf");
    assertThat(conf)
        .contains("listen 8080;")
        .doesNotContain("listen 443")
        .contains("location = / {")
        .contains("location = /status {")
        .contains("location /api/v1/push {")
        .contains("server_name " + FQDN + ";");
  }

  @Test
  void underTlsNginxMovesTo443AndWorkersServeHttpsWithTheCoordinatorsCertificate() {
    Outcome out = run(context(() -> Optional.of(TLS)), readWriteBackend());

    String conf = out.state().container("nginx").orElseThrow().files().get("/etc/nginx/nginx.conf");
    assertThat(conf).contains("listen 443 ssl;").doesNotContain("listen 8080");
    assertThat(out.state().openedPorts()).containsExactly(Port.tcp(443));
    assertThat(config(out, 1))
        .contains(
            """
            server:
              http_tls_config:
                cert_file: /etc/worker/server.cert
                client_auth_type: RequestClientCert
                client_ca_file: /etc/worker/ca.cert
                key_file: /etc/worker/private.key
            """);
  }
}
