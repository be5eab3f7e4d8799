package io.charmkit.examples.tempo.coordinator;

import static io.charmkit.examples.tempo.coordinator.Cluster.s3Ready;
import static io.charmkit.examples.tempo.coordinator.Cluster.worker;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.NginxContainers;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Tempo as a Grafana datasource (WIRE.md §4.3) and on grafana_datasource_exchange (§4.2): what it
 * registers, what it shares, and the correlation settings it derives from what it receives.
 */
class TempoDatasourceTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final Context CTX =
      new Context(TempoCoordinatorCharm::new, METADATA).withAppName("tempo");

  private static final String MODEL = "cos";
  private static final String UUID = "0d2f6e0c-8a3b-4c55-9d0e-5f1a2b3c4d5e";
  private static final int GRAFANA = 20;
  private static final int EXCHANGE = 30;

  /** The unit's FQDN as the charm looks it up outside the embedded Juju. */
  private static final String URL = "http://" + fqdn() + ":3200";

  private static String fqdn() {
    try {
      return java.net.InetAddress.getLocalHost().getCanonicalHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }

  /** grafana_source_data as Python's json.dumps writes it, with the given extra fields. */
  private static String sourceData(String extraFields) {
    return "{\"model\": \"cos\", \"model_uuid\": \""
        + UUID
        + "\", \"application\": \"tempo\", \"type\": \"tempo\", \"extra_fields\": "
        + extraFields
        + ", \"secure_extra_fields\": null}";
  }

  /** A Grafana on grafana-source that assigned these UIDs. */
  private static Relation grafana(int id, String grafanaUid, String datasourceUids) {
    return Relation.of("grafana-source")
        .withId(id)
        .withRemoteApp("grafana-" + id)
        .withRemoteAppData(
            Map.of(
                "grafana_uid", grafanaUid,
                "datasource_uids", datasourceUids,
                "grafana_base_url", "http://grafana:3000"));
  }

  /** A Grafana that has not answered yet. */
  private static Relation silentGrafana() {
    return Relation.of("grafana-source").withId(GRAFANA).withRemoteApp("grafana");
  }

  /** An application sharing datasources with Tempo. */
  private static Relation sharing(int id, String app, String datasources) {
    return Relation.of("receive-datasource")
        .withId(id)
        .withRemoteApp(app)
        .withRemoteAppData(Map.of("datasources", datasources));
  }

  private static State.Builder ready(boolean leader, Relation... relations) {
    State.Builder state =
        State.builder()
            .leader(leader)
            .model(MODEL, UUID)
            .container(NginxContainers.NGINX)
            .container(NginxContainers.EXPORTER)
            .relation(worker(1, "tempo-worker", "all", 3))
            .relation(s3Ready());
    List.of(relations).forEach(state::relation);
    return state;
  }

  private static Outcome run(State state) {
    return CTX.run(Event.updateStatus(), state);
  }

  private static Map<String, String> appBag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localAppData();
  }

  private static Map<String, String> unitBag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localUnitData();
  }

  @Nested
  class RegisteringWithGrafana {
    @Test
    void theLeaderDescribesTheDatasourceAndTheUnitSendsItsUrl() {
      Outcome out = run(ready(true, silentGrafana()).build());

      assertThat(appBag(out, GRAFANA))
          .containsExactlyEntriesOf(Map.of("grafana_source_data", sourceData("null")));
      assertThat(unitBag(out, GRAFANA)).containsEntry("grafana_source_host", URL);
    }

    @Test
    void aFollowerSendsOnlyItsUrl() {
      Outcome out = run(ready(false, silentGrafana()).build());

      assertThat(appBag(out, GRAFANA)).isEmpty();
      assertThat(unitBag(out, GRAFANA)).containsEntry("grafana_source_host", URL);
    }

    @Test
    void itRegistersEvenWhileBlockedButSharesNothingThen() {
      State blocked =
          State.builder()
              .leader(true)
              .model(MODEL, UUID)
              .relation(grafana(GRAFANA, "g1", "{\"tempo/0\": \"ds-0\"}"))
              .relation(sharing(EXCHANGE, "pyroscope", "[]"))
              .build();

      Outcome out = run(blocked);

      assertThat(out.unitStatus().message())
          .isEqualTo("[consistency] Missing any worker relation.");
      assertThat(appBag(out, GRAFANA)).containsKey("grafana_source_data");
      assertThat(unitBag(out, GRAFANA)).containsEntry("grafana_source_host", URL);
      assertThat(appBag(out, EXCHANGE)).isEmpty();
    }
  }

  @Nested
  class SharingDatasources {
    @Test
    void beforeGrafanaAssignsAUidTheBagHoldsAnEmptyList() {
      Outcome out = run(ready(true, silentGrafana(), sharing(EXCHANGE, "pyroscope", "[]")).build());

      assertThat(appBag(out, EXCHANGE)).containsExactlyEntriesOf(Map.of("datasources", "[]"));
    }

    @Test
    void oneFullySpecifiedEntryPerAssignedUidSortedByUid() {
      Outcome out =
          run(
              ready(
                      true,
                      grafana(GRAFANA, "g1", "{\"tempo/0\": \"ds-b\", \"tempo/1\": \"ds-a\"}"),
                      grafana(21, "g2", "{\"tempo/0\": \"ds-c\"}"),
                      sharing(EXCHANGE, "pyroscope", "[]"))
                  .build());

      assertThat(appBag(out, EXCHANGE))
          .containsExactlyEntriesOf(
              Map.of(
                  "datasources",
                  "[{\"type\":\"tempo\",\"uid\":\"ds-a\",\"grafana_uid\":\"g1\"},"
                      + "{\"type\":\"tempo\",\"uid\":\"ds-b\",\"grafana_uid\":\"g1\"},"
                      + "{\"type\":\"tempo\",\"uid\":\"ds-c\",\"grafana_uid\":\"g2\"}]"));
    }

    @Test
    void aGrafanaWithoutItsUidOrWithBadUidsIsSkipped() {
      Relation oldGrafana =
          Relation.of("grafana-source")
              .withId(22)
              .withRemoteApp("old-grafana")
              .withRemoteAppData(Map.of("datasource_uids", "{\"tempo/0\": \"old\"}"));
      Outcome out =
          run(
              ready(
                      true,
                      grafana(GRAFANA, "g1", "{\"tempo/0\": \"ds-a\"}"),
                      grafana(21, "g2", "[\"not\", \"an object\"]"),
                      oldGrafana,
                      sharing(EXCHANGE, "pyroscope", "[]"))
                  .build());

      assertThat(appBag(out, EXCHANGE))
          .containsEntry(
              "datasources", "[{\"type\":\"tempo\",\"uid\":\"ds-a\",\"grafana_uid\":\"g1\"}]");
      assertThat(out.jujuLog())
          .anySatisfy(
              line ->
                  assertThat(line.message())
                      .contains("relation grafana-source:21, application grafana-21")
                      .contains("datasource_uids"));
    }

    @Test
    void aSecondRunOverItsOwnOutputWritesNothing() {
      Outcome first =
          run(
              ready(
                      true,
                      grafana(GRAFANA, "g1", "{\"tempo/0\": \"ds-a\"}"),
                      sharing(EXCHANGE, "loki", lokiShared("g1")))
                  .build());

      Outcome second = run(first.state());

      assertThat(second.callsOf("relation-set")).isEmpty();
      assertThat(second.state().relations("receive-datasource"))
          .isEqualTo(first.state().relations("receive-datasource"));
    }
  }

  private static String lokiShared(String grafanaUid) {
    return "[{\"type\":\"loki\",\"uid\":\"loki-0\",\"grafana_uid\":\"" + grafanaUid + "\"}]";
  }

  private static String promShared(String grafanaUid) {
    return "[{\"type\":\"prometheus\",\"uid\":\"prom-0\",\"grafana_uid\":\"" + grafanaUid + "\"}]";
  }

  private static final String TRACES_TO_LOGS =
      "\"tracesToLogsV2\": {\"datasourceUid\": \"loki-0\", \"tags\": ["
          + "{\"key\": \"juju_application\", \"value\": \"\"}, "
          + "{\"key\": \"juju_model\", \"value\": \"\"}, "
          + "{\"key\": \"juju_model_uuid\", \"value\": \"\"}], "
          + "\"filterByTraceID\": false, \"filterBySpanID\": false, \"customQuery\": true, "
          + "\"query\": \"{ $$__tags } |= \\\"$${__span.traceId}\\\"\"}";

  private static final String TRACES_TO_METRICS =
      "\"tracesToMetrics\": {\"datasourceUid\": \"prom-0\", \"tags\": ["
          + "{\"key\": \"juju_application\", \"value\": \"\"}, "
          + "{\"key\": \"juju_model\", \"value\": \"\"}, "
          + "{\"key\": \"juju_model_uuid\", \"value\": \"\"}, "
          + "{\"key\": \"juju_unit\", \"value\": \"\"}], "
          + "\"queries\": [{\"name\": \"All metrics\", \"query\": \"{$$__tags}\"}]}";

  @Nested
  class Correlation {
    @Test
    void lokiAndPrometheusOnTheSameGrafanaGiveTracesToLogsAndToMetrics() {
      Outcome out =
          run(
              ready(
                      true,
                      grafana(GRAFANA, "g1", "{\"tempo/0\": \"ds-a\"}"),
                      sharing(EXCHANGE, "loki", lokiShared("g1")),
                      sharing(31, "prometheus", promShared("g1")))
                  .build());

      assertThat(appBag(out, GRAFANA))
          .containsEntry(
              "grafana_source_data",
              sourceData(
                  "{\"httpMethod\": \"GET\", " + TRACES_TO_LOGS + ", " + TRACES_TO_METRICS + "}"));
    }

    @Test
    void theServiceMapNeedsThePrometheusTempoSendsRemoteWriteTo() {
      Relation remoteWrite =
          Relation.of("send-remote-write")
              .withId(40)
              .withRemoteApp("prometheus")
              .withRemoteUnit(
                  0, Map.of("remote_write", "{\"url\": \"http://prom:9090/api/v1/write\"}"));
      Outcome out =
          run(
              ready(
                      true,
                      grafana(GRAFANA, "g1", "{\"tempo/0\": \"ds-a\"}"),
                      sharing(31, "prometheus", promShared("g1")),
                      remoteWrite)
                  .build());

      assertThat(appBag(out, GRAFANA))
          .containsEntry(
              "grafana_source_data",
              sourceData(
                  "{\"httpMethod\": \"GET\", \"serviceMap\": {\"datasourceUid\": \"prom-0\"}, "
                      + TRACES_TO_METRICS
                      + "}"));
    }

    @Test
    void datasourcesOnAnotherGrafanaOrOfOtherTypesAreNotCorrelated() {
      Outcome out =
          run(
              ready(
                      true,
                      grafana(GRAFANA, "g1", "{\"tempo/0\": \"ds-a\"}"),
                      sharing(EXCHANGE, "loki", lokiShared("elsewhere")),
                      sharing(
                          31,
                          "pyroscope",
                          "[{\"type\":\"grafana-pyroscope-datasource\",\"uid\":\"p-0\","
                              + "\"grafana_uid\":\"g1\"}]"))
                  .build());

      assertThat(appBag(out, GRAFANA)).containsEntry("grafana_source_data", sourceData("null"));
    }

    @Test
    void theFirstMatchInRelationIdOrderWins() {
      Outcome out =
          run(
              ready(
                      true,
                      grafana(GRAFANA, "g1", "{\"tempo/0\": \"ds-a\"}"),
                      sharing(
                          32,
                          "loki-b",
                          "[{\"type\":\"loki\",\"uid\":\"aaa\",\"grafana_uid\":\"g1\"}]"),
                      sharing(31, "loki-a", lokiShared("g1")))
                  .build());

      assertThat(appBag(out, GRAFANA).get("grafana_source_data"))
          .contains("\"datasourceUid\": \"loki-0\"")
          .doesNotContain("aaa");
    }
  }
}
