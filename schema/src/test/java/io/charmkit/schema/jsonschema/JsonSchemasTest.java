package io.charmkit.schema.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.schema.RawBags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed schemas under {@code schema/json} are what the models generate, and they accept the
 * running charms' bags and reject malformed ones.
 *
 * <p>To refresh the committed files after changing a model, run this test with {@code
 * -Dcharmkit.schema.regenerate=true}.
 */
class JsonSchemasTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path COMMITTED = Path.of("json");

  static Stream<Arguments> sides() {
    return InterfaceSchema.KNOWN.stream()
        .flatMap(spec -> Stream.of(Arguments.of(spec, "provider"), Arguments.of(spec, "requirer")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sides")
  void theCommittedSchemaIsUpToDate(InterfaceSchema spec, String side) throws IOException {
    String generated = JsonSchemas.render(JsonSchemas.generate(spec, side));
    Path file = COMMITTED.resolve(spec.path(side));
    if (Boolean.getBoolean("charmkit.schema.regenerate")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    assertThat(file).exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is stale: rerun with -Dcharmkit.schema.regenerate=true", file)
        .isEqualTo(generated);
  }

  private static JsonNode schema(String name, int version, String side) {
    InterfaceSchema spec = InterfaceSchema.find(name, Optional.of(version)).orElseThrow();
    return JsonSchemas.generate(spec, side);
  }

  private static ObjectNode document(Map<String, String> app, Map<String, String> unit) {
    ObjectNode document = MAPPER.createObjectNode();
    document.set("app", MAPPER.valueToTree(app));
    document.set("unit", MAPPER.valueToTree(unit));
    return document;
  }

  private static final String COORDINATOR =
      """
      worker_config: "server:\\n  http_listen_port: 3200\\n"
      loki_endpoints: {"loki/0": "http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push"}
      charm_tracing_receivers: {}
      workload_tracing_receivers: {"otlp_http": "http://192.0.2.2:4318", "otlp_grpc": "192.0.2.2:4317"}
      remote_write_endpoints: [{"url": "http://prometheus:9090/api/v1/write"}]
      worker_ports: [7946, 3200, 4318, 9096]
      ca_cert: "-----BEGIN CERTIFICATE-----\\nMIIB...\\n-----END CERTIFICATE-----"
      server_cert: "-----BEGIN CERTIFICATE-----\\nMIIC...\\n-----END CERTIFICATE-----"
      privkey_secret_id: "secret:d0jq8t3mp25c7b9ofmsg"
      s3_tls_ca_chain: "-----BEGIN CERTIFICATE-----\\nMIID...\\n-----END CERTIFICATE-----"
      worker_labels: {"app.kubernetes.io/part-of": "tempo"}
      """;

  private static final Map<String, String> WORKER_UNIT =
      Map.of(
          "ingress-address", "10.1.64.12",
          "address", "\"192.0.2.1\"",
          "juju_topology",
              "{\"application\": \"worker\", \"unit\": \"worker/0\", \"charm_name\": \"worker\"}");

  @Test
  void theRunningCharmsBagsAreAccepted() {
    for (String name : new String[] {"tempo_cluster", "pyroscope_cluster"}) {
      int[] versions = name.equals("tempo_cluster") ? new int[] {0, 1} : new int[] {0};
      for (int version : versions) {
        assertThat(
                MiniSchemaValidator.validate(
                    schema(name, version, "provider"),
                    document(RawBags.parse(COORDINATOR), Map.of())))
            .isEmpty();
        assertThat(
                MiniSchemaValidator.validate(
                    schema(name, version, "requirer"),
                    document(Map.of("role", "\"querier,query-frontend\""), WORKER_UNIT)))
            .isEmpty();
      }
    }
    assertThat(
            MiniSchemaValidator.validate(
                schema("grafana_datasource_exchange", 0, "provider"),
                document(
                    Map.of(
                        "datasources", "[{\"type\":\"loki\",\"uid\":\"a\",\"grafana_uid\":\"g\"}]"),
                    Map.of())))
        .isEmpty();
  }

  @Test
  void rawPemInTheS3ChainIsAcceptedAsThePyroscopeSpecAllows() {
    Map<String, String> app = RawBags.parse(COORDINATOR);
    app.put("s3_tls_ca_chain", "-----BEGIN CERTIFICATE-----\nMIID...\n-----END CERTIFICATE-----");
    assertThat(
            MiniSchemaValidator.validate(
                schema("pyroscope_cluster", 0, "provider"), document(app, Map.of())))
        .isEmpty();
  }

  @Test
  void malformedClusterBagsAreRejected() {
    JsonNode requirer = schema("tempo_cluster", 1, "requirer");
    assertThat(MiniSchemaValidator.validate(requirer, document(Map.of("role", "all"), WORKER_UNIT)))
        .containsExactly("$.app.role: content is not JSON");
    assertThat(
            MiniSchemaValidator.validate(
                requirer, document(Map.of("role", "\"imposter\""), WORKER_UNIT)))
        .hasSize(1)
        .allMatch(e -> e.startsWith("$.app.role<json>: does not match"));
    assertThat(
            MiniSchemaValidator.validate(
                requirer,
                document(
                    Map.of("role", "\"all\""),
                    Map.of("address", "10.1.64.12", "juju_topology", "{\"application\": \"w\"}"))))
        // Map.of has no fixed order, so neither do the errors.
        .containsExactlyInAnyOrder(
            "$.unit.address: content is not JSON",
            "$.unit.juju_topology<json>: missing required unit",
            "$.unit.juju_topology<json>: missing required charm_name");

    JsonNode provider = schema("tempo_cluster", 1, "provider");
    Map<String, String> app = RawBags.parse(COORDINATOR);
    app.put("loki_endpoints", "null");
    app.put("worker_ports", "[\"http\"]");
    assertThat(MiniSchemaValidator.validate(provider, document(app, Map.of())))
        // Map.of has no fixed order, so neither do the errors.
        .containsExactlyInAnyOrder(
            "$.app.loki_endpoints<json>: expected object, got NULL",
            "$.app.worker_ports<json>[0]: expected integer, got STRING");
    assertThat(MiniSchemaValidator.validate(provider, document(Map.of(), Map.of())))
        .containsExactly("$.app: missing required worker_config");
  }

  @Test
  void malformedDatasourceBagsAreRejected() {
    JsonNode schema = schema("grafana_datasource_exchange", 0, "requirer");
    assertThat(
            MiniSchemaValidator.validate(
                schema, document(Map.of("datasources", "\"[]\""), Map.of())))
        .containsExactly("$.app.datasources<json>: expected array, got STRING");
    assertThat(
            MiniSchemaValidator.validate(schema, document(Map.of("datasources", "{}"), Map.of())))
        .containsExactly("$.app.datasources<json>: expected array, got OBJECT");
    assertThat(
            MiniSchemaValidator.validate(
                schema, document(Map.of("datasources", "[{\"type\":\"t\",\"uid\":1}]"), Map.of())))
        // Map.of has no fixed order, so neither do the errors.
        .containsExactlyInAnyOrder(
            "$.app.datasources<json>[0]: missing required grafana_uid",
            "$.app.datasources<json>[0].uid: expected string, got NUMBER");
  }

  @Test
  void lokiCatalogueAndTraefikBagsAsThePythonLibrariesWriteThemAreAccepted() {
    assertThat(
            MiniSchemaValidator.validate(
                schema("loki_push_api", 0, "provider"),
                document(
                    Map.of(),
                    Map.of(
                        "endpoint",
                        "{\"url\": \"http://loki-0.loki-endpoints:3100/loki/api/v1/push\"}",
                        "public_address",
                        "loki-0.loki-endpoints"))))
        .isEmpty();
    assertThat(
            MiniSchemaValidator.validate(
                schema("catalogue", 0, "requirer"),
                document(
                    Map.of(
                        "name", "Tempo (tempo)",
                        "icon", "transit-connection-variant",
                        "api_endpoints", "{\"Status\": \"http://tempo:3200/status\"}"),
                    Map.of())))
        .isEmpty();
    assertThat(
            MiniSchemaValidator.validate(
                schema("traefik_route", 0, "requirer"),
                document(Map.of("raw", "False", "config", "http:\n  routers: {}\n"), Map.of())))
        .isEmpty();
    assertThat(
            MiniSchemaValidator.validate(
                schema("traefik_route", 0, "provider"),
                document(Map.of("external_host", "10.0.0.5", "scheme", "https"), Map.of())))
        .isEmpty();
  }

  @Test
  void malformedLokiCatalogueAndTraefikBagsAreRejected() {
    assertThat(
            MiniSchemaValidator.validate(
                schema("loki_push_api", 0, "provider"),
                document(Map.of(), Map.of("endpoint", "{\"uri\": \"http://x\"}"))))
        .containsExactly("$.unit.endpoint<json>: missing required url");
    assertThat(
            MiniSchemaValidator.validate(
                schema("catalogue", 0, "requirer"), document(Map.of("icon", "x"), Map.of())))
        .containsExactly("$.app: missing required name");
    assertThat(
            MiniSchemaValidator.validate(
                schema("traefik_route", 0, "requirer"),
                document(Map.of("raw", "false", "config", "x"), Map.of())))
        .containsExactly("$.app.raw: does not match ^(?:True|False)$");
    assertThat(
            MiniSchemaValidator.validate(
                schema("traefik_route", 0, "provider"),
                document(Map.of("scheme", "https://"), Map.of())))
        .containsExactly("$.app.scheme: does not match ^(?:https?)$");
  }

  @Test
  void tracingBagsAsTheLibraryWritesThemAreAcceptedAndMalformedOnesRejected() {
    JsonNode provider = schema("tracing", 2, "provider");
    JsonNode requirer = schema("tracing", 2, "requirer");
    String receivers =
        "[{\"protocol\": {\"name\": \"otlp_grpc\", \"type\": \"grpc\"}, \"url\": \"h:4317\"}]";
    assertThat(
            MiniSchemaValidator.validate(
                provider, document(Map.of("receivers", receivers), Map.of())))
        .isEmpty();
    assertThat(
            MiniSchemaValidator.validate(
                requirer, document(Map.of("receivers", "[\"otlp_http\"]"), Map.of())))
        .isEmpty();
    assertThat(
            MiniSchemaValidator.validate(
                provider,
                document(
                    Map.of("receivers", receivers.replace("\"grpc\"}", "\"quic\"}")), Map.of())))
        .singleElement()
        .asString()
        .startsWith("$.app.receivers<json>[0].protocol.type:");
    assertThat(
            MiniSchemaValidator.validate(
                requirer, document(Map.of("receivers", "\"otlp_http\""), Map.of())))
        .containsExactly("$.app.receivers<json>: expected array, got STRING");
  }
}
