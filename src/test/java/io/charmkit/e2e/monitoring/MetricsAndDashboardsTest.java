package io.charmkit.e2e.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.interfaces.dashboard.LzmaBase64;
import io.charmkit.schema.dashboard.DashboardProviderAppData;
import io.charmkit.schema.dashboard.DashboardTemplate;
import io.charmkit.schema.scrape.AlertRule;
import io.charmkit.schema.scrape.RuleGroup;
import io.charmkit.schema.scrape.ScrapeJob;
import io.charmkit.schema.scrape.ScrapeProviderAppData;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.SettleReport;
import io.charmkit.testing.juju.WorkloadStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged Tempo coordinator monitored by a stand-in Prometheus and Grafana ({@code
 * examples/cos-standin}) on the embedded Juju: the stand-in reads the scrape jobs, the alert rules
 * (the coordinator's, its worker's and the generic ones, each with its own topology) and the
 * dashboard, which decodes to the one packaged in the {@code .charm}.
 */
class MetricsAndDashboardsTest {
  private static final String MODEL = "monitoring";
  private static final String UUID = "5b7c2e1a-9d3f-4e8a-b6c4-1f2e3d4c5b6a";

  private static Path example(String name) {
    Path examples = Path.of(System.getProperty("charmkit.examples", "../../examples"));
    Path dir = examples.resolve(name).resolve("target/charm");
    if (!Files.exists(dir)) {
      dir = examples.resolve(name).resolve("charm");
    }
    assertThat(dir.resolve("dispatch")).as("packaged charm %s", name).isExecutable();
    return dir.toAbsolutePath().normalize();
  }

  @Test
  void aStandInPrometheusAndGrafanaReadTheCoordinatorsJobsRulesAndDashboard() throws Exception {
    Path tempo = example("tempo-coordinator");
    // The packager ships the rules and dashboards, in the .charm too.
    try (ZipFile archive =
        new ZipFile(tempo.getParent().resolve("tempo-coordinator-k8s.charm").toFile())) {
      assertThat(archive.getEntry("src/prometheus_alert_rules/nginx/nginx.rules")).isNotNull();
      assertThat(archive.getEntry("src/prometheus_alert_rules/workers/tempo.rules")).isNotNull();
      assertThat(archive.getEntry("src/grafana_dashboards/tempo-overview.json")).isNotNull();
    }
    Path standin = example("cos-standin");
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder()
            .modelName(MODEL)
            .modelUuid(UUID)
            .images(UpstreamImages.all())
            .build()) {
      juju.deploy("s3", example("s3-standin"), 1, Map.of());
      juju.deploy("tempo", tempo, 1, Map.of());
      juju.deploy("tempo-worker", example("tempo-worker"), 1, Map.of("role-all", true));
      juju.deploy("cos", standin, 1, Map.of());
      juju.relate("tempo:tempo-cluster", "tempo-worker:tempo-cluster");
      juju.relate("tempo:s3", "s3:s3-credentials");
      int metrics = juju.relate("tempo:metrics-endpoint", "cos:metrics-endpoint");
      int dashboards = juju.relate("tempo:grafana-dashboard", "cos:grafana-dashboard");

      SettleReport report = juju.settle();
      assertThat(report.failed()).as(juju.status()).isEmpty();

      // Two jobs (the worker unit, nginx's exporter), three rule groups, one unit, one dashboard.
      assertThat(juju.unitStatus("cos/0"))
          .isEqualTo(
              new WorkloadStatus(
                  "active",
                  "jobs=2 rule-groups=3 unit-addresses=1 dashboards=1 traces=none"
                      + " log-senders=0"));

      ScrapeProviderAppData scrape =
          ScrapeProviderAppData.CODEC.read(juju.appData(metrics, "tempo"), "tempo");
      assertThat(scrape.scrapeMetadata().application()).isEqualTo("tempo");
      assertThat(scrape.scrapeMetadata().modelUuid()).isEqualTo(UUID);
      ScrapeJob worker = scrape.scrapeJobs().get(0);
      assertThat(worker.staticConfigs().get(0).targets().get(0)).endsWith(":3200");
      assertThat(worker.relabelConfigs())
          .anySatisfy(r -> assertThat(r.replacement()).isEqualTo("tempo-worker/0"));
      assertThat(scrape.scrapeJobs().get(1).staticConfigs().get(0).targets().get(0))
          .endsWith(":9113");

      List<RuleGroup> groups = scrape.alertRules().groups();
      assertThat(groups)
          .extracting(RuleGroup::name)
          .containsExactly(
              "monitoring_5b7c2e1a_tempo_worker_tempo_workers_rules",
              "monitoring_5b7c2e1a_tempo_nginx_rules",
              "monitoring_5b7c2e1a_tempo_HostHealth_rules");
      AlertRule workerRule = groups.get(0).rules().get(0);
      assertThat(workerRule.labels()).containsEntry("juju_application", "tempo-worker");
      assertThat(workerRule.expr())
          .contains("juju_application=\"tempo-worker\",juju_model=\"monitoring\"");
      AlertRule nginxDown = groups.get(1).rules().get(0);
      assertThat(nginxDown.expr())
          .isEqualTo(
              "nginx_up{juju_application=\"tempo\",juju_model=\"monitoring\",juju_model_uuid=\""
                  + UUID
                  + "\"} < 1");
      assertThat(juju.unitData(metrics, "tempo/0"))
          .containsEntry("prometheus_scrape_unit_name", "tempo/0")
          .containsKey("prometheus_scrape_unit_address");

      DashboardTemplate template =
          DashboardProviderAppData.CODEC
              .read(juju.appData(dashboards, "tempo"), "tempo")
              .dashboards()
              .templates()
              .get("file:tempo-overview");
      assertThat(LzmaBase64.decompress(template.content()))
          .contains("\"title\": \"Tempo overview (charmkit)\"")
          .contains("\"charm: tempo-coordinator-k8s\"");

      // Settled means quiet: an update-status writes nothing new.
      String before = juju.appData(dashboards, "tempo").get("dashboards");
      juju.updateStatus();
      assertThat(juju.settle().failed()).isEmpty();
      assertThat(juju.appData(dashboards, "tempo").get("dashboards")).isEqualTo(before);
    }
  }
}
