package io.charmkit.examples.tempo.coordinator;

import static io.charmkit.examples.tempo.coordinator.Cluster.TLS;
import static io.charmkit.examples.tempo.coordinator.Cluster.leaderWith;
import static io.charmkit.examples.tempo.coordinator.Cluster.s3Ready;
import static io.charmkit.examples.tempo.coordinator.Cluster.with;
import static io.charmkit.examples.tempo.coordinator.Cluster.worker;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.schema.catalogue.CatalogueItem;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code ingress} endpoint (traefik_route): the leader routes every Tempo port through Traefik
 * as the Python coordinator does. The expected bags under {@code src/test/resources/traefik-route}
 * are PyYAML 6.0.3's {@code yaml.safe_dump} of the dictionaries the Python coordinator's {@code
 * _ingress_config} and {@code _static_ingress_config} build for the same model (a transcription of
 * them run once for these files): byte for byte what the Python requirer writes.
 */
class TempoIngressTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final String FQDN = "tempo-0.tempo-endpoints.cos.svc.cluster.local";
  private static final String PEER_FQDN = "tempo-1.tempo-endpoints.cos.svc.cluster.local";

  private static Context context(TlsSource tls) {
    return new Context(fw -> new TempoCoordinatorCharm(fw, tls, Cluster.host(FQDN)), METADATA)
        .withAppName("tempo");
  }

  private static Relation traefik(Map<String, String> data) {
    return Relation.of("ingress").withId(70).withRemoteApp("traefik").withRemoteAppData(data);
  }

  /** The peer relation, with the other unit's FQDN as this coordinator writes it. */
  private static Relation peers() {
    return Relation.peer("peers")
        .withId(80)
        .withRemoteUnitsData(Map.of(1, Map.of("hostname", PEER_FQDN)));
  }

  private static String expected(String name) throws IOException {
    try (InputStream in =
        TempoIngressTest.class.getResourceAsStream("/traefik-route/" + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> bag(Outcome out) {
    return out.state().relation(70).orElseThrow().localAppData();
  }

  @Test
  void everyPortIsRoutedAsThePythonCoordinatorRoutesIt() throws IOException {
    State state = leaderWith(traefik(Map.of()), peers());

    Outcome out =
        context(TlsSource.NONE).run(Event.relationJoined(state.relation(70).get()), state);

    assertThat(bag(out))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("raw", "False", "config", expected("plain"), "static", expected("static")));
  }

  @Test
  void underTlsWithAnHttpsTraefikNginxIsReachedOverHttpsAndPlainRequestsRedirected()
      throws IOException {
    State state =
        leaderWith(traefik(Map.of("external_host", "10.0.0.5", "scheme", "https")), peers());

    Outcome out = context(() -> Optional.of(TLS)).run(Event.updateStatus(), state);

    assertThat(bag(out)).containsEntry("config", expected("https"));
  }

  @Test
  void aFollowerSubmitsNothing() {
    State state = with(false, List.of(traefik(Map.of()), peers()));

    Outcome out = context(TlsSource.NONE).run(Event.updateStatus(), state);

    assertThat(bag(out)).isEmpty();
  }

  /** The catalogue entry's status URL and the run, with Traefik having sent {@code traefik}. */
  private static Outcome withCatalogue(Map<String, String> traefik) {
    State state =
        leaderWith(
            worker(1, "tempo-worker", "all", 3),
            s3Ready(),
            traefik(traefik),
            Relation.of("catalogue").withId(60).withRemoteApp("catalogue"));
    return context(TlsSource.NONE).run(Event.updateStatus(), state);
  }

  private static String statusUrl(Outcome out) {
    return CatalogueItem.CODEC
        .read(out.state().relation(60).orElseThrow().localAppData(), "")
        .apiEndpoints()
        .get("Status");
  }

  @Test
  void theCatalogueShowsTraefiksUrlOnceItIsKnown() {
    Outcome out = withCatalogue(Map.of("external_host", "traefik.example.com", "scheme", "https"));

    assertThat(statusUrl(out)).isEqualTo("https://traefik.example.com:3200/status");
  }

  @Test
  void aTraefikAddressThatIsNotOneIsIgnoredNeverAFailedHook() {
    Outcome out = withCatalogue(Map.of("external_host", "evil host\n", "scheme", "gopher"));

    assertThat(statusUrl(out))
        .isEqualTo("http://tempo." + out.state().modelName() + ".svc.cluster.local:3200/status");
    assertThat(out.jujuLog())
        .anyMatch(
            l ->
                l.level().equals("WARNING")
                    && l.message().contains("relation ingress:70, application traefik"));
  }
}
