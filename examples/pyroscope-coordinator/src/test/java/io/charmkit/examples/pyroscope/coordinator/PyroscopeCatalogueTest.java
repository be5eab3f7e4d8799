package io.charmkit.examples.pyroscope.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code catalogue} endpoint: the Python Pyroscope coordinator's entry, byte for byte. */
class PyroscopeCatalogueTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final HostEnvironment HOST =
      new HostEnvironment(
          () -> "pyroscope-0.pyroscope-endpoints.cos.svc.cluster.local",
          Map.of(),
          () -> "10.152.183.10",
          () -> false,
          Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
          d -> {
            throw new AssertionError("the coordinator never sleeps");
          });
  private static final Context CTX =
      new Context(fw -> new PyroscopeCoordinatorCharm(fw, TlsSource.NONE, HOST), METADATA)
          .withAppName("pyroscope");

  @Test
  void theLeaderListsTheUiAtTheApplicationsServiceUrl() {
    Map<Integer, Map<String, String>> units = new LinkedHashMap<>();
    units.put(
        0,
        Map.of(
            "juju_topology",
            "{\"application\": \"pw\", \"unit\": \"pw/0\", \"charm_name\": \"pyroscope-worker-k8s\"}",
            "address",
            "\"pw-0.pw-endpoints.cos.svc.cluster.local\""));
    State state =
        State.builder()
            .leader(true)
            .model("cos", "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
            .container(Container.connected("nginx").withExecutables("/usr/sbin/nginx"))
            .container(
                Container.connected("nginx-prometheus-exporter")
                    .withExecutables("/usr/bin/nginx-prometheus-exporter"))
            .relation(
                Relation.of("pyroscope-cluster")
                    .withId(1)
                    .withRemoteApp("pw")
                    .withRemoteAppData(Map.of("role", "\"all\""))
                    .withRemoteUnitsData(units))
            .relation(
                Relation.of("s3")
                    .withId(50)
                    .withRemoteApp("s3")
                    .withRemoteAppData(
                        Map.of(
                            "endpoint", "http://s3:9000",
                            "bucket", "profiles",
                            "access-key", "AK",
                            "secret-key", "SK")))
            .relation(Relation.of("catalogue").withId(60).withRemoteApp("catalogue"))
            .build();

    Outcome out = CTX.run(Event.updateStatus(), state);

    assertThat(out.state().relation(60).orElseThrow().localAppData())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "name", "Pyroscope (pyroscope)",
                "description",
                    "Grafana Pyroscope is a distributed continuous profiling backend. Allows you to"
                        + " collect, store, query, and visualize profiles from your distributed"
                        + " deployment.",
                "url", "http://pyroscope.cos.svc.cluster.local:8080",
                "icon", "flame",
                "api_endpoints", "null"));
  }
}
