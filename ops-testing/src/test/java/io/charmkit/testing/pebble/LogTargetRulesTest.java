package io.charmkit.testing.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.LogTarget;
import io.charmkit.ops.pebble.PebbleApiException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test Pebble refuses the log targets Pebble refuses (plan.go's layer and plan validation),
 * with Pebble's words, and leaves the plan as it was.
 */
class LogTargetRulesTest {
  Path dir;
  PebbleServer server;
  PebbleClient client;

  @BeforeEach
  void start() throws IOException {
    dir = Files.createTempDirectory("pb");
    server = PebbleServer.start(dir.resolve("workload/pebble.socket"), dir.resolve("root"));
    client =
        PebbleClient.forContainer("workload", Map.of("CHARMKIT_CONTAINERS_DIR", dir.toString()));
    client.addLayer(
        "base", Layer.of("base", Map.of("app", Service.builder("sleep 1").build())), true);
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static LogTarget target(String type, String location, List<String> services) {
    return new LogTarget("replace", type, location, services, Map.of("juju_unit", "tempo/0"));
  }

  private void assertRefused(LogTarget target, String message) {
    Layer layer = new Layer(null, null, null, null, Map.of("loki/0", target));
    assertThatThrownBy(() -> client.addLayer("workload-log-forwarding", layer, true))
        .isInstanceOfSatisfying(
            PebbleApiException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.apiMessage()).isEqualTo(message);
            });
    assertThat(client.plan().logTargets()).isEmpty();
  }

  @Test
  void aLokiTargetForAllServicesIsAccepted() {
    LogTarget target = target("loki", "http://loki:3100/loki/api/v1/push", List.of("all"));
    client.addLayer(
        "workload-log-forwarding",
        new Layer(null, null, null, null, Map.of("loki/0", target)),
        true);

    assertThat(client.plan().logTargets()).containsEntry("loki/0", target);
  }

  @Test
  void aNamedServiceOfThePlanAndItsRemovalAreAccepted() {
    LogTarget target = target("loki", "http://loki/push", List.of("app", "-app"));
    client.addLayer(
        "workload-log-forwarding",
        new Layer(null, null, null, null, Map.of("loki/0", target)),
        true);

    assertThat(client.plan().logTargets().get("loki/0").services()).containsExactly("app", "-app");
  }

  @Test
  void aTargetWithoutLocationIsRefused() {
    assertRefused(
        target("loki", null, List.of("all")),
        "plan must define \"location\" for log target \"loki/0\"");
  }

  @Test
  void aTargetWithoutTypeIsRefused() {
    assertRefused(
        target(null, "http://loki/push", List.of("all")),
        "plan must define \"type\" (\"loki\" or \"opentelemetry\") for log target \"loki/0\"");
  }

  @Test
  void anUnknownTypeIsRefused() {
    assertRefused(
        target("syslog-ng", "http://loki/push", List.of("all")),
        "log target \"loki/0\" has unsupported type \"syslog-ng\", must be \"loki\" or"
            + " \"opentelemetry\"");
  }

  @Test
  void aServiceThePlanDoesNotHaveIsRefused() {
    assertRefused(
        target("loki", "http://loki/push", List.of("-nginx")),
        "log target \"loki/0\" specifies unknown service \"nginx\"");
  }

  @Test
  void aLabelInPebblesReservedNamespaceIsRefused() {
    LogTarget target =
        new LogTarget(
            "replace", "loki", "http://loki/push", List.of("all"), Map.of("pebble_service", "x"));
    assertRefused(
        target, "log target \"loki/0\": label \"pebble_service\" uses reserved prefix \"pebble_\"");
  }
}
