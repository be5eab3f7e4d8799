package io.charmkit.schema.loki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.schema.topology.JujuTopology;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Loki unit bag as {@code LokiPushApiProvider} writes it: {@code json.dumps({"url": url})}, so
 * {@code ": "} after the key and {@code /} not escaped (WIRE.md §2).
 */
class LokiPushApiWireTest {
  private static final String URL =
      "http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push";

  /** What the Python provider writes into each Loki unit's bag. */
  private static final Map<String, String> PYTHON_BAG =
      Map.of(
          "endpoint",
          "{\"url\": \"http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push\"}",
          "public_address",
          "loki-0.loki-endpoints.cos.svc.cluster.local");

  private static List<Problem> problems(Map<String, String> bag) {
    return catchThrowableOfType(
            DatabagValidationException.class,
            () -> LokiProviderUnitData.CODEC.read(bag, "relation logging:4, unit loki/0"))
        .problems();
  }

  @Test
  void readsThePythonBagAndIgnoresPublicAddress() {
    assertThat(LokiProviderUnitData.CODEC.read(PYTHON_BAG, ""))
        .isEqualTo(new LokiProviderUnitData(new LokiPushEndpoint(URL)));
  }

  @Test
  void writesTheExactStringPythonWrites() {
    assertThat(
            LokiProviderUnitData.CODEC.write(new LokiProviderUnitData(new LokiPushEndpoint(URL))))
        .containsExactlyEntriesOf(Map.of("endpoint", PYTHON_BAG.get("endpoint")));
  }

  @Test
  void keysBesidesUrlAreIgnored() {
    assertThat(
            LokiProviderUnitData.CODEC
                .read(Map.of("endpoint", "{\"url\": \"http://l/push\", \"extra\": 1}"), "")
                .endpoint()
                .url())
        .isEqualTo("http://l/push");
  }

  @Test
  void aMissingEndpointIsNamed() {
    assertThat(problems(Map.of()))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("endpoint"));
  }

  @Test
  void anEndpointThatIsNotJsonIsNamed() {
    assertThat(problems(Map.of("endpoint", "http://loki/push")))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("endpoint"));
  }

  @Test
  void anEndpointWithoutUrlIsNamed() {
    assertThat(problems(Map.of("endpoint", "{\"uri\": \"http://loki/push\"}")))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("endpoint.url"));
  }

  @Test
  void aUrlThatIsNotAStringIsNamed() {
    assertThat(problems(Map.of("endpoint", "{\"url\": 3100}")))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).startsWith("endpoint"));
  }

  @Test
  void theSendersBagIsWhatConsumerBaseWritesWithoutRules() {
    JujuTopology topology =
        new JujuTopology(
            "cos",
            "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "tempo",
            "tempo/0",
            "tempo-coordinator-k8s");

    // json.dumps(topology.as_dict()) and json.dumps({}, sort_keys=True)
    assertThat(LokiRequirerAppData.CODEC.write(new LokiRequirerAppData(topology, Map.of())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "metadata",
                "{\"model\": \"cos\", \"model_uuid\":"
                    + " \"6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\", \"application\": \"tempo\","
                    + " \"unit\": \"tempo/0\", \"charm_name\": \"tempo-coordinator-k8s\"}",
                "alert_rules",
                "{}"));
  }
}
