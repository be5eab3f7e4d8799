package io.charmkit.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code charmkit schema} prints the committed schemas, or both sides as one document. */
class SchemaCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String committed(String path) throws IOException {
    return Files.readString(Path.of("json", path), StandardCharsets.UTF_8);
  }

  @Test
  void oneSideIsTheCommittedFileOfTheHighestVersion() throws IOException {
    CliRun run = CliRun.of("schema", "tempo_cluster", "requirer");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(committed("tempo_cluster/v1/requirer.json"));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theVersionOptionPicksAnOlderVersion() throws IOException {
    CliRun run = CliRun.of("schema", "--version", "v0", "tempo_cluster", "provider");

    assertThat(run.out()).isEqualTo(committed("tempo_cluster/v0/provider.json"));
  }

  @Test
  void withoutASideBothSidesFormOneRelationDocument() throws IOException {
    CliRun run = CliRun.of("schema", "grafana_datasource_exchange");

    JsonNode schema = MAPPER.readTree(run.out());
    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("title").asText()).isEqualTo("grafana_datasource_exchange v0");
    for (String side : new String[] {"provider", "requirer"}) {
      ObjectNode expected =
          (ObjectNode)
              MAPPER.readTree(committed("grafana_datasource_exchange/v0/" + side + ".json"));
      expected.remove("$schema");
      assertThat(schema.at("/properties/" + side)).isEqualTo(expected);
    }
    assertThat(run.status()).isZero();
  }
}
