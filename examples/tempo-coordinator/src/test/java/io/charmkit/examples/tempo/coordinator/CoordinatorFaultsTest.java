package io.charmkit.examples.tempo.coordinator;

import static io.charmkit.examples.tempo.coordinator.Cluster.s3Ready;
import static io.charmkit.examples.tempo.coordinator.Cluster.worker;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 on the coordinator: nginx that cannot run is a status, and the hook still opens the
 * ports and publishes the cluster config; issue 16: a worker's bad unit data is named, never fatal.
 */
class CoordinatorFaultsTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final Context CTX =
      new Context(TempoCoordinatorCharm::new, METADATA).withAppName("tempo");

  private static State cluster(Container nginx) {
    return State.builder()
        .leader(true)
        .container(nginx)
        .container(
            Container.connected("nginx-prometheus-exporter")
                .withExecutables("/usr/bin/nginx-prometheus-exporter"))
        .relation(worker(1, "tempo-worker", "all", 3))
        .relation(s3Ready())
        .build();
  }

  @Test
  void nginxMissingFromTheImageBlocksButTheClusterConfigIsPublished() {
    Outcome out = CTX.run(Event.updateStatus(), cluster(Container.connected("nginx")));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "[nginx] service \"nginx\" failed to start:"
                    + " exec: \"nginx\": executable file not found in $PATH"));
    CoordinatorAppData published =
        CoordinatorAppData.CODEC.read(out.state().relation(1).orElseThrow().localAppData(), "");
    assertThat(published.workerConfig()).isNotBlank();
    assertThat(out.state().openedPorts()).isNotEmpty();
    assertThat(out.state().container("nginx").orElseThrow().serviceStatuses())
        .containsEntry("nginx", "inactive");
  }

  @Test
  void theNextEventStartsNginxOnceTheImageIsFixed() {
    Outcome failed = CTX.run(Event.updateStatus(), cluster(Container.connected("nginx")));
    Container before = failed.state().container("nginx").orElseThrow();
    Container fixed = before.withExecutables("/usr/sbin/nginx");

    Outcome out =
        CTX.run(Event.updateStatus(), failed.state().toBuilder().container(fixed).build());

    assertThat(out.state().container("nginx").orElseThrow().serviceStatuses())
        .containsEntry("nginx", "active");
    assertThat(out.unitStatus().name()).isEqualTo(Status.active("").name());
  }

  @Test
  void aPushThatFailsBlocksNamingNginxAndTheHookCommits() {
    Outcome out =
        CTX.run(
            Event.updateStatus(),
            cluster(
                Container.connected("nginx")
                    .withExecutables("/usr/sbin/nginx")
                    .withFile("/etc/nginx", "not a directory")));

    assertThat(out.unitStatus().name()).isEqualTo(Status.blocked("").name());
    assertThat(out.unitStatus().message())
        .startsWith("[nginx] cannot write the nginx configuration: ");
    assertThat(out.state().relation(1).orElseThrow().localAppData()).containsKey("worker_config");
  }

  @Test
  void aMissingExporterBlocksNamingItsContainer() {
    State state =
        cluster(Container.connected("nginx").withExecutables("/usr/sbin/nginx")).toBuilder()
            .container(Container.connected("nginx-prometheus-exporter"))
            .build();

    Outcome out = CTX.run(Event.updateStatus(), state);

    assertThat(out.unitStatus().message())
        .startsWith("[nginx-prometheus-exporter] service \"nginx-prometheus-exporter\" failed");
  }

  @Test
  void aHugeAddressOrBrokenTopologyIsNamedAndTheRestIsServed() {
    Relation good = worker(2, "tempo-broken", "all", 3);
    Map<Integer, Map<String, String>> units = new HashMap<>(good.remoteUnitsData());
    Map<String, String> huge = new HashMap<>(units.get(1));
    huge.put("address", "\"" + "a".repeat(511 * 1024) + "\"");
    units.put(1, huge);
    Map<String, String> broken = new HashMap<>(units.get(2));
    broken.put(
        "juju_topology", "{\"application\": {\"x\": 1}, \"unit\": [], \"charm_name\": null}");
    units.put(2, broken);
    Relation bad = good.withRemoteUnitsData(units);
    State state =
        cluster(Container.connected("nginx").withExecutables("/usr/sbin/nginx")).toBuilder()
            .relation(bad)
            .build();

    Outcome out = CTX.run(Event.relationChanged(bad), state);

    assertThat(out.unitStatus().name()).isEqualTo(Status.blocked("").name());
    assertThat(out.unitStatus().message())
        .startsWith("[consistency] Invalid data from tempo-broken: relation tempo-cluster:2, unit")
        .containsAnyOf("address", "juju_topology");
    // The good worker application is still served.
    assertThat(out.state().relation(1).orElseThrow().localAppData()).containsKey("worker_config");
  }
}
