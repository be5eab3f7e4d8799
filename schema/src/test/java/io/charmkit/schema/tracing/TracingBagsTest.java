package io.charmkit.schema.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.schema.RawBags;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * tracing v2 bags byte for byte as the Python {@code tracing} library's {@code DatabagModel.dump}
 * writes them ({@code json.dumps} per field: {@code ", "} and {@code ": "} separators), and what
 * readers reject, with field paths.
 */
class TracingBagsTest {

  /** What the Tempo charm writes with TLS off: one HTTP and one gRPC receiver. */
  private static final String PROVIDER =
      """
      receivers: [{"protocol": {"name": "otlp_grpc", "type": "grpc"}, "url": "tempo-0.tempo-endpoints.cos.svc.cluster.local:4317"}, {"protocol": {"name": "otlp_http", "type": "http"}, "url": "http://tempo-0.tempo-endpoints.cos.svc.cluster.local:4318"}]
      """;

  private static final String HOST = "tempo-0.tempo-endpoints.cos.svc.cluster.local";

  private static final TracingProviderAppData PROVIDER_MODEL =
      new TracingProviderAppData(
          List.of(
              new Receiver(new ReceiverProtocol("otlp_grpc", "grpc"), HOST + ":4317"),
              new Receiver(new ReceiverProtocol("otlp_http", "http"), "http://" + HOST + ":4318")));

  /** What {@code TracingEndpointRequirer(protocols=["otlp_http", "otlp_grpc"])} writes. */
  private static final String REQUIRER =
      """
      receivers: ["otlp_http", "otlp_grpc"]
      """;

  private static List<Problem> providerProblems(Map<String, String> bag) {
    return catchThrowableOfType(
            DatabagValidationException.class,
            () -> TracingProviderAppData.CODEC.read(bag, "relation tracing:4, application tempo"))
        .problems();
  }

  private static List<Problem> requirerProblems(Map<String, String> bag) {
    return catchThrowableOfType(
            DatabagValidationException.class,
            () -> TracingRequirerAppData.CODEC.read(bag, "relation tracing:4, application app"))
        .problems();
  }

  @Test
  void theProviderBagInBothDirections() {
    Map<String, String> bag = RawBags.parse(PROVIDER);
    assertThat(TracingProviderAppData.CODEC.read(bag, "")).isEqualTo(PROVIDER_MODEL);
    assertThat(TracingProviderAppData.CODEC.write(PROVIDER_MODEL)).isEqualTo(bag);
  }

  @Test
  void theRequirerBagInBothDirectionsKeepsTheRequestedOrder() {
    Map<String, String> bag = RawBags.parse(REQUIRER);
    TracingRequirerAppData model = new TracingRequirerAppData(List.of("otlp_http", "otlp_grpc"));
    assertThat(TracingRequirerAppData.CODEC.read(bag, "")).isEqualTo(model);
    assertThat(TracingRequirerAppData.CODEC.write(model)).isEqualTo(bag);
  }

  @Test
  void receiversAreWrittenInProtocolOrderWhateverTheOrderGiven() {
    TracingProviderAppData reversed =
        TracingProviderAppData.sorted(
            List.of(PROVIDER_MODEL.receivers().get(1), PROVIDER_MODEL.receivers().get(0)));
    assertThat(TracingProviderAppData.CODEC.write(reversed)).isEqualTo(RawBags.parse(PROVIDER));
  }

  @Test
  void anEmptyReceiverListIsWrittenNotOmitted() {
    assertThat(TracingProviderAppData.CODEC.write(new TracingProviderAppData(List.of())))
        .containsExactlyEntriesOf(Map.of("receivers", "[]"));
  }

  @Test
  void urlsFollowTheTransportAndTls() {
    ReceiverProtocol http = ReceiverProtocol.known("otlp_http").orElseThrow();
    ReceiverProtocol grpc = ReceiverProtocol.known("jaeger_grpc").orElseThrow();
    assertThat(Receiver.at(http, "h", 4318, false).url()).isEqualTo("http://h:4318");
    assertThat(Receiver.at(http, "h", 4318, true).url()).isEqualTo("https://h:4318");
    assertThat(Receiver.at(grpc, "h", 14250, true).url()).isEqualTo("h:14250");
    assertThat(grpc.type()).isEqualTo("grpc");
    assertThat(ReceiverProtocol.known("tempo_http")).isEmpty();
  }

  @Test
  void unknownKeysAndJujusOwnKeysAreIgnored() {
    Map<String, String> bag = RawBags.parse(PROVIDER);
    bag.put("ingress-address", "10.1.2.3");
    bag.put("extra", "not json");
    assertThat(TracingProviderAppData.CODEC.read(bag, "")).isEqualTo(PROVIDER_MODEL);
  }

  @Test
  void aBadTransportAndAMissingUrlAreNamedByPath() {
    Map<String, String> bag =
        Map.of(
            "receivers",
            "[{\"protocol\": {\"name\": \"otlp_http\", \"type\": \"quic\"}, \"url\": \"u\"},"
                + " {\"protocol\": {\"name\": \"otlp_grpc\", \"type\": \"grpc\"}}]");
    assertThat(providerProblems(bag))
        .containsExactlyInAnyOrder(
            new Problem("receivers[0].protocol.type", "must be \"http\" or \"grpc\""),
            new Problem("receivers[1].url", "must not be blank"));
  }

  @Test
  void aMissingOrMalformedReceiversKeyIsRejected() {
    assertThat(providerProblems(Map.of())).extracting(Problem::path).containsExactly("receivers");
    assertThat(requirerProblems(Map.of("receivers", "otlp_http")))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("receivers"));
    assertThat(requirerProblems(Map.of("receivers", "[\"otlp_http\", \"\"]")))
        .containsExactly(new Problem("receivers[1]", "must not be blank"));
  }
}
