package io.charmkit.coordinator.ring;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.List;
import org.junit.jupiter.api.Test;

class RingTest {

  @Test
  void tempoAndPyroscopeJoinThroughPort7946InAddressOrder() {
    assertThat(Memberlist.joinMembersWithPort(List.of("w-1.svc", "w-0.svc", "w-1.svc")))
        .containsExactly("w-0.svc:7946", "w-1.svc:7946");
  }

  @Test
  void lokiAndMimirJoinThroughBareAddresses() {
    assertThat(Memberlist.joinMembers(List.of("b", "a"))).containsExactly("a", "b");
  }

  @Test
  void replicationIsThreeFromThreeReplicas() {
    assertThat(ReplicationFactor.of(0)).isEqualTo(1);
    assertThat(ReplicationFactor.of(2)).isEqualTo(1);
    assertThat(ReplicationFactor.of(3)).isEqualTo(3);
    assertThat(ReplicationFactor.of(7)).isEqualTo(3);
  }

  @Test
  void replicationCountsDistinctAddressesOfTheRole() {
    ClusterMembers members =
        ClusterMembers.of(
            ClusterView.read(
                "cluster",
                RolesTable.LOKI,
                List.of(
                    WorkerBags.of("be", "backend", "b0", "b1"),
                    WorkerBags.of("all", "all", "a0"))));
    assertThat(ReplicationFactor.forRole(members, "backend")).isEqualTo(3);
    assertThat(ReplicationFactor.forRole(members, "write")).isEqualTo(1);
    assertThat(ReplicationFactor.forRole(members, "nobody")).isEqualTo(1);
  }
}
