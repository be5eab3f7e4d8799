package io.charmkit.examples.loki.coordinator;

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
import io.charmkit.ops.pebble.Service;
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

/** The Loki coordinator, one event at a time, through the production dispatch loop. */
class LokiCoordinatorCharmTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final String FQDN = "loki-0.loki-endpoints.cos.svc.cluster.local";
  private static final HostEnvironment HOST = FixedHost.of(FQDN);
  private static final Context CTX =
      new Context(fw -> new LokiCoordinatorCharm(fw, TlsSource.NONE, HOST), METADATA)
          .withAppName("loki");
  private static final ServerTls TLS =
      new ServerTls(
          "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
          "-----BEGIN CERTIFICATE-----\nSERVER\n-----END CERTIFICATE-----",
          "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----");

  /** The S3 stand-in's bag; {@link LokiMonolithicFallbackTest} uses it too. */
  static final Relation S3 =
      new S3Bucket("http://minio.example:9000", "loki", "AK", "SK").relation(50, "s3-standin");

  private static final WorkerRelations WORKERS =
      new WorkerRelations("loki-cluster", "loki-worker-k8s");

  private static State.Builder withContainers(State.Builder state) {
    return state
        .leader(true)
        .model("cos", "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4")
        .container(NginxContainers.NGINX)
        .container(NginxContainers.EXPORTER);
  }

  private static Outcome run(Context ctx, State.Builder state) {
    return ctx.run(Event.configChanged(), withContainers(state).build());
  }

  private static Outcome run(State.Builder state) {
    return run(CTX, state);
  }

  private static Map<String, String> bag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localAppData();
  }

  private static String workerConfig(Outcome out, int id) {
    return CoordinatorAppData.CODEC.read(bag(out, id), "bag").workerConfig();
  }

  private static State.Builder simpleScalable(int units) {
    return State.builder()
        .relation(WORKERS.relation(1, "read", "read", units))
        .relation(WORKERS.relation(2, "write", "write", units))
        .relation(WORKERS.relation(3, "backend", "backend", units))
        .relation(S3);
  }

  @Test
  void metadataMatchesTheRealCharm() {
    assertThat(METADATA.name()).isEqualTo("loki-coordinator-k8s");
    assertThat(METADATA.endpoints().get("loki-cluster").interfaceName()).isEqualTo("loki_cluster");
    assertThat(METADATA.endpoints().get("logging-consumer").interfaceName())
        .isEqualTo("loki_push_api");
    assertThat(METADATA.endpoints().get("loki-peers").interfaceName()).isEqualTo("loki_peers");
    // loki: only used with monolithic-fallback on (LokiMonolithicFallbackTest).
    assertThat(METADATA.containers())
        .containsExactlyInAnyOrder("nginx", "nginx-prometheus-exporter", "loki");
    assertThat(METADATA.options().get("retention-period").defaultValue()).contains(15L);
  }

  @Test
  void readWriteAndBackendAtTheRecommendedScaleAreActiveWithAnEmptyMessage() {
    Outcome out = run(simpleScalable(3));

    assertThat(out.unitStatus()).isEqualTo(Status.active(""));
    for (int id = 1; id <= 3; id++) {
      assertThat(bag(out, id)).containsEntry("worker_ports", "[3100]");
      // Every worker application receives the same configuration.
      assertThat(workerConfig(out, id)).isEqualTo(workerConfig(out, 1));
    }
    assertThat(workerConfig(out, 1))
        .contains("replication_factor: 3")
        .contains("cluster_label: cos-cluster")
        .contains("compactor_grpc_address: http://" + FQDN + ":3100")
        .contains("bucketnames: loki");
    assertThat(out.state().openedPorts()).containsExactly(Port.tcp(3100));
  }

  @Test
  void oneUnitPerRoleIsActiveAndNamesTheUnderScaledRoles() {
    Outcome out = run(simpleScalable(1));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active("[scale] below recommended units: backend 1/3, read 1/3, write 1/3."));
    assertThat(workerConfig(out, 1)).contains("replication_factor: 1");
  }

  @Test
  void aMonolithicAllWorkerAloneIsACoherentCluster() {
    Outcome out =
        run(State.builder().relation(WORKERS.relation(1, "loki-worker", "all", 3)).relation(S3));

    assertThat(out.unitStatus()).isEqualTo(Status.active(""));
    assertThat(bag(out, 1)).containsEntry("worker_ports", "[3100]");
    assertThat(workerConfig(out, 1)).contains("replication_factor: 3");
  }

  @Test
  void aMissingRequiredRoleBlocksNamingItAndPublishesNothing() {
    Outcome out =
        run(
            State.builder()
                .relation(WORKERS.relation(1, "read", "read", 1))
                .relation(WORKERS.relation(2, "write", "write", 1))
                .relation(S3));

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("[consistency] Cluster inconsistent: missing role backend."));
    assertThat(bag(out, 1)).isEmpty();
    assertThat(bag(out, 2)).isEmpty();
  }

  @Test
  void twoMissingRolesAreBothNamed() {
    Outcome out =
        run(State.builder().relation(WORKERS.relation(1, "read", "read", 1)).relation(S3));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked("[consistency] Cluster inconsistent: missing roles backend, write."));
  }

  @Test
  void withoutWorkersOrS3TheCoordinatorSaysWhatIsMissing() {
    assertThat(run(State.builder().relation(S3)).unitStatus())
        .isEqualTo(Status.blocked("[consistency] Missing any worker relation."));
    assertThat(
            run(State.builder()
                    .relation(WORKERS.relation(1, "read", "read", 1))
                    .relation(WORKERS.relation(2, "write", "write", 1))
                    .relation(WORKERS.relation(3, "backend", "backend", 1)))
                .unitStatus())
        .isEqualTo(Status.blocked("[s3] Missing S3 integration."));
  }

  @Test
  void nginxListensOn3100AndTheExporterScrapesItThere() {
    Outcome out = run(simpleScalable(1));

    String conf = out.state().container("nginx").orElseThrow().files().get("/etc/nginx/nginx.conf");
    assertThat(conf)
        .contains("listen 3100;")
        .contains("server_name " + FQDN + ";")
        .contains("resolver 10.152.183.10;");
    Service exporter =
        out.state()
            .container("nginx-prometheus-exporter")
            .orElseThrow()
            .plan()
            .services()
            .get("nginx-prometheus-exporter");
    assertThat(exporter.command())
        .isEqualTo(
            "nginx-prometheus-exporter --web.listen-address=:9113"
                + " --nginx.scrape-uri=http://127.0.0.1:3100/status");
  }

  @Test
  void underTlsEverythingStaysOn3100AndTheWorkersServeHttps() {
    Context tls =
        new Context(fw -> new LokiCoordinatorCharm(fw, () -> Optional.of(TLS), HOST), METADATA)
            .withAppName("loki");
    Outcome out = run(tls, simpleScalable(1));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active("[scale] below recommended units: backend 1/3, read 1/3, write 1/3."));
    String conf = out.state().container("nginx").orElseThrow().files().get("/etc/nginx/nginx.conf");
    assertThat(conf).contains("listen 3100 ssl;").doesNotContain("listen 443");
    assertThat(
            out.state()
                .container("nginx-prometheus-exporter")
                .orElseThrow()
                .plan()
                .services()
                .get("nginx-prometheus-exporter")
                .command())
        .endsWith("--nginx.scrape-uri=https://127.0.0.1:3100/status");
    assertThat(workerConfig(out, 1))
        .contains("http_tls_config:")
        .contains("compactor_grpc_address: https://" + FQDN + ":3100");
    assertThat(bag(out, 1)).containsKey("privkey_secret_id").doesNotContainValue(TLS.privateKey());
  }

  @Test
  void invalidOptionsBlockButTheWorkersRunWithTheDefaults() {
    Outcome out = run(simpleScalable(3).config("retention-period", -3L));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "Invalid config option(s): retention-period=-3; using the defaults for them"));
    assertThat(workerConfig(out, 1)).contains("retention_period: '15d'");
  }

  @Test
  void theOptionsReachTheWorkers() {
    Outcome out =
        run(
            simpleScalable(3)
                .config("ingestion-rate-mb", 8L)
                .config("retention-period", 0L)
                .config("reporting_enabled", false));

    assertThat(workerConfig(out, 1))
        .contains("ingestion_rate_mb: 8.0")
        .contains("per_stream_rate_limit: '8MB'")
        .contains("retention_enabled: false")
        .contains("reporting_enabled: false");
  }

  private static Relation grafana() {
    return Relation.of("grafana-source")
        .withId(20)
        .withRemoteApp("grafana")
        .withRemoteAppData(
            Map.of("grafana_uid", "g1", "datasource_uids", "{\"loki/0\": \"loki-ds-uid\"}"));
  }

  @Test
  void itRegistersAsALokiDatasourceWithTheTenantHeaderAndSharesTheAssignedUid() {
    Outcome out =
        run(
            simpleScalable(1)
                .relation(grafana())
                .relation(Relation.of("send-datasource").withId(30).withRemoteApp("tempo")));

    Relation grafana = out.state().relation(20).orElseThrow();
    assertThat(grafana.localAppData())
        .containsEntry(
            "grafana_source_data",
            "{\"model\": \"cos\", \"model_uuid\": \"6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4\","
                + " \"application\": \"loki\", \"type\": \"loki\", \"extra_fields\":"
                + " {\"httpHeaderName1\": \"X-Scope-OrgID\"}, \"secure_extra_fields\": null}");
    assertThat(grafana.localUnitData())
        .containsEntry("grafana_source_host", "http://" + FQDN + ":3100");
    assertThat(out.state().relation(30).orElseThrow().localAppData())
        .containsEntry(
            "datasources", "[{\"type\":\"loki\",\"uid\":\"loki-ds-uid\",\"grafana_uid\":\"g1\"}]");
  }

  @Test
  void aTempoDatasourceOnTheSameGrafanaTurnsTraceIdsInLogLinesIntoLinks() {
    Relation tempo =
        Relation.of("send-datasource")
            .withId(30)
            .withRemoteApp("tempo")
            .withRemoteAppData(
                Map.of(
                    "datasources",
                    "[{\"type\":\"tempo\",\"uid\":\"tempo-ds\",\"grafana_uid\":\"g1\"}]"));

    Outcome out = run(simpleScalable(1).relation(grafana()).relation(tempo));

    assertThat(out.state().relation(20).orElseThrow().localAppData().get("grafana_source_data"))
        .contains(
            "\"extra_fields\": {\"httpHeaderName1\": \"X-Scope-OrgID\", \"derivedFields\":"
                + " [{\"datasourceUid\": \"tempo-ds\", \"matcherRegex\":"
                + " \"(?:traceID|trace_id|tid)=(\\\\w+)\", \"name\": \"traceID\", \"url\":"
                + " \"$${__value.raw}\", \"urlDisplayLabel\": \"View trace\"}]}");
  }
}
