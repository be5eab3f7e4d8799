package io.charmkit.schema.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.schema.RawBags;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WIRE.md §4.2: the raw examples byte for byte, and what readers reject. */
class DatasourceExchangeTest {

  private static final String EXAMPLE =
      """
      datasources: [{"type":"loki","uid":"ds-loki-0","grafana_uid":"grafana-a"},{"type":"tempo","uid":"ds-tempo-0","grafana_uid":"grafana-a"}]
      """;

  private static final DatasourceExchangeData EXAMPLE_MODEL =
      new DatasourceExchangeData(
          List.of(
              new Datasource("loki", "ds-loki-0", "grafana-a"),
              new Datasource("tempo", "ds-tempo-0", "grafana-a")));

  private static List<Problem> problems(Map<String, String> bag) {
    return catchThrowableOfType(
            DatabagValidationException.class,
            () ->
                DatasourceExchangeData.CODEC.read(bag, "relation receive-datasource:9, app tempo"))
        .problems();
  }

  @Test
  void theRawExampleInBothDirections() {
    Map<String, String> bag = RawBags.parse(EXAMPLE);
    assertThat(DatasourceExchangeData.CODEC.read(bag, "")).isEqualTo(EXAMPLE_MODEL);
    assertThat(DatasourceExchangeData.CODEC.write(EXAMPLE_MODEL)).isEqualTo(bag);
  }

  @Test
  void entriesAreWrittenSortedByUid() {
    DatasourceExchangeData reversed =
        new DatasourceExchangeData(
            List.of(
                new Datasource("tempo", "ds-tempo-0", "grafana-a"),
                new Datasource("loki", "ds-loki-0", "grafana-a")));
    assertThat(DatasourceExchangeData.CODEC.write(reversed)).isEqualTo(RawBags.parse(EXAMPLE));
  }

  @Test
  void anEmptyListIsWrittenNotOmitted() {
    assertThat(DatasourceExchangeData.CODEC.write(new DatasourceExchangeData(List.of())))
        .containsExactlyEntriesOf(Map.of("datasources", "[]"));
    assertThat(DatasourceExchangeData.CODEC.read(Map.of("datasources", "[]"), "").datasources())
        .isEmpty();
  }

  @Test
  void nonAsciiIsWrittenRawAndExtraKeysAreDropped() {
    Map<String, String> bag =
        Map.of(
            "datasources",
            "[{\"type\":\"loki\",\"uid\":\"café\",\"grafana_uid\":\"g\",\"extra\":1}]");
    DatasourceExchangeData model = DatasourceExchangeData.CODEC.read(bag, "");
    assertThat(DatasourceExchangeData.CODEC.write(model))
        .containsEntry(
            "datasources", "[{\"type\":\"loki\",\"uid\":\"café\",\"grafana_uid\":\"g\"}]");
  }

  @Test
  void aDoubleEncodedArrayIsRejected() {
    Map<String, String> bag =
        Map.of(
            "datasources",
            "\"[{\\\"type\\\":\\\"loki\\\",\\\"uid\\\":\\\"a\\\",\\\"grafana_uid\\\":\\\"g\\\"}]\"");
    assertThat(problems(bag))
        .containsExactly(
            new Problem(
                "datasources",
                "must be a list, not a string (the value is JSON text inside a JSON string:"
                    + " encoded twice?)"));
  }

  @Test
  void anObjectInsteadOfAnArrayIsRejected() {
    assertThat(problems(Map.of("datasources", "{\"type\":\"loki\"}")))
        .containsExactly(new Problem("datasources", "must be a list, not an object"));
  }

  @Test
  void anIncompleteEntryAndAnIntegerUidAreRejected() {
    assertThat(problems(Map.of("datasources", "[{\"type\":\"tempo\"}]")))
        .containsExactly(
            new Problem("datasources[0].grafana_uid", "must not be null"),
            new Problem("datasources[0].uid", "must not be null"));
    assertThat(
            problems(Map.of("datasources", "[{\"type\":\"t\",\"uid\":5,\"grafana_uid\":\"g\"}]")))
        .containsExactly(new Problem("datasources[0].uid", "must be a string, not an integer"));
  }

  @Test
  void aMissingKeyIsRejected() {
    assertThat(problems(Map.of())).containsExactly(new Problem("datasources", "must not be null"));
  }

  @Test
  void duplicateUidsFromOneGrafanaAreRejectedButNotAcrossGrafanas() {
    String twice =
        "[{\"type\":\"loki\",\"uid\":\"a\",\"grafana_uid\":\"g\"},"
            + "{\"type\":\"tempo\",\"uid\":\"a\",\"grafana_uid\":\"g\"}]";
    assertThat(problems(Map.of("datasources", twice)))
        .containsExactly(
            new Problem(
                "datasources[1].uid",
                "repeats datasources[0]: uid \"a\" from Grafana \"g\" is listed twice"));
    String twoGrafanas =
        "[{\"type\":\"loki\",\"uid\":\"a\",\"grafana_uid\":\"g1\"},"
            + "{\"type\":\"loki\",\"uid\":\"a\",\"grafana_uid\":\"g2\"}]";
    assertThat(
            DatasourceExchangeData.CODEC.read(Map.of("datasources", twoGrafanas), "").datasources())
        .hasSize(2);
  }

  @Test
  void badJsonIsRejected() {
    assertThat(problems(Map.of("datasources", "[{\"type\":")))
        .containsExactly(new Problem("datasources", "is not valid JSON (the text ends too early)"));
  }

  @Test
  void theMessageCarriesTheLocation() {
    DatabagValidationException e =
        catchThrowableOfType(
            DatabagValidationException.class,
            () ->
                DatasourceExchangeData.CODEC.read(
                    Map.of("datasources", "{}"), "relation receive-datasource:9, app loki"));
    assertThat(e)
        .hasMessage(
            "relation receive-datasource:9, app loki, datasources: must be a list, not an object");
  }
}
