package io.charmkit.e2e.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.HookRun;
import io.charmkit.testing.juju.SettleReport;
import io.charmkit.testing.juju.WorkloadStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 16 through the packaged Tempo worker's {@code dispatch} on the embedded Juju: a worker
 * settles on a stand-in coordinator's valid data, then the coordinator writes malformed data, one
 * case at a time. The worker's hooks all commit, its status names the field, and its configuration
 * file is kept until valid data arrives again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileCoordinatorTest {
  private static final String WORKER = "tempo-worker";
  private static final String UNIT = WORKER + "/0";
  private static final String CONFIG_FILE = "etc/worker/config.yaml";
  private static final String GOOD = "\"server:\\n  http_listen_port: 3200\\n\"";

  private EmbeddedJuju juju;

  @BeforeAll
  void deploy() throws IOException {
    juju = EmbeddedJuju.builder().modelName("hostile-e2e").images(UpstreamImages.all()).build();
    Path examples = Path.of(System.getProperty("charmkit.examples", "../../examples"));
    Path worker = examples.resolve("tempo-worker/target/charm").toAbsolutePath().normalize();
    Path hostile =
        Path.of(System.getProperty("charmkit.charms"), "hostile-coordinator")
            .toAbsolutePath()
            .normalize();
    juju.deploy(WORKER, worker, 1, Map.of("role-all", false, "role-querier", true));
    juju.deploy("coordinator", hostile, 1, Map.of());
    juju.relate(WORKER + ":tempo-cluster", "coordinator:tempo-cluster");
  }

  @AfterAll
  void tearDown() throws IOException {
    if (juju != null) {
      juju.close();
    }
  }

  private Path configFile() {
    return juju.containerRoot(UNIT, "tempo").resolve(CONFIG_FILE);
  }

  private void settleWithoutFailures() {
    SettleReport report = juju.settle();
    List<HookRun> failed = report.failed();
    assertThat(failed).as(() -> "failed hooks; log:\n" + juju.log(UNIT)).isEmpty();
  }

  @Test
  @Order(1)
  void theWorkerSettlesOnValidData() throws IOException {
    settleWithoutFailures();

    assertThat(juju.unitStatus(UNIT)).isEqualTo(new WorkloadStatus("active", "querier ready."));
    assertThat(Files.readString(configFile())).isEqualTo("server:\n  http_listen_port: 3200\n");
  }

  @Test
  @Order(2)
  void eachMalformedWriteIsNamedAndTheConfigurationKept() throws IOException {
    Map<String, String> cases =
        Map.of(
            "{not json", "worker_config: is not valid JSON",
            "\"a: !!binary aGVsbG8=\\n\"", "worker_config: has a YAML tag",
            "\"a: \\\"\\\\0\\\"\\n\"", "worker_config: has a NUL character",
            "\"a: &x [1]\\nb: *x\\n\"", "worker_config: has a YAML anchor",
            "\"\\ud800\"", "worker_config: contains a lone surrogate");
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      juju.config("coordinator", Map.of("worker-config", bad.getKey()));
      settleWithoutFailures();

      WorkloadStatus status = juju.unitStatus(UNIT);
      assertThat(status.status()).as(bad.getKey()).isEqualTo("waiting");
      assertThat(status.message())
          .as(bad.getKey())
          .startsWith("Invalid coordinator data: relation tempo-cluster:")
          .contains("application coordinator, " + bad.getValue());
      assertThat(Files.readString(configFile()))
          .as("config kept after %s", bad.getKey())
          .isEqualTo("server:\n  http_listen_port: 3200\n");
    }
  }

  @Test
  @Order(3)
  void aLokiEndpointsMapOfMapsIsNamedToo() throws IOException {
    juju.config(
        "coordinator",
        Map.of("worker-config", GOOD, "loki-endpoints", "{\"loki/0\": {\"url\": \"http://x\"}}"));
    settleWithoutFailures();

    assertThat(juju.unitStatus(UNIT).message()).contains("loki_endpoints");
    assertThat(Files.readString(configFile())).isEqualTo("server:\n  http_listen_port: 3200\n");
  }

  @Test
  @Order(4)
  void validDataBringsTheWorkerBack() throws IOException {
    juju.config(
        "coordinator",
        Map.of(
            "worker-config", "\"server:\\n  http_listen_port: 3300\\n\"", "loki-endpoints", "{}"));
    settleWithoutFailures();

    assertThat(juju.unitStatus(UNIT)).isEqualTo(new WorkloadStatus("active", "querier ready."));
    assertThat(Files.readString(configFile())).isEqualTo("server:\n  http_listen_port: 3300\n");
  }
}
