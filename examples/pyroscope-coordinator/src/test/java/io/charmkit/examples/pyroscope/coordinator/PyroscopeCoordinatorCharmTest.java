package io.charmkit.examples.pyroscope.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.NginxContainers;
import io.charmkit.clustertesting.S3Bucket;
import io.charmkit.clustertesting.WorkerRelations;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Pyroscope coordinator, one event at a time, through the production dispatch loop. */
class PyroscopeCoordinatorCharmTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final Context CTX =
      new Context(PyroscopeCoordinatorCharm::new, METADATA).withAppName("pyroscope");

  /** One UI URL per JVM: the unit's FQDN as the charm looks it up. */
  private static final String UI = "UI ready at http://" + fqdn() + ":8080";

  private static String fqdn() {
    try {
      return java.net.InetAddress.getLocalHost().getCanonicalHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }

  private static final WorkerRelations WORKERS =
      new WorkerRelations("pyroscope-cluster", "pyroscope-worker-k8s");

  private static final Relation S3 =
      new S3Bucket("https://s3.example:443", "profiles", "AK", "SK").relation(50, "s3-standin");

  private static Outcome run(State.Builder state) {
    return CTX.run(
        Event.configChanged(),
        state
            .leader(true)
            .container(NginxContainers.NGINX)
            .container(NginxContainers.EXPORTER)
            .build());
  }

  private static Map<String, String> bag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localAppData();
  }

  /** The Helm micro-services sizes: every role at its recommended count. */
  private static State.Builder recommended() {
    return State.builder()
        .relation(WORKERS.relation(1, "reads", "querier,query-frontend,query-scheduler", 3))
        .relation(WORKERS.relation(2, "writes", "ingester,distributor", 3))
        .relation(WORKERS.relation(3, "backend", "compactor,store-gateway", 3))
        .relation(WORKERS.relation(4, "misc", "tenant-settings,ad-hoc-profiles", 1))
        .relation(S3);
  }

  @Test
  void multiRoleWorkersCoveringTheNineRolesAreActiveWithTheUiUrl() {
    Outcome out = run(recommended());

    assertThat(out.unitStatus()).isEqualTo(Status.active(UI));
    String config = CoordinatorAppData.CODEC.read(bag(out, 1), "bag").workerConfig();
    assertThat(config)
        .contains("bucket_name: profiles")
        .contains("insecure: false")
        .contains("compactor_blocks_retention_period: '1d'");
    for (int id = 1; id <= 4; id++) {
      assertThat(bag(out, id)).containsEntry("worker_ports", "[4040, 7946]");
    }
    assertThat(out.state().openedPorts())
        .containsExactlyInAnyOrder(Port.tcp(8080), Port.tcp(42424));
  }

  @Test
  void allExpandsToTheNineRolesAndOneUnitIsUnderScaled() {
    Outcome out =
        run(
            State.builder()
                .relation(WORKERS.relation(1, "pyroscope-worker", "all", 1))
                .relation(S3));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.active(
                UI
                    + "; [scale] below recommended units: compactor 1/3, distributor 1/2,"
                    + " ingester 1/3, querier 1/3, query-frontend 1/2, query-scheduler 1/2,"
                    + " store-gateway 1/3."));
    assertThat(bag(out, 1)).containsKey("worker_config");
  }

  @Test
  void aMissingRoleIsNamed() {
    Outcome out =
        run(
            State.builder()
                .relation(
                    WORKERS.relation(
                        1, "most", "querier,query-frontend,query-scheduler,ingester", 1))
                .relation(WORKERS.relation(2, "rest", "distributor,compactor,store-gateway", 1))
                .relation(S3));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "[consistency] Cluster inconsistent: missing roles ad-hoc-profiles,"
                    + " tenant-settings."));
    assertThat(bag(out, 1)).isEmpty();
  }

  @Test
  void invalidTimeOptionsBlockButTheWorkersRunWithCleanupDisabled() {
    Outcome out = run(recommended().config("retention_period", "one day"));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked("The following configurations are not valid: ['retention_period']"));
    String config = CoordinatorAppData.CODEC.read(bag(out, 1), "bag").workerConfig();
    assertThat(config)
        .contains("compactor_blocks_retention_period: 0")
        .contains("deletion_delay: 0");
  }

  @Test
  void nginxServesTheUiAndOtlpProfiles() {
    Outcome out = run(recommended());

    String conf = out.state().container("nginx").orElseThrow().files().get("/etc/nginx/nginx.conf");
    assertThat(conf).contains("listen 8080;").contains("listen 42424;").contains("upstream worker");
    assertThat(out.state().container("nginx-prometheus-exporter").orElseThrow().plan().services())
        .containsKey("nginx-prometheus-exporter");
  }
}
