package io.charmkit.examples.loki.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.interfaces.cluster.WorkloadProcess;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loki's process as PRODUCTS.md §4.2 gives it, for the worker and the monolithic coordinator. */
class LokiProcessTest {

  @Test
  void allRunsEveryTargetInTheLokiContainerWithNoEnvironment() {
    WorkloadProcess all = LokiProcess.forRoles(List.of("all"), Map.of());

    assertThat(all.container()).isEqualTo("loki");
    assertThat(all.name()).isEqualTo("loki");
    assertThat(all.command())
        .isEqualTo("/bin/loki --config.file=/etc/worker/config.yaml -target all");
    assertThat(all.configFile()).isEqualTo("/etc/worker/config.yaml");
    // As the Python worker decides: the checksum variables go with write and backend by name only.
    assertThat(all.environment()).isEmpty();
  }

  @Test
  void targetsAreSortedAndCommaJoinedWhateverTheOrderGiven() {
    assertThat(LokiProcess.forRoles(List.of("write", "read", "backend"), Map.of()).command())
        .isEqualTo("/bin/loki --config.file=/etc/worker/config.yaml -target backend,read,write");
  }

  @Test
  void writersToS3RelaxTheChecksumsThenTheTracingVariablesFollowInOrder() {
    Map<String, String> tracing = new LinkedHashMap<>();
    tracing.put("JAEGER_ENDPOINT", "http://t:14268/api/traces?format=jaeger.thrift");
    tracing.put("JAEGER_SAMPLER_PARAM", "1");

    WorkloadProcess write = LokiProcess.forRoles(List.of("write"), tracing);

    assertThat(write.environment())
        .containsExactly(
            Map.entry("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required"),
            Map.entry("AWS_REQUEST_CHECKSUM_VALIDATION", "when_required"),
            Map.entry("JAEGER_ENDPOINT", "http://t:14268/api/traces?format=jaeger.thrift"),
            Map.entry("JAEGER_SAMPLER_PARAM", "1"));
    assertThat(LokiProcess.forRoles(List.of("read"), tracing).environment())
        .containsOnlyKeys("JAEGER_ENDPOINT", "JAEGER_SAMPLER_PARAM");
  }

  @Test
  void theLayerHoldsOneEnabledServiceWithTheWorkersSummary() {
    Layer layer =
        LokiProcess.forRoles(List.of("backend"), Map.of())
            .layer("loki worker layer", "pebble config layer for loki worker");

    assertThat(layer.services()).containsOnlyKeys("loki");
    Service loki = layer.services().get("loki");
    assertThat(loki.summary()).isEqualTo("loki worker daemon");
    assertThat(loki.startup()).isEqualTo("enabled");
    assertThat(loki.command()).endsWith("-target backend");
  }

  @Test
  void noTargetIsRefusedRatherThanRunningLokisDefault() {
    assertThatThrownBy(() -> LokiProcess.forRoles(List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Loki runs at least one target; none was given");
  }
}
