package io.charmkit.testing.juju;

import static io.charmkit.testing.juju.TestCharms.charm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.pebble.ChangeErrorException;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.ops.pebble.Service;
import io.charmkit.ops.pebble.ServiceInfo;
import io.charmkit.testing.pebble.ContainerImage;
import io.charmkit.testing.pebble.WorkloadImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each unit's containers are served by an in-process Pebble on the socket the charm will use. */
class EmbeddedPebbleTest {

  @Test
  void aDeployedUnitsContainerAnswersPebbleAndGetsPebbleReady() throws Exception {
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder()
            .modelName("pb")
            .images(new WorkloadImages().set("workload", "app", ContainerImage.of("/bin/tempo")))
            .build()) {
      juju.deploy("workload", charm("workload"), 1, Map.of());
      assertThat(juju.settle().failed()).isEmpty();

      Path unitDir = juju.unitDir("workload/0");
      Path socket = unitDir.resolve("containers/app/pebble.socket");
      try (PebbleClient pebble = PebbleClient.forSocket("app", socket)) {
        assertThat(pebble.canConnect()).isTrue();
        pebble.push("/etc/app/config.yaml", "a: 1\n", PushOptions.defaults().withMakeDirs());
        assertThat(pebble.pullText("/etc/app/config.yaml")).isEqualTo("a: 1\n");
        // The image declared above provides /bin/tempo: its service (simulated) starts.
        pebble.addLayer(
            "app",
            Layer.of(
                "app",
                Map.of(
                    "app",
                    Service.builder("/bin/tempo -config.file=/etc/app/config.yaml")
                        .override("replace")
                        .enabled()
                        .build())),
            true);
        pebble.replan();
        assertThat(pebble.services(List.of("app")))
            .extracting(ServiceInfo::current)
            .containsExactly("active");
      }
      assertThat(Files.readAllLines(unitDir.resolve("charm/hooks.log"), StandardCharsets.UTF_8))
          .endsWith("hooks/app-pebble-ready");

      juju.removeUnit("workload/0");
      juju.settle();
      try (PebbleClient gone = PebbleClient.forSocket("app", socket)) {
        assertThat(gone.canConnect()).as("the workload stops with its unit").isFalse();
      }
    }
  }

  @Test
  void anUndeclaredImageStartsNothingUntilTheImageIsFixed() throws Exception {
    WorkloadImages images = new WorkloadImages();
    try (EmbeddedJuju juju = EmbeddedJuju.builder().modelName("pi").images(images).build()) {
      juju.deploy("workload", charm("workload"), 1, Map.of());
      juju.settle();
      Path socket = juju.unitDir("workload/0").resolve("containers/app/pebble.socket");
      try (PebbleClient pebble = PebbleClient.forSocket("app", socket)) {
        pebble.addLayer(
            "app",
            Layer.of(
                "app",
                Map.of("app", Service.builder("/bin/tempo").override("replace").enabled().build())),
            true);

        assertThatThrownBy(pebble::replan)
            .isInstanceOfSatisfying(
                ChangeErrorException.class,
                e ->
                    assertThat(e.err())
                        .endsWith("fork/exec /bin/tempo: no such file or directory)"));
        assertThat(pebble.services(List.of("app")))
            .extracting(ServiceInfo::current)
            .containsExactly("inactive");

        images.container("app", ContainerImage.of("/bin/tempo"));
        pebble.replan();
        assertThat(pebble.services(List.of("app")))
            .extracting(ServiceInfo::current)
            .containsExactly("active");
      }
    }
  }
}
