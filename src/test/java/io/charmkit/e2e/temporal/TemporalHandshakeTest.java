package io.charmkit.e2e.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.hooktools.JujuToolSet;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.SettleReport;
import io.charmkit.testing.juju.WorkloadContainers;
import io.charmkit.testing.juju.WorkloadStatus;
import io.charmkit.testing.pebble.ContainerImage;
import io.charmkit.testing.pebble.ExecHandler;
import io.charmkit.testing.pebble.PebbleServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The packaged temporal-k8s and temporal-admin-k8s charms with the pgsql stand-in, run as processes
 * by the embedded Juju. The admin-tools image is not here, so {@code temporal-sql-tool} is scripted
 * in the admin unit's in-process Pebble.
 */
class TemporalHandshakeTest {
  private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();
  private static final Path SERVER = EXAMPLES.resolve("temporal/target/charm");
  private static final Path ADMIN = EXAMPLES.resolve("temporal-admin/target/charm");
  private static final Path POSTGRESQL = EXAMPLES.resolve("postgresql-standin/charm");

  private final List<ExecRequest> schemaRuns = new CopyOnWriteArrayList<>();

  /**
   * In-process Pebble for every container, as the embedded Juju's default, with {@code
   * temporal-sql-tool} answered by {@code tool} in the admin containers.
   */
  private WorkloadContainers containers(ExecHandler tool) {
    return spec -> {
      Files.createDirectories(spec.socketPath().getParent());
      Files.createDirectories(spec.rootDir());
      PebbleServer server = PebbleServer.start(spec.socketPath(), spec.rootDir());
      if (spec.container().equals("temporal")) {
        // temporalio/server's program, on the image's PATH.
        server.image(ContainerImage.of("/usr/local/bin/temporal-server"));
      }
      if (spec.container().equals("temporal-admin")) {
        server.onExec(
            List.of("temporal-sql-tool"),
            call -> {
              schemaRuns.add(call.request());
              return tool.run(call);
            });
      }
      return server::close;
    };
  }

  private static void deployAndRelateDatabases(EmbeddedJuju juju) {
    juju.deploy("postgresql", POSTGRESQL, 1, Map.of("host", "10.1.2.3"));
    juju.deploy("temporal-k8s", SERVER, 1, Map.of());
    juju.deploy("temporal-admin-k8s", ADMIN, 1, Map.of());
    juju.relate("temporal-k8s:db", "postgresql:db");
    juju.relate("temporal-k8s:visibility", "postgresql:db");
  }

  @Test
  void theHandshakeCompletesAndTheServerIsActive() throws Exception {
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder().containers(containers(ExecHandler.ok(""))).build()) {
      deployAndRelateDatabases(juju);
      int admin = juju.relate("temporal-k8s:admin", "temporal-admin-k8s:admin");
      SettleReport report = juju.settle();

      assertOnlyJuju36Tools(report);
      assertThat(juju.unitStatus("temporal-k8s/0")).isEqualTo(new WorkloadStatus("active", ""));
      assertThat(juju.unitStatus("temporal-admin-k8s/0"))
          .isEqualTo(new WorkloadStatus("active", ""));
      assertThat(juju.appData(admin, "temporal-k8s").get("database_connections"))
          .isEqualTo(
              "{\"db\": {\"dbname\": \"temporal-k8s_db\", \"host\": \"10.1.2.3\", \"port\":"
                  + " \"5432\", \"user\": \"temporal-k8s_db_user\", \"password\":"
                  + " \"standin-password\"}, \"visibility\": {\"dbname\":"
                  + " \"temporal-k8s_visibility\", \"host\": \"10.1.2.3\", \"port\": \"5432\","
                  + " \"user\": \"temporal-k8s_visibility_user\", \"password\":"
                  + " \"standin-password\"}}");
      assertThat(juju.appData(admin, "temporal-admin-k8s"))
          .isEqualTo(Map.of("schema_status", "ready"));
      assertThat(schemaRuns)
          .extracting(r -> r.command().get(8) + " " + r.command().get(11))
          .containsExactly(
              "temporal-k8s_db setup-schema",
              "temporal-k8s_db update-schema",
              "temporal-k8s_visibility setup-schema",
              "temporal-k8s_visibility update-schema");
      String config =
          Files.readString(
              juju.containerRoot("temporal-k8s/0", "temporal")
                  .resolve("etc/temporal/config/charm.yaml"));
      assertThat(config).contains("connectAddr: \"10.1.2.3:5432\"");
    }
  }

  /**
   * A second server unit learns the pgsql requests from the peer relation's application bag, where
   * the leader shared them (Juju 3 has no leadership settings), and mirrors them into its unit
   * bags.
   */
  @Test
  void aSecondServerUnitMirrorsTheRequestsTheLeaderSharedThroughThePeerRelation() throws Exception {
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder().containers(containers(ExecHandler.ok(""))).build()) {
      juju.deploy("postgresql", POSTGRESQL, 1, Map.of("host", "10.1.2.3"));
      juju.deploy("temporal-k8s", SERVER, 2, Map.of());
      int db = juju.relate("temporal-k8s:db", "postgresql:db");
      int visibility = juju.relate("temporal-k8s:visibility", "postgresql:db");
      SettleReport report = juju.settle();

      assertOnlyJuju36Tools(report);
      String follower =
          juju.units("temporal-k8s").stream()
              .filter(u -> !u.equals(juju.leader("temporal-k8s")))
              .findFirst()
              .orElseThrow();
      assertThat(juju.unitData(db, follower)).containsEntry("database", "temporal-k8s_db");
      assertThat(juju.unitData(visibility, follower))
          .containsEntry("database", "temporal-k8s_visibility");
      assertThat(juju.appData(db, "temporal-k8s")).containsEntry("database", "temporal-k8s_db");
      assertThat(juju.unitStatus(follower).message())
          .isEqualTo("admin:temporal relation: not available");
    }
  }

  /** Every hook succeeded and called only tools a Juju 3.6 agent has. */
  private static void assertOnlyJuju36Tools(SettleReport report) {
    JujuToolSet juju36 = JujuToolSet.forVersion("3.6.14");
    assertThat(report.failed()).isEmpty();
    assertThat(report.runs())
        .flatMap(run -> run.toolCalls().keySet())
        .isNotEmpty()
        .allSatisfy(tool -> assertThat(juju36.whyAbsent(tool)).as(tool).isEmpty());
  }

  @Test
  void removingTheAdminRelationBeforeTheSchemaIsReadyLeavesTheServerBlocked() throws Exception {
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder()
            .containers(containers(ExecHandler.output(1, "", "connection refused")))
            .build()) {
      deployAndRelateDatabases(juju);
      int admin = juju.relate("temporal-k8s:admin", "temporal-admin-k8s:admin");
      juju.settle();

      assertThat(juju.unitStatus("temporal-k8s/0").message())
          .isEqualTo("admin:temporal relation: schema is not ready");
      assertThat(juju.unitStatus("temporal-admin-k8s/0").message())
          .isEqualTo("error setting up schema. remove relation and try again.");

      juju.removeRelation(admin);
      juju.settle();

      assertThat(juju.unitStatus("temporal-k8s/0"))
          .isEqualTo(new WorkloadStatus("blocked", "admin:temporal relation: not available"));
    }
  }
}
