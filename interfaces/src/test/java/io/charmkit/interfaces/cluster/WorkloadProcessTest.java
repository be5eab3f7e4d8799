package io.charmkit.interfaces.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The process description a worker and a monolithic coordinator both build their layer from. */
class WorkloadProcessTest {

  @Test
  void theLayerHoldsOneEnabledServiceRunningTheCommand() {
    WorkloadProcess process =
        WorkloadProcess.of(
            "tempo",
            "tempo",
            "tempo worker process",
            "/bin/tempo -config.file=/etc/worker/config.yaml -target all");

    Layer layer = process.layer("tempo worker layer", "pebble config layer for tempo worker");

    assertThat(process.configFile()).isEqualTo("/etc/worker/config.yaml");
    assertThat(layer.summary()).isEqualTo("tempo worker layer");
    assertThat(layer.description()).isEqualTo("pebble config layer for tempo worker");
    assertThat(layer.services())
        .containsExactly(
            Map.entry(
                "tempo",
                Service.builder("/bin/tempo -config.file=/etc/worker/config.yaml -target all")
                    .summary("tempo worker process")
                    .startup("enabled")
                    .build()));
  }

  @Test
  void theEnvironmentKeepsItsOrderAndCannotChangeAfterwards() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("Z_LAST_NAME_FIRST", "1");
    env.put("A_SECOND", "2");
    WorkloadProcess process = WorkloadProcess.of("loki", "loki", "loki", "/bin/loki");

    WorkloadProcess traced = process.withEnvironment(env);
    env.put("LATE", "3");

    assertThat(process.environment()).isEmpty();
    assertThat(List.copyOf(traced.environment().keySet()))
        .containsExactly("Z_LAST_NAME_FIRST", "A_SECOND");
    assertThat(List.copyOf(traced.service().environment().keySet()))
        .containsExactly("Z_LAST_NAME_FIRST", "A_SECOND");
    assertThatThrownBy(() -> traced.environment().put("X", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aWorkersLayerIsNamedAfterTheService() {
    WorkloadProcess process =
        WorkloadProcess.of("mimir", "mimir", "mimir worker daemon", "/bin/mimir");

    Layer layer = process.workerLayer();

    assertThat(layer.summary()).isEqualTo("mimir worker layer");
    assertThat(layer.description()).isEqualTo("pebble config layer for mimir worker");
    assertThat(layer.services()).containsOnlyKeys("mimir");
  }
}
