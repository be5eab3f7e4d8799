package io.charmkit.examples.tempo.coordinator;

import static io.charmkit.examples.tempo.coordinator.Cluster.s3Ready;
import static io.charmkit.examples.tempo.coordinator.Cluster.worker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.clustertesting.FixedHost;
import io.charmkit.clustertesting.NginxContainers;
import io.charmkit.coordinator.tls.ServerTls;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.interfaces.dashboard.DashboardFiles;
import io.charmkit.interfaces.dashboard.LzmaBase64;
import io.charmkit.interfaces.dashboard.Shake256;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.StatusName;
import io.charmkit.schema.dashboard.DashboardProviderAppData;
import io.charmkit.schema.dashboard.DashboardTemplate;
import io.charmkit.schema.scrape.ScrapeJob;
import io.charmkit.schema.scrape.ScrapeProviderAppData;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-monitoring of the Tempo coordinator (metrics-endpoint, grafana-dashboard), each byte as the
 * prometheus_scrape (LIBPATCH 53) and grafana_dashboard (LIBPATCH 44) libraries write it under
 * coordinated-workers' Coordinator.
 */
class TempoSelfMonitoringTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UUID = "0d2f6e0c-8a3b-4c55-9d0e-5f1a2b3c4d5e";
  private static final String FQDN = "tempo-0.tempo-endpoints.cos.svc.cluster.local";
  private static final int METRICS = 40;
  private static final int DASHBOARDS = 41;
  private static final int PEERS = 50;
  private static final ServerTls TLS =
      new ServerTls(
          "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
          "-----BEGIN CERTIFICATE-----\nSERVER\n-----END CERTIFICATE-----",
          "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----");

  /** The charm's own packaged files, laid out as in the .charm. */
  @TempDir static Path charm;

  private static Context ctx;
  private static Context tlsCtx;

  @BeforeAll
  static void packageTheCharmFiles() throws IOException {
    for (String dir : List.of("src/prometheus_alert_rules", "src/grafana_dashboards")) {
      Path from = Path.of(dir);
      try (Stream<Path> walk = Files.walk(from)) {
        for (Path p : walk.toList()) {
          Path to = charm.resolve(p.toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to);
          }
        }
      }
    }
    ctx = context(TlsSource.NONE);
    tlsCtx = context(() -> Optional.of(TLS));
  }

  private static Context context(TlsSource tls) {
    HostEnvironment host = FixedHost.of(FQDN);
    return new Context(fw -> new TempoCoordinatorCharm(fw, tls, host), METADATA)
        .withAppName("tempo")
        .withCharmFiles(charm);
  }

  private static Relation prometheus() {
    return Relation.of("metrics-endpoint").withId(METRICS).withRemoteApp("prometheus");
  }

  private static Relation grafana() {
    return Relation.of("grafana-dashboard").withId(DASHBOARDS).withRemoteApp("grafana");
  }

  private static Relation peers(String hostname) {
    return Relation.peer("peers")
        .withId(PEERS)
        .withRemoteUnitsData(Map.of(1, Map.of("hostname", hostname)));
  }

  private static State.Builder state(boolean leader, Relation... relations) {
    State.Builder state =
        State.builder()
            .leader(leader)
            .model("cos", UUID)
            .container(NginxContainers.NGINX)
            .container(NginxContainers.EXPORTER)
            .relation(worker(1, "tempo-worker", "all", 2))
            .relation(s3Ready());
    List.of(relations).forEach(state::relation);
    return state;
  }

  private static Map<String, String> appBag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localAppData();
  }

  private static Map<String, String> unitBag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localUnitData();
  }

  private static JsonNode rules(Outcome out) {
    try {
      return JSON.readTree(appBag(out, METRICS).get("alert_rules")).get("groups");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode group(JsonNode groups, String name) {
    for (JsonNode group : groups) {
      if (group.get("name").textValue().equals(name)) {
        return group;
      }
    }
    throw new AssertionError("no group " + name + " in " + groups);
  }

  @Test
  void oneJobPerWorkerUnitAndOnePerCoordinatorUnitAsTheLibraryWritesThem() {
    Outcome out =
        ctx.run(
            Event.updateStatus(),
            state(true, prometheus(), peers("tempo-1.tempo-endpoints.cos.svc.cluster.local"))
                .build());

    // What Python's json.dumps writes for coordinated-workers' jobs after the library's
    // sanitising (its defaults first), computed with the Python original.
    assertThat(appBag(out, METRICS).get("scrape_jobs"))
        .isEqualTo(
            "[{\"metrics_path\": \"/metrics\", \"static_configs\": [{\"targets\":"
                + " [\"tempo-worker-0.tempo-worker-endpoints.cos.svc.cluster.local:3200\"]}],"
                + " \"relabel_configs\": [{\"target_label\": \"juju_charm\", \"replacement\":"
                + " \"tempo-worker-k8s\"}, {\"target_label\": \"juju_unit\", \"replacement\":"
                + " \"tempo-worker/0\"}, {\"target_label\": \"juju_application\", \"replacement\":"
                + " \"tempo-worker\"}, {\"target_label\": \"juju_model\", \"replacement\":"
                + " \"cos\"}, {\"target_label\": \"juju_model_uuid\", \"replacement\":"
                + " \"0d2f6e0c-8a3b-4c55-9d0e-5f1a2b3c4d5e\"}]}, {\"metrics_path\": \"/metrics\","
                + " \"static_configs\": [{\"targets\":"
                + " [\"tempo-worker-1.tempo-worker-endpoints.cos.svc.cluster.local:3200\"]}],"
                + " \"relabel_configs\": [{\"target_label\": \"juju_charm\", \"replacement\":"
                + " \"tempo-worker-k8s\"}, {\"target_label\": \"juju_unit\", \"replacement\":"
                + " \"tempo-worker/1\"}, {\"target_label\": \"juju_application\", \"replacement\":"
                + " \"tempo-worker\"}, {\"target_label\": \"juju_model\", \"replacement\":"
                + " \"cos\"}, {\"target_label\": \"juju_model_uuid\", \"replacement\":"
                + " \"0d2f6e0c-8a3b-4c55-9d0e-5f1a2b3c4d5e\"}]}, {\"metrics_path\": \"/metrics\","
                + " \"static_configs\": [{\"targets\":"
                + " [\"tempo-0.tempo-endpoints.cos.svc.cluster.local:9113\"], \"labels\":"
                + " {\"juju_unit\": \"tempo/0\"}}]}, {\"metrics_path\": \"/metrics\","
                + " \"static_configs\": [{\"targets\":"
                + " [\"tempo-1.tempo-endpoints.cos.svc.cluster.local:9113\"], \"labels\":"
                + " {\"juju_unit\": \"tempo/1\"}}]}]");
    assertThat(appBag(out, METRICS).get("scrape_metadata"))
        .isEqualTo(
            "{\"model\": \"cos\", \"model_uuid\": \"0d2f6e0c-8a3b-4c55-9d0e-5f1a2b3c4d5e\","
                + " \"application\": \"tempo\", \"unit\": \"tempo/0\", \"charm_name\":"
                + " \"tempo-coordinator-k8s\"}");
    // Raw text, the bind address (an IP); no path key (empty).
    assertThat(unitBag(out, METRICS))
        .containsEntry("prometheus_scrape_unit_address", "192.0.2.0")
        .containsEntry("prometheus_scrape_unit_name", "tempo/0")
        .doesNotContainKey("prometheus_scrape_unit_path");
  }

  @Test
  void underTlsEveryJobIsScrapedOverHttps() {
    Outcome out = tlsCtx.run(Event.updateStatus(), state(true, prometheus()).build());

    List<ScrapeJob> jobs = ScrapeProviderAppData.CODEC.read(appBag(out, METRICS), "").scrapeJobs();
    assertThat(jobs).hasSize(3); // two workers, one coordinator
    assertThat(jobs).extracting(ScrapeJob::scheme).containsOnly("https");
    assertThat(appBag(out, METRICS).get("scrape_jobs"))
        .contains("\"relabel_configs\": [")
        .endsWith("{\"juju_unit\": \"tempo/0\"}}], \"scheme\": \"https\"}]");
  }

  @Test
  void theCoordinatorsRulesCarryItsTopologyInLabelsAndExpression() throws IOException {
    Outcome out = ctx.run(Event.updateStatus(), state(true, prometheus()).build());

    JsonNode nginx = group(rules(out), "cos_0d2f6e0c_tempo_nginx_rules").get("rules").get(0);
    // cosl's order: the file's keys, the rule's own labels then the topology's.
    assertThat(JSON.writeValueAsString(nginx))
        .isEqualTo(
            "{\"alert\":\"NginxDown\",\"expr\":\"nginx_up{juju_application=\\\"tempo\\\","
                + "juju_model=\\\"cos\\\",juju_model_uuid=\\\""
                + UUID
                + "\\\"} < 1\",\"for\":\"5m\",\"labels\":{\"severity\":\"critical\","
                + "\"juju_model\":\"cos\",\"juju_model_uuid\":\""
                + UUID
                + "\",\"juju_application\":\"tempo\",\"juju_charm\":\"tempo-coordinator-k8s\"},"
                + "\"annotations\":{\"summary\":\"nginx on {{ $labels.juju_unit }} is not"
                + " answering its exporter.\"}}");
    JsonNode hostDown =
        group(rules(out), "cos_0d2f6e0c_tempo_HostHealth_rules").get("rules").get(0);
    assertThat(hostDown.get("expr").textValue())
        .isEqualTo(
            "up{juju_application=\"tempo\",juju_model=\"cos\",juju_model_uuid=\""
                + UUID
                + "\"} < 1");
  }

  @Test
  void eachWorkerApplicationsRulesCarryThatApplicationsTopologyWithSortedKeys() throws IOException {
    Outcome out =
        ctx.run(
            Event.updateStatus(),
            state(true, prometheus(), worker(2, "tempo-ingest", "ingester", 1)).build());

    JsonNode groups = rules(out);
    JsonNode ingest =
        group(groups, "cos_0d2f6e0c_tempo_ingest_tempo_workers_rules").get("rules").get(2);
    // Through yaml.dump in Python: every key sorted, labels too.
    assertThat(JSON.writeValueAsString(ingest))
        .isEqualTo(
            "{\"alert\":\"TempoIngesterFlushesFailing\",\"annotations\":{\"summary\":\"{{"
                + " $labels.juju_unit }} failed to flush blocks to storage.\"},\"expr\":\"sum by"
                + " (juju_unit) (increase(tempo_ingester_failed_flushes_total{"
                + "juju_application=\\\"tempo-ingest\\\",juju_model=\\\"cos\\\","
                + "juju_model_uuid=\\\""
                + UUID
                + "\\\"}[1h])) > 2\",\"for\":\"5m\",\"labels\":{\"juju_application\":"
                + "\"tempo-ingest\",\"juju_charm\":\"tempo-worker-k8s\",\"juju_model\":\"cos\","
                + "\"juju_model_uuid\":\""
                + UUID
                + "\",\"severity\":\"warning\"}}");
    // consolidated_tempo-ingest.rules, consolidated_tempo-worker.rules, nginx.rules, HostHealth.
    assertThat(groups)
        .extracting(g -> g.get("name").textValue())
        .containsExactly(
            "cos_0d2f6e0c_tempo_ingest_tempo_workers_rules",
            "cos_0d2f6e0c_tempo_worker_tempo_workers_rules",
            "cos_0d2f6e0c_tempo_nginx_rules",
            "cos_0d2f6e0c_tempo_HostHealth_rules");
  }

  @Test
  void aFollowerWritesOnlyItsAddress() {
    Outcome out = ctx.run(Event.updateStatus(), state(false, prometheus(), grafana()).build());

    assertThat(appBag(out, METRICS)).isEmpty();
    assertThat(appBag(out, DASHBOARDS)).isEmpty();
    assertThat(unitBag(out, METRICS)).containsEntry("prometheus_scrape_unit_name", "tempo/0");
  }

  @Test
  void theDashboardDecodesToThePackagedFileWithItsUidAndTag() throws IOException {
    Outcome out = ctx.run(Event.updateStatus(), state(true, grafana()).build());

    DashboardProviderAppData data =
        DashboardProviderAppData.CODEC.read(appBag(out, DASHBOARDS), "");
    assertThat(data.dashboards().templates()).containsOnlyKeys("file:tempo-overview");
    DashboardTemplate template = data.dashboards().templates().get("file:tempo-overview");
    assertThat(template.charm()).isEqualTo("tempo-coordinator-k8s");
    assertThat(template.injectDropdowns()).isTrue();
    assertThat(template.jujuTopology().unit()).isEqualTo("tempo/0");
    assertThat(template.dashboardAltUid())
        .isEqualTo(Shake256.hexdigest("tempo-coordinator-k8s-file:tempo-overview", 8));
    JsonNode dashboard = JSON.readTree(LzmaBase64.decompress(template.content()));
    JsonNode packaged =
        JSON.readTree(Files.readString(Path.of("src/grafana_dashboards/tempo-overview.json")));
    assertThat(dashboard.get("uid").textValue())
        .isEqualTo(
            Shake256.hexdigest(
                "tempo-coordinator-k8s-src/grafana_dashboards/tempo-overview.json", 20));
    assertThat(dashboard.get("tags").toString())
        .isEqualTo("[\"tempo\",\"charm: tempo-coordinator-k8s\"]");
    assertThat(dashboard.get("panels")).isEqualTo(packaged.get("panels"));
    assertThat(
            DashboardFiles.read(
                    charm, charm.resolve("src/grafana_dashboards"), "tempo-coordinator-k8s")
                .get("file:tempo-overview")
                .json())
        .isEqualTo(LzmaBase64.decompress(template.content()));
  }

  @Test
  void unchangedDashboardsAreNotWrittenAgain() {
    Outcome first = ctx.run(Event.updateStatus(), state(true, grafana()).build());
    String sent = appBag(first, DASHBOARDS).get("dashboards");

    Outcome second = ctx.run(Event.configChanged(), first.state());

    assertThat(appBag(second, DASHBOARDS).get("dashboards")).isEqualTo(sent);
    assertThat(second.callsOf("relation-set")).isEmpty();
  }

  @Test
  void badRemoteDataNeverFailsAHook() {
    Relation hostilePrometheus =
        prometheus().withRemoteAppData(Map.of("event", "{not json", "alert_rules", "\u0000"));
    Relation hostileGrafana =
        grafana().withRemoteAppData(Map.of("event", "[[[[", "dashboards", "x"));
    Relation staleBag =
        Relation.of("grafana-dashboard")
            .withId(42)
            .withRemoteApp("grafana-2")
            .withLocalAppData(Map.of("dashboards", "{\"templates\": 7}"));

    Outcome out =
        ctx.run(
            Event.updateStatus(),
            state(true, hostilePrometheus, hostileGrafana, staleBag, peers("evil host\nname\u0000"))
                .build());

    assertThat(out.unitStatus().name()).isEqualTo(StatusName.ACTIVE);
    // The bad peer hostname is skipped: only this unit's nginx is scraped.
    assertThat(appBag(out, METRICS).get("scrape_jobs")).doesNotContain("evil");
    assertThat(appBag(out, METRICS).get("scrape_jobs")).contains(FQDN + ":9113");
    // A stale, unreadable bag of ours is replaced with the dashboards.
    assertThat(DashboardProviderAppData.CODEC.read(appBag(out, 42), "").dashboards().templates())
        .containsOnlyKeys("file:tempo-overview");
  }
}
