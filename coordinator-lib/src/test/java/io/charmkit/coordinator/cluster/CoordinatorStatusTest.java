package io.charmkit.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.cluster.CoordinatorStatus.Level;
import io.charmkit.coordinator.s3.S3Readiness;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CoordinatorStatusTest {

  private static final S3Readiness READY =
      S3Readiness.read(
          Map.of("endpoint", "http://s3", "bucket", "b", "access-key", "a", "secret-key", "s"));
  private static final S3Readiness NOT_READY = S3Readiness.read(Map.of("bucket", "b"));

  private static ClusterConsistency tempo(WorkerBags... apps) {
    return ClusterConsistency.evaluate(
        RolesTable.TEMPO,
        ClusterMembers.of(ClusterView.read("cluster", RolesTable.TEMPO, List.of(apps))));
  }

  @Test
  void theTextsAreThoseOfCoordinatedWorkers() {
    assertThat(CoordinatorStatus.MISSING_WORKER_RELATION)
        .isEqualTo("[consistency] Missing any worker relation.");
    assertThat(CoordinatorStatus.CLUSTER_INCONSISTENT)
        .isEqualTo("[consistency] Cluster inconsistent.");
    assertThat(CoordinatorStatus.MISSING_S3).isEqualTo("[s3] Missing S3 integration.");
    assertThat(CoordinatorStatus.S3_NOT_READY)
        .isEqualTo("[s3] S3 not ready (probably misconfigured).");
    assertThat(CoordinatorStatus.DEGRADED).isEqualTo("Degraded.");
  }

  @Test
  void noWorkerRelationBlocksFirst() {
    CoordinatorStatus status =
        CoordinatorStatus.evaluate(0, tempo(), S3Readiness.MISSING, "", false);
    assertThat(status)
        .isEqualTo(
            new CoordinatorStatus(Level.BLOCKED, "[consistency] Missing any worker relation."));
    assertThat(status.gateOpen()).isFalse();
  }

  @Test
  void anIncoherentClusterNamesItsMissingRoles() {
    CoordinatorStatus status =
        CoordinatorStatus.evaluate(
            1,
            tempo(WorkerBags.of("w", "querier,query-frontend,compactor", "w0")),
            READY,
            "",
            false);
    assertThat(status.level()).isEqualTo(Level.BLOCKED);
    assertThat(status.message())
        .isEqualTo("[consistency] Cluster inconsistent: missing roles distributor, ingester.")
        .startsWith("[consistency] Cluster inconsistent");
  }

  @Test
  void oneMissingRoleIsSpelledInTheSingular() {
    assertThat(CoordinatorStatus.clusterInconsistent(new TreeSet<>(List.of("querier"))))
        .isEqualTo("[consistency] Cluster inconsistent: missing role querier.");
    assertThat(CoordinatorStatus.clusterInconsistent(new TreeSet<>()))
        .isEqualTo("[consistency] Cluster inconsistent.");
  }

  @Test
  void inconsistencyOutranksS3() {
    CoordinatorStatus status =
        CoordinatorStatus.evaluate(
            1, tempo(WorkerBags.of("w", "querier")), S3Readiness.MISSING, "", false);
    assertThat(status.message()).startsWith("[consistency] Cluster inconsistent:");
  }

  @Test
  void aMissingS3RelationBlocks() {
    CoordinatorStatus status =
        CoordinatorStatus.evaluate(
            1, tempo(WorkerBags.of("w", "all", "w0")), S3Readiness.MISSING, "", false);
    assertThat(status)
        .isEqualTo(new CoordinatorStatus(Level.BLOCKED, "[s3] Missing S3 integration."));
  }

  @Test
  void incompleteS3DataBlocks() {
    CoordinatorStatus status =
        CoordinatorStatus.evaluate(1, tempo(WorkerBags.of("w", "all", "w0")), NOT_READY, "", false);
    assertThat(status)
        .isEqualTo(
            new CoordinatorStatus(Level.BLOCKED, "[s3] S3 not ready (probably misconfigured)."));
  }

  @Test
  void aGoodClusterIsActiveWithTheProductsMessage() {
    CoordinatorStatus status =
        CoordinatorStatus.evaluate(
            1, tempo(WorkerBags.of("w", "all", "w0")), READY, "UI ready at http://x", false);
    assertThat(status).isEqualTo(new CoordinatorStatus(Level.ACTIVE, "UI ready at http://x"));
    assertThat(status.gateOpen()).isTrue();
  }

  @Test
  void underScalingShowsDegradedOnlyWhenAsked() {
    ClusterConsistency small = tempo(WorkerBags.of("w", "all", "w0"));
    assertThat(CoordinatorStatus.evaluate(1, small, READY, "", true))
        .isEqualTo(new CoordinatorStatus(Level.ACTIVE, "Degraded."));
    assertThat(CoordinatorStatus.evaluate(1, small, READY, "", false))
        .isEqualTo(new CoordinatorStatus(Level.ACTIVE, ""));
  }

  @Test
  void aFullyScaledClusterIsNotDegraded() {
    ClusterConsistency big =
        tempo(
            WorkerBags.of("q", "querier", "q0"),
            WorkerBags.of("qf", "query-frontend", "f0"),
            WorkerBags.of("i", "ingester", "i0", "i1", "i2"),
            WorkerBags.of("d", "distributor", "d0"),
            WorkerBags.of("c", "compactor", "c0"),
            WorkerBags.of("m", "metrics-generator", "m0"));
    assertThat(CoordinatorStatus.evaluate(1, big, READY, "", true))
        .isEqualTo(new CoordinatorStatus(Level.ACTIVE, ""));
  }
}
