package io.charmkit.schema.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tolerant reading rules of WIRE.md §3.7 and the canonical writing that goes with them. */
class TolerantReadingTest {

  private static final String PEM =
      "-----BEGIN CERTIFICATE-----\nMIID...\n-----END CERTIFICATE-----";

  private static Map<String, String> bag(String... keyValues) {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("worker_config", "\"a: b\\n\"");
    for (int i = 0; i < keyValues.length; i += 2) {
      bag.put(keyValues[i], keyValues[i + 1]);
    }
    return bag;
  }

  @Test
  void s3CaChainMayBeRawPemButIsAlwaysWrittenJsonQuoted() {
    CoordinatorAppData model = CoordinatorAppData.CODEC.read(bag("s3_tls_ca_chain", PEM), "");
    assertThat(model.s3TlsCaChain()).isEqualTo(PEM);
    assertThat(CoordinatorAppData.CODEC.write(model).get("s3_tls_ca_chain"))
        .isEqualTo("\"-----BEGIN CERTIFICATE-----\\nMIID...\\n-----END CERTIFICATE-----\"");
  }

  @Test
  void theTempoV1SpecNameIsReadOnlyAsAFallbackAndNeverWritten() {
    CoordinatorAppData fromSpec =
        CoordinatorAppData.CODEC.read(bag("s3_tls_ca_cert", "\"spec-ca\""), "");
    assertThat(fromSpec.s3TlsCaChain()).isEqualTo("spec-ca");
    CoordinatorAppData both =
        CoordinatorAppData.CODEC.read(
            bag("s3_tls_ca_cert", "\"spec-ca\"", "s3_tls_ca_chain", "\"chain\""), "");
    assertThat(both.s3TlsCaChain()).isEqualTo("chain");
    assertThat(CoordinatorAppData.CODEC.write(both)).doesNotContainKey("s3_tls_ca_cert");
  }

  @Test
  void unknownKeysAndUnknownNestedKeysAreIgnored() {
    Map<String, String> bag =
        bag(
            "tempo_receiver", "{\"otlp_grpc\": \"x\"}",
            "remote_write_endpoints", "[{\"url\": \"http://p\", \"headers\": {}}]",
            "something_new", "not even json");
    CoordinatorAppData model = CoordinatorAppData.CODEC.read(bag, "");
    assertThat(model.remoteWriteEndpoints()).containsExactly(new RemoteWriteEndpoint("http://p"));
    assertThat(CoordinatorAppData.CODEC.write(model).get("remote_write_endpoints"))
        .isEqualTo("[{\"url\": \"http://p\"}]");
  }

  @Test
  void topologyExtrasFromTheSpecReadmeAreIgnored() {
    Map<String, String> bag =
        Map.of(
            "juju_topology",
            "{\"model\": \"m\", \"model_uuid\": \"u\", \"application\": \"w\", \"unit\": \"w/0\","
                + " \"charm_name\": \"c\"}",
            "address",
            "\"192.0.2.1\"");
    WorkerUnitData model = WorkerUnitData.CODEC.read(bag, "");
    assertThat(WorkerUnitData.CODEC.write(model).get("juju_topology"))
        .isEqualTo("{\"application\": \"w\", \"unit\": \"w/0\", \"charm_name\": \"c\"}");
  }

  @Test
  void mapsAreWrittenWithSortedKeysWhateverTheirInsertionOrder() {
    Map<String, String> receivers = new LinkedHashMap<>();
    receivers.put("otlp_http", "http://192.0.2.2:4318");
    receivers.put("otlp_grpc", "192.0.2.2:4317");
    CoordinatorAppData model =
        CoordinatorAppData.builder("a: b\n").workloadTracingReceivers(receivers).build();
    assertThat(CoordinatorAppData.CODEC.write(model).get("workload_tracing_receivers"))
        .isEqualTo("{\"otlp_grpc\": \"192.0.2.2:4317\", \"otlp_http\": \"http://192.0.2.2:4318\"}");
  }
}
