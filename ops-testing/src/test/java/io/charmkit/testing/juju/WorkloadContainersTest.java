package io.charmkit.testing.juju;

import static io.charmkit.testing.juju.TestCharms.charm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How units' workload containers are started: plug-in implementations and a pebble binary. */
class WorkloadContainersTest {
  @TempDir Path dir;

  private Path fakePebble(String body) throws IOException {
    Path script = dir.resolve("pebble");
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void eachContainerOfEachUnitIsStartedWithAShortSocketPath() throws IOException {
    List<WorkloadContainers.ContainerSpec> started = new ArrayList<>();
    WorkloadContainers recording =
        spec -> {
          started.add(spec);
          return WorkloadContainers.directoriesOnly().start(spec);
        };
    try (EmbeddedJuju juju = EmbeddedJuju.builder().containers(recording).build()) {
      juju.deploy("consumer", charm("consumer"), 2, Map.of());

      assertThat(started)
          .extracting(
              WorkloadContainers.ContainerSpec::unit, WorkloadContainers.ContainerSpec::container)
          .containsExactly(
              org.assertj.core.api.Assertions.tuple("consumer/0", "workload"),
              org.assertj.core.api.Assertions.tuple("consumer/1", "workload"));
      WorkloadContainers.ContainerSpec first = started.get(0);
      assertThat(first.socketPath())
          .isEqualTo(juju.unitDir("consumer/0").resolve("containers/workload/pebble.socket"));
      assertThat(first.socketPath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .hasSizeLessThan(100);
      assertThat(first.socketPath().getParent()).isDirectory();
    }
  }

  @Test
  void aPebbleBinaryIsRunTheWayJujuRunsItInAWorkloadContainer() throws IOException {
    Path pebble =
        fakePebble("echo \"$@\" > \"$PEBBLE/args\"\ntouch \"$PEBBLE_SOCKET\"\nexec sleep 60\n");
    try (EmbeddedJuju juju = EmbeddedJuju.builder().pebbleBinary(pebble).build()) {
      juju.deploy("consumer", charm("consumer"), 1, Map.of());
      Path unit = juju.unitDir("consumer/0");

      assertThat(unit.resolve("containers/workload/pebble.socket")).exists();
      assertThat(unit.resolve("rootfs/workload/var/lib/pebble/default/args"))
          .hasContent("run --create-dirs --hold");
    }
  }

  @Test
  void aPebbleThatDiesAtStartUpFailsTheDeployWithItsLog() throws IOException {
    Path pebble = fakePebble("echo 'cannot bind' >&2\nexit 3\n");
    try (EmbeddedJuju juju = EmbeddedJuju.builder().pebbleBinary(pebble).build()) {
      assertThatThrownBy(() -> juju.deploy("consumer", charm("consumer"), 1, Map.of()))
          .isInstanceOf(EmbeddedJujuException.class)
          .hasMessageContaining("pebble for consumer/0 container workload exited with 3")
          .hasMessageContaining("pebble.log");
      assertThatThrownBy(() -> juju.units("consumer"))
          .as("no half-deployed application is left behind")
          .isInstanceOf(EmbeddedJujuException.class);
    }
  }
}
