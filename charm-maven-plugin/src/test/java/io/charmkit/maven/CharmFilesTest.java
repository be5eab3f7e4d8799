package io.charmkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharmFilesTest {
  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  @Test
  void legacyFilesAreTakenAsTheyAre() throws IOException {
    write("metadata.yaml", "# kept\nname: legacy\n");
    write("config.yaml", "options: {}\n");
    write("charmcraft.yaml", "type: charm\n");
    CharmFiles f = CharmFiles.read(dir);
    assertThat(f.metadataYaml()).isEqualTo("# kept\nname: legacy\n");
    assertThat(f.configYaml()).contains("options: {}\n");
    assertThat(f.actionsYaml()).isEmpty();
  }

  @Test
  void charmcraftYamlAloneIsDerived() throws IOException {
    write("charmcraft.yaml", "name: new\ntype: charm\nactions:\n  go:\n    description: g\n");
    CharmFiles f = CharmFiles.read(dir);
    assertThat(f.metadataYaml()).isEqualTo("name: new\n");
    assertThat(f.actionsYaml()).contains("go:\n  description: g\n");
    assertThat(f.configYaml()).isEmpty();
  }

  @Test
  void aMisspeltMetadataFileIsNamed() throws IOException {
    write("metadata.yml", "name: typo\n");
    assertThatThrownBy(() -> CharmFiles.read(dir))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("metadata.yml (did you mean metadata.yaml?)");
  }

  @Test
  void aMisspeltCharmcraftFileIsNamedEvenNextToAGoodOne() throws IOException {
    write("charmcraft.yml", "type: charm\n");
    write("metadata.yaml", "name: x\n");
    assertThatThrownBy(() -> CharmFiles.read(dir))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("charmcraft.yml (did you mean charmcraft.yaml?)");
    Files.delete(dir.resolve("charmcraft.yml"));
    write("Config.yaml", "options: {}\n");
    assertThatThrownBy(() -> CharmFiles.read(dir))
        .hasMessageContaining("Config.yaml (did you mean config.yaml?)");
  }

  @Test
  void unrelatedYamlFilesAreLeftAlone() throws IOException {
    write("metadata.yaml", "name: x\n");
    write("renovate.yaml", "a: b\n");
    write("codecov.yml", "a: b\n");
    write("rockcraft.yaml", "a: b\n");
    assertThat(CharmFiles.read(dir).metadataYaml()).isEqualTo("name: x\n");
  }

  @Test
  void noMetadataAtAllSaysWhatToAdd() {
    assertThatThrownBy(() -> CharmFiles.read(dir))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("neither charmcraft.yaml nor metadata.yaml")
        .hasMessageContaining("Add charmcraft.yaml");
  }

  @Test
  void aBuildOnlyCharmcraftYamlWithoutMetadataYamlIsNotACharm() throws IOException {
    write("charmcraft.yaml", "type: charm\n");
    assertThatThrownBy(() -> CharmFiles.read(dir))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("charmcraft.yaml declares no metadata");
  }

  @Test
  void metadataInBothFilesIsRefusedNamingTheKeys() throws IOException {
    write("charmcraft.yaml", "name: x\nsummary: s\ntype: charm\n");
    write("metadata.yaml", "name: x\n");
    assertThatThrownBy(() -> CharmFiles.read(dir))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("declares its metadata twice")
        .hasMessageContaining("[name, summary]");
  }

  @Test
  void actionsInBothFilesAreRefused() throws IOException {
    write("charmcraft.yaml", "name: x\nactions:\n  a: {}\n");
    write("actions.yaml", "a: {}\n");
    assertThatThrownBy(() -> CharmFiles.read(dir))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("declares actions twice");
  }

  @Test
  void aPomModuleIsNotPackedUnlessItHasCharmFiles() throws IOException {
    assertThat(CharmFiles.packs(dir, "pom")).isFalse();
    assertThat(CharmFiles.packs(dir, "jar")).isTrue();
    write("charmcraft.yaml", "name: x\n");
    assertThatThrownBy(() -> CharmFiles.packs(dir, "pom"))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("has charmcraft.yaml but packaging 'pom'");
  }
}
