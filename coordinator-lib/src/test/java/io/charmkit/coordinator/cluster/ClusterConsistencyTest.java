package io.charmkit.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.roles.RolesTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ClusterConsistencyTest {

  @Test
  void aMonolithicTempoWorkerIsCoherentButUnderScaled() {
    ClusterMembers members =
        ClusterMembers.gather(
            RolesTable.TEMPO, List.of(WorkerApplication.of("tempo-worker", "all", "w0")));
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
        ClusterMembers.gather(
            RolesTable.TEMPO,
            List.of(
                WorkerApplication.of("q", "querier", "q0"),
                WorkerApplication.of("c", "compactor", "c0")));
    ClusterConsistency consistency = ClusterConsistency.evaluate(RolesTable.TEMPO, members);

    assertThat(consistency.coherent()).isFalse();
    assertThat(consistency.missingRoles())
        .containsExactly("distributor", "ingester", "query-frontend");
  }

  @Test
  void anApplicationWithNoUnitsStillMakesItsRolesPresent() {
    ClusterMembers members =
        ClusterMembers.gather(
            RolesTable.LOKI, List.of(new WorkerApplication("loki", "all", 0, new TreeSet<>())));
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
        ClusterMembers.gather(
            RolesTable.MIMIR,
            List.of(
                WorkerApplication.of("read", "read", "r0", "r1"),
                WorkerApplication.of("write", "write", "w0", "w1", "w2"),
                WorkerApplication.of("backend", "backend", "b0"),
                WorkerApplication.of("extra", "querier", "x0")));
    ClusterConsistency consistency = ClusterConsistency.evaluate(RolesTable.MIMIR, members);

    assertThat(members.unitsByRole()).containsEntry("querier", 3).containsEntry("ingester", 3);
    assertThat(consistency.coherent()).isTrue();
    assertThat(consistency.recommended()).isTrue();
  }

  @Test
  void unitCountsIncludeUnitsWithoutAValidBag() {
    ClusterMembers members =
        ClusterMembers.gather(
            RolesTable.TEMPO,
            List.of(new WorkerApplication("ing", "ingester", 3, new TreeSet<>(List.of("i0")))));

    assertThat(members.unitsByRole()).containsEntry("ingester", 3);
    assertThat(members.addressesOf("ingester")).containsExactly("i0");
  }

  @Test
  void theSameApplicationsInAnyOrderGiveTheSameMembers() {
    List<WorkerApplication> apps =
        new ArrayList<>(
            List.of(
                WorkerApplication.of("a", "querier,query-frontend", "a1", "a0"),
                WorkerApplication.of("b", "ingester", "b2", "b0", "b1"),
                WorkerApplication.of("c", "all", "c0"),
                WorkerApplication.of("d", "distributor")));
    ClusterMembers first = ClusterMembers.gather(RolesTable.TEMPO, apps);
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(apps, random);
      ClusterMembers again = ClusterMembers.gather(RolesTable.TEMPO, apps);
      assertThat(again).isEqualTo(first);
      assertThat(again.toString()).isEqualTo(first.toString());
    }
    assertThat(first.addresses()).containsExactly("a0", "a1", "b0", "b1", "b2", "c0");
  }
}
