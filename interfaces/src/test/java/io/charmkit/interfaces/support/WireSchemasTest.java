package io.charmkit.interfaces.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema checks the interface tests rely on accept what the running charms write and reject
 * what they do not, so that "validates" in those tests means something.
 */
class WireSchemasTest {
  private static final String TOPOLOGY =
      "{\"application\": \"worker\", \"unit\": \"worker/0\", \"charm_name\": \"worker\"}";
  private static final Map<String, String> WORKER_UNIT =
      Map.of("juju_topology", TOPOLOGY, "address", "\"192.0.2.1\"", "ingress-address", "10.1.2.3");

  @Test
  void findsEveryCommittedVersion() {
    assertThat(WireSchemas.versions("tempo_cluster")).containsExactly("v0", "v1");
    assertThat(WireSchemas.versions("pyroscope_cluster")).containsExactly("v0");
  }

  @Test
  void acceptsAWorkerAsTheRunningCharmsWriteIt() {
    assertThat(
            WireSchemas.problems(
                "tempo_cluster", "v1", "requirer", Map.of("role", "\"all\""), WORKER_UNIT))
        .isEmpty();
  }

  @Test
  void checksTheDecodedContentOfJsonStrings() {
    assertThat(
            WireSchemas.problems(
                "tempo_cluster", "v1", "requirer", Map.of("role", "\"imposter\""), WORKER_UNIT))
        .singleElement()
        .asString()
        .startsWith("$.app.role<decoded>: \"imposter\" does not match");
    assertThat(
            WireSchemas.problems(
                "tempo_cluster", "v1", "requirer", Map.of("role", "all"), WORKER_UNIT))
        .containsExactly("$.app.role: is not JSON: all");
    assertThat(
            WireSchemas.problems(
                "tempo_cluster",
                "v1",
                "provider",
                Map.of("worker_config", "\"a: b\"", "worker_ports", "[1, 70000]"),
                Map.of()))
        .containsExactly("$.app.worker_ports<decoded>[1]: 70000 is above 65535");
  }

  @Test
  void reportsMissingRequiredKeys() {
    assertThat(
            WireSchemas.problems(
                "tempo_cluster", "v0", "requirer", Map.of(), Map.of("address", "\"w\"")))
        .containsExactlyInAnyOrder(
            "$.app: lacks required role", "$.unit: lacks required juju_topology");
    assertThat(WireSchemas.problems("tempo_cluster", "v1", "provider", Map.of(), Map.of()))
        .containsExactly("$.app: lacks required worker_config");
  }

  @Test
  void rejectsDoubleEncodedDatasources() {
    assertThat(
            WireSchemas.problems(
                "grafana_datasource_exchange",
                "v0",
                "provider",
                Map.of("datasources", "\"[]\""),
                Map.of()))
        .containsExactly("$.app.datasources<decoded>: is STRING, not array");
    assertThat(
            WireSchemas.problems(
                "grafana_datasource_exchange",
                "v0",
                "requirer",
                Map.of("datasources", "[]"),
                Map.of()))
        .isEmpty();
  }

  @Test
  void refusesAKeywordItDoesNotKnowRatherThanIgnoringIt() throws Exception {
    ObjectMapper json = new ObjectMapper();

    assertThatThrownBy(
            () ->
                JsonSchemaCheck.problems(
                    json.readTree("{\"type\": \"string\", \"maxLength\": 3}"),
                    json.readTree("\"abcd\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'maxLength'");
  }
}
