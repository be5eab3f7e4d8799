package io.charmkit.clustertesting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Relation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixtures write the bags the Python charms write (WIRE.md §3), byte for byte. */
class WorkerRelationsTest {
  private static final WorkerRelations WORKERS =
      new WorkerRelations("tempo-cluster", "tempo-worker-k8s");

  @Test
  void aWorkerUnitsBagIsTheTopologyAndAddressAsThePythonWorkerDumpsThem() {
    assertThat(WORKERS.unitBag("tempo-ingester", 2))
        .containsExactly(
            Map.entry(
                "juju_topology",
                "{\"application\": \"tempo-ingester\", \"unit\": \"tempo-ingester/2\","
                    + " \"charm_name\": \"tempo-worker-k8s\"}"),
            Map.entry(
                "address", "\"tempo-ingester-2.tempo-ingester-endpoints.cos.svc.cluster.local\""));
  }

  @Test
  void aWorkerRelationCarriesTheRoleAndEveryUnitsBag() {
    Relation relation = WORKERS.relation(7, "reads", "querier,query-frontend", 3);

    assertThat(relation.endpoint()).isEqualTo("tempo-cluster");
    assertThat(relation.id()).isEqualTo(7);
    assertThat(relation.remoteApp()).isEqualTo("reads");
    assertThat(relation.remoteAppData())
        .containsExactly(Map.entry("role", "\"querier,query-frontend\""));
    assertThat(relation.remoteUnitsData()).containsOnlyKeys(0, 1, 2);
    // Juju's own keys (ingress-address, …) share the bag; the worker's are there as written.
    assertThat(relation.remoteUnitsData().get(1)).containsAllEntriesOf(WORKERS.unitBag("reads", 1));
  }

  @Test
  void theCoordinatorsBagLeavesOutEmptyFields() {
    WorkerUnderTest worker =
        new WorkerUnderTest("mimir-worker", "mimir-cluster", "mimir", "mimir", "/bin/mimir");

    Relation cluster = worker.cluster(CoordinatorAppData.builder("a: 1\n").build());

    assertThat(cluster.endpoint()).isEqualTo("mimir-cluster");
    assertThat(cluster.remoteApp()).isEqualTo("mimir");
    assertThat(cluster.remoteAppData()).containsEntry("worker_config", "\"a: 1\\n\"");
    assertThat(cluster.remoteAppData().values()).doesNotContain("");
    assertThat(worker.cluster("a: 1\n").remoteAppData()).isEqualTo(cluster.remoteAppData());
    assertThat(worker.fqdn())
        .isEqualTo("mimir-worker-0.mimir-worker-endpoints.cos.svc.cluster.local");
  }

  @Test
  void theFixedHostNeverSleeps() {
    var host = FixedHost.of("x-0.x-endpoints.cos.svc.cluster.local");

    assertThat(host.fqdn().get()).isEqualTo("x-0.x-endpoints.cos.svc.cluster.local");
    assertThat(host.nameserver().get()).isEqualTo(FixedHost.NAMESERVER);
    assertThatThrownBy(() -> host.sleeper().sleep(Duration.ofSeconds(1)))
        .isInstanceOf(AssertionError.class);
  }
}
