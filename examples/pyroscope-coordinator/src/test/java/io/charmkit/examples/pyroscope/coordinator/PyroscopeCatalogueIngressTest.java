package io.charmkit.examples.pyroscope.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.FixedHost;
import io.charmkit.coordinator.tls.ServerTls;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code catalogue} and {@code ingress} endpoints: the Python Pyroscope coordinator's entry and
 * Traefik route, byte for byte. The expected routes under {@code src/test/resources/traefik-route}
 * are PyYAML 6.0.3's {@code yaml.safe_dump} of what the Python coordinator's {@code
 * traefik_config()} returns for the same model (run once for these files).
 */
class PyroscopeCatalogueIngressTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final HostEnvironment HOST =
      FixedHost.of("pyroscope-0.pyroscope-endpoints.cos.svc.cluster.local");
  private static final ServerTls TLS =
      new ServerTls(
          "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
          "-----BEGIN CERTIFICATE-----\nSERVER\n-----END CERTIFICATE-----",
          "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----");
  private static final Context CTX =
      new Context(fw -> new PyroscopeCoordinatorCharm(fw, TlsSource.NONE, HOST), METADATA)
          .withAppName("pyroscope");

  /** A coherent Pyroscope with S3, a catalogue and the given extra relations. */
  private static State state(Relation... extra) {
    State.Builder state =
        CoherentPyroscope.state("cos", "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
            .relation(Relation.of("catalogue").withId(60).withRemoteApp("catalogue"));
    for (Relation relation : extra) {
      state.relation(relation);
    }
    return state.build();
  }

  private static Relation traefik(Map<String, String> data) {
    return Relation.of("ingress").withId(70).withRemoteApp("traefik").withRemoteAppData(data);
  }

  private static String expected(String name) throws IOException {
    try (InputStream in =
        PyroscopeCatalogueIngressTest.class.getResourceAsStream(
            "/traefik-route/" + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> bag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localAppData();
  }

  @Test
  void theLeaderListsTheUiAtTheApplicationsServiceUrl() {
    State state = state();
    Outcome out = CTX.run(Event.updateStatus(), state);

    assertThat(bag(out, 60))
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

  @Test
  void theUiIsRoutedUnderAPathPrefixAndGrpcThroughItsOwnEntryPoint() throws IOException {
    Outcome out = CTX.run(Event.updateStatus(), state(traefik(Map.of())));

    assertThat(bag(out, 70))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("raw", "False", "config", expected("plain"), "static", expected("static")));
  }

  @Test
  void underTlsEveryRouterRedirectsToHttps() throws IOException {
    Context tls =
        new Context(fw -> new PyroscopeCoordinatorCharm(fw, () -> Optional.of(TLS), HOST), METADATA)
            .withAppName("pyroscope");

    Outcome out = tls.run(Event.updateStatus(), state(traefik(Map.of())));

    assertThat(bag(out, 70)).containsEntry("config", expected("tls"));
  }

  @Test
  void theCatalogueShowsTheUiThroughTraefikOnceItIsKnown() {
    Outcome out =
        CTX.run(
            Event.updateStatus(),
            state(traefik(Map.of("external_host", "traefik.example.com", "scheme", "https"))));

    assertThat(bag(out, 60)).containsEntry("url", "https://traefik.example.com/cos-pyroscope");
  }
}
