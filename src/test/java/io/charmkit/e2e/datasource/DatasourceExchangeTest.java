package io.charmkit.e2e.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.SettleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Tempo and a Pyroscope coordinator exchanging datasources (grafana_datasource_exchange, WIRE.md
 * §4) with each other and a stand-in Grafana (grafana_datasource, §4.3) on the embedded Juju, from
 * the packaged example charms.
 *
 * <p>The exchange is behind the coordinator gate, as in the Python charms, so each coordinator gets
 * a role-all worker and the S3 stand-in. Every {@code settle()} returning at all is the no-flapping
 * check: the embedded Juju fires relation-changed only for changed data and throws when it keeps
 * changing. (Forming the two clusters is most of the run time: about 80 hooks, most of them JVMs.)
 */
class DatasourceExchangeTest {
  private static final String MODEL = "dsx";
  private static final String UUID = "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  private static final String GRAFANA_UID = "grafana_" + UUID + "_grafana";

  /** The example charm directory: packaged ({@code target/charm}) or a shell stand-in. */
  private static Path charm(String example) {
    Path examples = Path.of(System.getProperty("charmkit.examples", "../../examples"));
    Path dir = examples.resolve(example).resolve("target/charm");
    if (!Files.exists(dir)) {
      dir = examples.resolve(example).resolve("charm");
    }
    assertThat(dir.resolve("dispatch"))
        .as("packaged charm %s (run `mvn package` first)", example)
        .isExecutable();
    return dir.toAbsolutePath().normalize();
  }

  /** The UID the Grafana stand-in (like grafana-k8s) gives a datasource unit. */
  private static String uid(String unit) {
    String app = unit.substring(0, unit.indexOf('/'));
    return "juju_" + MODEL + "_" + UUID + "_" + app + "_" + unit.substring(unit.indexOf('/') + 1);
  }

  private static String entry(String type, String unit) {
    return "{\"type\":\""
        + type
        + "\",\"uid\":\""
        + uid(unit)
        + "\",\"grafana_uid\":\""
        + GRAFANA_UID
        + "\"}";
  }

  private static void settle(EmbeddedJuju juju) {
    SettleReport report = juju.settle();
    assertThat(report.failed()).as(juju.status()).isEmpty();
  }

  @Test
  void aDatasourceCrossesTheExchangeOnlyOnceGrafanaAssignedItsUidAndTheModelSettles()
      throws Exception {
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder()
            .modelName(MODEL)
            .modelUuid(UUID)
            .images(UpstreamImages.all())
            .build()) {
      juju.deploy("s3", charm("s3-standin"), 1, Map.of());
      juju.deploy("tempo", charm("tempo-coordinator"), 1, Map.of());
      juju.deploy("tempo-worker", charm("tempo-worker"), 1, Map.of("role-all", true));
      juju.deploy("pyroscope", charm("pyroscope-coordinator"), 1, Map.of());
      juju.deploy("pyroscope-worker", charm("pyroscope-worker"), 1, Map.of("role-all", true));
      juju.relate("tempo:tempo-cluster", "tempo-worker:tempo-cluster");
      juju.relate("pyroscope:pyroscope-cluster", "pyroscope-worker:pyroscope-cluster");
      juju.relate("tempo:s3", "s3:s3-credentials");
      juju.relate("pyroscope:s3", "s3:s3-credentials");
      int exchange = juju.relate("tempo:receive-datasource", "pyroscope:send-datasource");
      settle(juju);

      // Both coordinators are past the gate, and nothing is fully specified yet: [] both ways.
      assertThat(juju.unitStatus("tempo/0").status()).as(juju.status()).isEqualTo("active");
      assertThat(juju.unitStatus("pyroscope/0").status()).as(juju.status()).isEqualTo("active");
      assertThat(juju.appData(exchange, "tempo"))
          .containsExactlyEntriesOf(Map.of("datasources", "[]"));
      assertThat(juju.appData(exchange, "pyroscope"))
          .containsExactlyEntriesOf(Map.of("datasources", "[]"));

      // Grafana learns of Tempo only: Tempo's UID crosses, Pyroscope still has nothing to share.
      juju.deploy("grafana", charm("grafana-standin"), 1, Map.of());
      int tempoSource = juju.relate("grafana:grafana-source", "tempo:grafana-source");
      settle(juju);

      assertThat(juju.unitData(tempoSource, "tempo/0"))
          .containsEntry(
              "grafana_source_host",
              "http://tempo-0.tempo-endpoints." + MODEL + ".svc.cluster.local:3200");
      assertThat(juju.appData(tempoSource, "grafana"))
          .containsEntry("grafana_uid", GRAFANA_UID)
          .containsEntry("datasource_uids", "{\"tempo/0\": \"" + uid("tempo/0") + "\"}");
      assertThat(juju.appData(exchange, "tempo"))
          .containsExactlyEntriesOf(Map.of("datasources", "[" + entry("tempo", "tempo/0") + "]"));
      assertThat(juju.appData(exchange, "pyroscope"))
          .containsExactlyEntriesOf(Map.of("datasources", "[]"));

      // Once Grafana has assigned Pyroscope's UID, it appears on Tempo's side.
      int pyroscopeSource = juju.relate("grafana:grafana-source", "pyroscope:grafana-source");
      settle(juju);

      assertThat(juju.appData(pyroscopeSource, "pyroscope"))
          .containsEntry(
              "grafana_source_data",
              "{\"model\": \""
                  + MODEL
                  + "\", \"model_uuid\": \""
                  + UUID
                  + "\", \"application\": \"pyroscope\", \"type\": \"grafana-pyroscope-datasource\","
                  + " \"extra_fields\": null, \"secure_extra_fields\": null}");
      assertThat(juju.appData(exchange, "pyroscope"))
          .containsExactlyEntriesOf(
              Map.of(
                  "datasources", "[" + entry("grafana-pyroscope-datasource", "pyroscope/0") + "]"));
      // Tempo correlates only Loki and Prometheus, so its own description is unchanged.
      assertThat(juju.appData(tempoSource, "tempo").get("grafana_source_data"))
          .contains("\"extra_fields\": null");
    }
  }
}
