package io.charmkit.ops.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharmMetadataLoadTest {
  @TempDir Path dir;

  private static final String CHARMCRAFT =
      """
      name: demo
      type: charm
      summary: s
      description: d
      base: ubuntu@24.04
      platforms:
        amd64:
      requires:
        db:
          interface: pgsql
          limit: 1
      peers:
        cluster:
          interface: demo-peers
      containers:
        app:
          resource: app-image
      storage:
        data:
          type: filesystem
      config:
        options:
          log-level:
            type: string
            default: info
      actions:
        restart:
          description: restarts
          params:
            force:
              type: boolean
      """;

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aModuleWithOnlyCharmcraftYamlLoads() throws IOException {
    write("charmcraft.yaml", CHARMCRAFT);
    CharmMetadata m = CharmMetadata.load(dir);
    assertThat(m.name()).isEqualTo("demo");
    assertThat(m.endpoints()).containsOnlyKeys("cluster", "db");
    assertThat(m.endpoint("db").orElseThrow().role()).isEqualTo(EndpointRole.REQUIRES);
    assertThat(m.endpoint("db").orElseThrow().limit()).contains(1);
    assertThat(m.containers()).containsExactly("app");
    assertThat(m.storages()).containsExactly("data");
    assertThat(m.options()).containsOnlyKeys("log-level");
    assertThat(m.options().get("log-level").defaultValue()).contains("info");
    assertThat(m.actions()).containsOnlyKeys("restart");
    assertThat(m.actions().get("restart").params()).containsKey("force");
  }

  @Test
  void theLegacyFilesLoadNextToABuildOnlyCharmcraftYaml() throws IOException {
    write("charmcraft.yaml", "type: charm\nbases:\n- name: ubuntu\n  channel: '22.04'\n");
    write("metadata.yaml", "name: legacy\nprovides:\n  api:\n    interface: http\n");
    write("config.yaml", "options:\n  port:\n    type: int\n    default: 80\n");
    write("actions.yaml", "backup:\n  description: b\n");
    CharmMetadata m = CharmMetadata.load(dir);
    assertThat(m.name()).isEqualTo("legacy");
    assertThat(m.endpoints()).containsOnlyKeys("api");
    assertThat(m.options().get("port").defaultValue()).contains(80L);
    assertThat(m.actions()).containsOnlyKeys("backup");
  }

  @Test
  void charmcraftYamlMaySupplyConfigNextToALegacyMetadataYaml() throws IOException {
    write("charmcraft.yaml", "type: charm\nconfig:\n  options:\n    x:\n      type: boolean\n");
    write("metadata.yaml", "name: mixed\n");
    assertThat(CharmMetadata.load(dir).options()).containsOnlyKeys("x");
  }

  @Test
  void metadataDeclaredInBothFilesIsRefused() throws IOException {
    write("charmcraft.yaml", CHARMCRAFT);
    write("metadata.yaml", "name: demo\n");
    assertThatThrownBy(() -> CharmMetadata.load(dir))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("both metadata.yaml and charmcraft.yaml");
  }

  @Test
  void configDeclaredInBothFilesIsRefused() throws IOException {
    write("charmcraft.yaml", CHARMCRAFT);
    write("config.yaml", "options: {}\n");
    assertThatThrownBy(() -> CharmMetadata.load(dir))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("config in both config.yaml and charmcraft.yaml");
  }

  @Test
  void aDirectoryWithoutMetadataSaysSo() {
    assertThatThrownBy(() -> CharmMetadata.load(dir))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("no metadata.yaml or charmcraft.yaml");
  }
}
