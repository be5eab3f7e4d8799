package io.charmkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files derived from charmcraft.yaml, compared byte for byte with expected files written by
 * hand from charmcraft's rules (see the fixtures under {@code charmcraft/}).
 */
class CharmcraftProjectTest {
  private static Optional<String> fixture(String shape, String file) throws IOException {
    try (InputStream in =
        CharmcraftProjectTest.class.getResourceAsStream("charmcraft/" + shape + "/" + file)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"commented", "upstream", "flow", "marker"})
  void derivedFilesMatchTheExpectedBytes(String shape) throws IOException {
    CharmcraftProject p = CharmcraftProject.parse(fixture(shape, "charmcraft.yaml").orElseThrow());
    assertThat(p.metadataYaml()).isEqualTo(fixture(shape, "metadata.yaml").orElseThrow());
    assertThat(p.configYaml()).isEqualTo(fixture(shape, "config.yaml"));
    assertThat(p.actionsYaml()).isEqualTo(fixture(shape, "actions.yaml"));
  }

  @Test
  void aBuildOnlyCharmcraftYamlHasNoMetadata() {
    CharmcraftProject p = CharmcraftProject.parse("type: charm\nparts: {}\n");
    assertThat(p.hasMetadata()).isFalse();
    assertThat(p.configYaml()).isEmpty();
  }

  @Test
  void metadataYamlSpellingsAreRefusedWithCharmcraftsSpelling() {
    assertThatThrownBy(() -> CharmcraftProject.parse("name: x\ndisplay-name: X\n"))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("'display-name' is metadata.yaml's spelling")
        .hasMessageContaining("says title");
  }

  @Test
  void anUnknownKeyIsRefusedNotDropped() {
    assertThatThrownBy(() -> CharmcraftProject.parse("name: x\nrequire:\n  db: {}\n"))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("unknown top-level key 'require'")
        .hasMessageContaining("requires");
  }

  @Test
  void invalidYamlSaysSo() {
    assertThatThrownBy(() -> CharmcraftProject.parse("name: [x\n"))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("charmcraft.yaml is not valid YAML");
  }
}
