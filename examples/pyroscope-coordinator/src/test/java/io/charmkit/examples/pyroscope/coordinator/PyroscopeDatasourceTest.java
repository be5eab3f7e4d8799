package io.charmkit.examples.pyroscope.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pyroscope as a Grafana datasource, sharing the UIDs Grafana assigned on send-datasource (which
 * the Python charm declares but never writes).
 */
class PyroscopeDatasourceTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final Context CTX =
      new Context(PyroscopeCoordinatorCharm::new, METADATA).withAppName("pyroscope");
  private static final String UUID = "0d2f6e0c-8a3b-4c55-9d0e-5f1a2b3c4d5e";

  private static String fqdn() {
    try {
      return java.net.InetAddress.getLocalHost().getCanonicalHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }

  private static State.Builder ready() {
    return CoherentPyroscope.state("cos", UUID);
  }

  @Test
  void itRegistersAsAPyroscopeDatasourceAndSharesTheAssignedUid() {
    State state =
        ready()
            .relation(
                Relation.of("grafana-source")
                    .withId(20)
                    .withRemoteApp("grafana")
                    .withRemoteAppData(
                        Map.of(
                            "grafana_uid",
                            "g1",
                            "datasource_uids",
                            "{\"pyroscope/0\": \"juju_cos_" + UUID + "_pyroscope_0\"}")))
            .relation(Relation.of("send-datasource").withId(30).withRemoteApp("tempo"))
            .build();

    Outcome out = CTX.run(Event.updateStatus(), state);

    Relation grafana = out.state().relation(20).orElseThrow();
    assertThat(grafana.localAppData())
        .containsEntry(
            "grafana_source_data",
            "{\"model\": \"cos\", \"model_uuid\": \""
                + UUID
                + "\", \"application\": \"pyroscope\", \"type\": \"grafana-pyroscope-datasource\","
                + " \"extra_fields\": null, \"secure_extra_fields\": null}");
    assertThat(grafana.localUnitData())
        .containsEntry("grafana_source_host", "http://" + fqdn() + ":8080");
    assertThat(out.state().relation(30).orElseThrow().localAppData())
        .containsExactlyEntriesOf(
            Map.of(
                "datasources",
                "[{\"type\":\"grafana-pyroscope-datasource\",\"uid\":\"juju_cos_"
                    + UUID
                    + "_pyroscope_0\",\"grafana_uid\":\"g1\"}]"));
  }
}
