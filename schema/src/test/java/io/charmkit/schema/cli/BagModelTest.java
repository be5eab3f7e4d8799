package io.charmkit.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import io.charmkit.schema.jsonschema.InterfaceSchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Decoded document values become the raw databag strings the running charms write. */
class BagModelTest {
  private static final List<String> TEMPO =
      InterfaceSchema.find("tempo_cluster", Optional.empty()).orElseThrow().roles();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  void aDecodedStringIsJsonQuotedAndARawJsonStringKept() {
    BagModel app = BagModel.of(WorkerAppData.class, "Tempo", TEMPO);

    assertThat(app.encode("role", TextNode.valueOf("all"))).isEqualTo("\"all\"");
    assertThat(app.encode("role", TextNode.valueOf("\"all\""))).isEqualTo("\"all\"");
  }

  @Test
  void aDecodedObjectIsWrittenAsPythonWritesItAndARawOneKept() throws Exception {
    BagModel unit = BagModel.of(WorkerUnitData.class, "Tempo", TEMPO);

    assertThat(unit.encode("juju_topology", json("{\"application\":\"w\",\"unit\":\"w/0\"}")))
        .isEqualTo("{\"application\": \"w\", \"unit\": \"w/0\"}");
    assertThat(unit.encode("juju_topology", TextNode.valueOf("{\"application\":\"w\"}")))
        .isEqualTo("{\"application\":\"w\"}");
  }

  @Test
  void aMappingForATextKeyIsThatTextWrittenAsYaml() throws Exception {
    BagModel app = BagModel.of(CoordinatorAppData.class, null, null);

    assertThat(
            app.encode(
                "worker_config", json("{\"server\":{\"http_listen_port\":3200},\"a\":[1,2]}")))
        .isEqualTo("\"a:\\n- 1\\n- 2\\nserver:\\n  http_listen_port: 3200\\n\"");
  }

  @Test
  void datasourcesAreWrittenCompactAsPydanticWritesThem() throws Exception {
    BagModel app = BagModel.of(DatasourceExchangeData.class, null, null);

    assertThat(app.encode("datasources", json("[{\"type\":\"tempo\",\"uid\":\"é\"}]")))
        .isEqualTo("[{\"type\":\"tempo\",\"uid\":\"é\"}]");
  }

  @Test
  void keysTheModelDoesNotOwnAreKeptAsTheyAre() {
    BagModel unit = BagModel.of(WorkerUnitData.class, null, null);

    assertThat(unit.encode("ingress-address", TextNode.valueOf("10.1.64.12")))
        .isEqualTo("10.1.64.12");
  }

  @Test
  void anAliasIsOwnedWithItsFieldsType() {
    BagModel app = BagModel.of(CoordinatorAppData.class, null, null);

    assertThat(app.keys()).containsEntry("s3_tls_ca_cert", String.class);
    assertThat(app.encode("s3_tls_ca_cert", TextNode.valueOf("-----BEGIN")))
        .isEqualTo("\"-----BEGIN\"");
  }
}
