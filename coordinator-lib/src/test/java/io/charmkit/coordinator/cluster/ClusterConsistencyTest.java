package io.charmkit.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterConsistencyTest {

  @Test
  void aMonolithicTempoWorkerIsCoherentButUnderScaled() {
    ClusterMembers members =
        ClusterMembers.of(
            ClusterView.read(
                "cluster", RolesTable.TEMPO, List.of(WorkerBags.of("tempo-worker", "all", "w0"))));
    ClusterConsistency consistency = ClusterConsistency.evaluate(RolesTable.TEMPO, members);

    assertThat(consistency.coherent()).isTrue();
    assertThat(consistency.missingRoles()).isEmpty();
    assertThat(consistency.recommended()).isFalse();
    assertThat(consistency.underScaled()).containsExactly(new UnderScaledRole("ingester", 1, 3));
    assertThat(consistency.underScaled().get(0).shortBy()).isEqualTo(2);
  }

  @Test
  void namesTheMissingRolesSorted() {
    ClusterMembers members =
        ClusterMembers.of(
            ClusterView.read(
                "cluster",
                RolesTable.TEMPO,
                List.of(
                    WorkerBags.of("q", "querier", "q0"), WorkerBags.of("c", "compactor", "c0"))));
    ClusterConsistency consistency = ClusterConsistency.evaluate(RolesTable.TEMPO, members);

    assertThat(consistency.coherent()).isFalse();
    assertThat(consistency.missingRoles())
        .containsExactly("distributor", "ingester", "query-frontend");
  }

  @Test
  void anApplicationWithNoUnitsStillMakesItsRolesPresent() {
    ClusterMembers members =
        ClusterMembers.of(
            ClusterView.read("cluster", RolesTable.LOKI, List.of(WorkerBags.of("loki", "all"))));
    ClusterConsistency consistency = ClusterConsistency.evaluate(RolesTable.LOKI, members);

    assertThat(members.unitsByRole())
        .isEqualTo(Map.of("all", 0, "read", 0, "write", 0, "backend", 0));
    assertThat(consistency.coherent()).isTrue();
    assertThat(consistency.underScaled())
        .containsExactly(
            new UnderScaledRole("backend", 0, 3),
            new UnderScaledRole("read", 0, 3),
            new UnderScaledRole("write", 0, 3));
  }

  @Test
  void countsUnitsAcrossApplicationsThatShareARole() {
    ClusterMembers members =
        ClusterMembers.of(
            ClusterView.read(
                "cluster",
                RolesTable.MIMIR,
                List.of(
                    WorkerBags.of("read", "read", "r0", "r1"),
                    WorkerBags.of("write", "write", "w0", "w1", "w2"),
                    WorkerBags.of("backend", "backend", "b0"),
                    WorkerBags.of("extra", "querier", "x0"))));
    ClusterConsistency consistency = ClusterConsistency.evaluate(RolesTable.MIMIR, members);

    assertThat(members.unitsByRole()).containsEntry("querier", 3).containsEntry("ingester", 3);
    assertThat(consistency.coherent()).isTrue();
    assertThat(consistency.recommended()).isTrue();
  }

  @Test
  void unitCountsIncludeUnitsWithoutAValidBag() {
    ClusterMembers members =
        ClusterMembers.of(
            ClusterView.read(
                "cluster",
                RolesTable.TEMPO,
                List.of(
                    new WorkerBags(
                        0,
                        Optional.of("ing"),
                        Map.of("role", "\"ingester\""),
                        Map.of(
                            "ing/0",
                            WorkerBags.of("ing", "ingester", "i0").unitBags().get("ing/0"),
                            "ing/1",
                            Map.of("ingress-address", "10.0.0.2"),
                            "ing/2",
                            Map.of())))));

    assertThat(members.unitsByRole()).containsEntry("ingester", 3);
    assertThat(members.addressesOf("ingester")).containsExactly("i0");
  }

  @Test
  void theSameApplicationsInAnyOrderGiveTheSameMembers() {
    List<WorkerBags> apps =
        new ArrayList<>(
            List.of(
                WorkerBags.of("a", "querier,query-frontend", "a1", "a0"),
                WorkerBags.of("b", "ingester", "b2", "b0", "b1"),
                WorkerBags.of("c", "all", "c0"),
                WorkerBags.of("d", "distributor")));
    ClusterMembers first = ClusterMembers.of(ClusterView.read("cluster", RolesTable.TEMPO, apps));
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(apps, random);
      ClusterMembers again = ClusterMembers.of(ClusterView.read("cluster", RolesTable.TEMPO, apps));
      assertThat(again).isEqualTo(first);
      assertThat(again.toString()).isEqualTo(first.toString());
    }
    assertThat(first.addresses()).containsExactly("a0", "a1", "b0", "b1", "b2", "c0");
  }
}
