package io.charmkit.schema.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.schema.validation.DatabagValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue entry as {@code CatalogueConsumer} writes it for the Python Tempo coordinator: raw
 * text keys, {@code url} deleted (Tempo has no UI, and ops deletes a key set to {@code ""}), {@code
 * api_endpoints} as {@code json.dumps} keeps the dict's order.
 */
class CatalogueWireTest {
  private static final String BASE = "http://tempo.cos.svc.cluster.local:3200";

  private static CatalogueItem tempo() {
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("Search traces", BASE + "/api/search?<params>");
    endpoints.put("Query traces (by ID)", BASE + "/api/traces/<traceID>");
    endpoints.put("Status", BASE + "/status");
    return new CatalogueItem(
        "Tempo (tempo)",
        "Tempo is a distributed tracing backend by Grafana, supporting Jaeger, Zipkin, and"
            + " OpenTelemetry protocols.",
        "",
        "transit-connection-variant",
        "https://grafana.com/docs/tempo/latest/api_docs/",
        endpoints);
  }

  @Test
  void writesWhatThePythonTempoCoordinatorWrites() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("name", "Tempo (tempo)");
    expected.put(
        "description",
        "Tempo is a distributed tracing backend by Grafana, supporting Jaeger, Zipkin, and"
            + " OpenTelemetry protocols.");
    expected.put("url", "");
    expected.put("icon", "transit-connection-variant");
    expected.put("api_docs", "https://grafana.com/docs/tempo/latest/api_docs/");
    expected.put(
        "api_endpoints",
        "{\"Search traces\": \"http://tempo.cos.svc.cluster.local:3200/api/search?<params>\","
            + " \"Query traces (by ID)\":"
            + " \"http://tempo.cos.svc.cluster.local:3200/api/traces/<traceID>\","
            + " \"Status\": \"http://tempo.cos.svc.cluster.local:3200/status\"}");

    assertThat(tempo().toBag()).containsExactlyEntriesOf(expected);
  }

  @Test
  void readsTheBagBackWithTheEndpointsInOrder() {
    Map<String, String> bag = new LinkedHashMap<>(tempo().toBag());
    bag.values().removeIf(String::isEmpty); // what Juju holds

    CatalogueItem read = CatalogueItem.CODEC.read(bag, "");

    assertThat(read.name()).isEqualTo("Tempo (tempo)");
    assertThat(read.url()).isNull();
    assertThat(read.apiEndpoints()).containsOnlyKeys(tempo().apiEndpoints().keySet());
  }

  @Test
  void aRawNameThatLooksLikeJsonIsKeptVerbatim() {
    CatalogueItem item = new CatalogueItem("\"quoted\"", null, null, null, null, Map.of());

    assertThat(item.toBag()).containsEntry("name", "\"quoted\"");
    assertThat(CatalogueItem.CODEC.read(item.toBag(), "").name()).isEqualTo("\"quoted\"");
  }

  @Test
  void aMissingNameIsACharmBug() {
    CatalogueItem nameless = new CatalogueItem(null, "d", "", "i", "", Map.of());

    assertThat(catchThrowableOfType(DatabagValidationException.class, nameless::toBag).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("name"));
  }
}
