package io.charmkit.e2e.temporal;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.testing.juju.ActionResult;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.EmbeddedJujuException;
import io.charmkit.testing.juju.HookRun;
import io.charmkit.testing.juju.WorkloadContainers;
import io.charmkit.testing.juju.WorkloadStatus;
import io.charmkit.testing.pebble.ContainerImage;
import io.charmkit.testing.pebble.ExecHandler;
import io.charmkit.testing.pebble.PebbleServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged temporal-k8s charm's {@code restart} action, run by the embedded Juju through the
 * charm's real {@code dispatch} and JVM, as {@code juju run temporal-k8s/0 restart} runs it.
 */
class TemporalActionTest {
  private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();
  private static final Path SERVER = EXAMPLES.resolve("temporal/target/charm");
  private static final Path ADMIN = EXAMPLES.resolve("temporal-admin/target/charm");
  private static final Path POSTGRESQL = EXAMPLES.resolve("postgresql-standin/charm");

  /** In-process Pebble; the server image has its program and the admin's schema tool succeeds. */
  private static WorkloadContainers containers() {
    return spec -> {
      Files.createDirectories(spec.socketPath().getParent());
      Files.createDirectories(spec.rootDir());
      PebbleServer server = PebbleServer.start(spec.socketPath(), spec.rootDir());
      if (spec.container().equals("temporal")) {
        server.image(ContainerImage.of("/usr/local/bin/temporal-server"));
      }
      if (spec.container().equals("temporal-admin")) {
        server.onExec(List.of("temporal-sql-tool"), ExecHandler.ok(""));
      }
      return server::close;
    };
  }

  @Test
  void restartFailsWithAReasonWhileTheServerIsNotConfiguredAndTheUnitStaysOutOfError()
      throws Exception {
    try (EmbeddedJuju juju = EmbeddedJuju.builder().containers(containers()).build()) {
      juju.deploy("temporal-k8s", SERVER, 1, Map.of());
      assertThat(juju.settle().failed()).isEmpty();
      WorkloadStatus before = juju.unitStatus("temporal-k8s/0");

      ActionResult restart = juju.runAction("temporal-k8s/0", "restart", Map.of());

      assertThat(restart.status()).isEqualTo("failed");
      assertThat(restart.message()).hasValue("temporal is not configured yet: " + before.message());
      assertThat(restart.exitCode()).isZero();
      assertThat(juju.unitStatus("temporal-k8s/0")).isEqualTo(before);
      assertThat(juju.hookRuns())
          .last()
          .extracting(HookRun::unit, HookRun::hook, HookRun::exitCode)
          .containsExactly("temporal-k8s/0", "restart", 0);
    }
  }

  @Test
  void restartCompletesOnAConfiguredServerThroughTheRealDispatch() throws Exception {
    try (EmbeddedJuju juju = EmbeddedJuju.builder().containers(containers()).build()) {
      juju.deploy("postgresql", POSTGRESQL, 1, Map.of("host", "10.1.2.3"));
      juju.deploy("temporal-k8s", SERVER, 1, Map.of());
      juju.deploy("temporal-admin-k8s", ADMIN, 1, Map.of());
      juju.relate("temporal-k8s:db", "postgresql:db");
      juju.relate("temporal-k8s:visibility", "postgresql:db");
      juju.relate("temporal-k8s:admin", "temporal-admin-k8s:admin");
      assertThat(juju.settle().failed()).isEmpty();

      ActionResult restart = juju.runAction("temporal-k8s/leader", "restart", Map.of());

      assertThat(restart).succeeded().results().isEmpty();
      assertThat(restart.unit()).isEqualTo("temporal-k8s/0");
      assertThat(juju.unitStatus("temporal-k8s/0")).isEqualTo(new WorkloadStatus("active", ""));
      // maintenance while restarting, then active again
      assertThat(juju.hookRuns().get(juju.hookRuns().size() - 1).toolCalls().get("status-set"))
          .isGreaterThanOrEqualTo(2);
      assertThat(juju.settle().runs()).isEmpty();
    }
  }

  @Test
  void juju36RefusesAnUndeclaredActionButPassesUndeclaredParametersOn() throws Exception {
    try (EmbeddedJuju juju = EmbeddedJuju.builder().containers(containers()).build()) {
      juju.deploy("temporal-k8s", SERVER, 1, Map.of());
      juju.settle();

      assertThatThrownBy(() -> juju.runAction("temporal-k8s/0", "backup", Map.of()))
          .isInstanceOf(EmbeddedJujuException.class)
          .hasMessage(
              "juju run temporal-k8s/0 backup refused: action 'backup' is not defined in"
                  + " actions.yaml (defined: restart)");
      // temporal's actions.yaml says nothing of additionalProperties: Juju 3 lets it through.
      assertThat(juju.runAction("temporal-k8s/0", "restart", Map.of("force", true)).status())
          .isEqualTo("failed");
    }
  }
}
