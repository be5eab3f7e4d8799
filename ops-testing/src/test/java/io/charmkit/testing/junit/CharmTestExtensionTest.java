package io.charmkit.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.metadata.CharmMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;

/** Where {@link CharmTest} finds the charm's metadata. */
class CharmTestExtensionTest {

  @Test
  void byDefaultTheModuleDirectoryMetadataYamlAndItsSiblingsAreRead(@TempDir Path module)
      throws IOException {
    Files.writeString(module.resolve("metadata.yaml"), "name: mine\ncontainers:\n  app: {}\n");
    Files.writeString(module.resolve("config.yaml"), "options:\n  port: {type: int}\n");
    Files.writeString(module.resolve("actions.yaml"), "backup: {}\n");

    CharmMetadata m = CharmTestExtension.metadata(getClass(), "", module);

    assertThat(m.name()).isEqualTo("mine");
    assertThat(m.containers()).containsExactly("app");
    assertThat(m.options()).containsOnlyKeys("port");
    assertThat(m.actions()).containsOnlyKeys("backup");
  }

  @Test
  void byDefaultACharmcraftYamlInTheModuleDirectoryIsReadToo(@TempDir Path module)
      throws IOException {
    Files.writeString(
        module.resolve("charmcraft.yaml"),
        """
        name: crafted
        type: charm
        config:
          options:
            colour: {type: string, default: blue}
        actions:
          paint:
            params:
              shade: {type: string}
            required: [shade]
        """);

    CharmMetadata m = CharmTestExtension.metadata(getClass(), "", module);

    assertThat(m.name()).isEqualTo("crafted");
    assertThat(m.options()).containsOnlyKeys("colour");
    assertThat(m.actions().get("paint").required()).containsExactly("shade");
  }

  @Test
  void withoutModuleMetadataTheClassPathRootIsTheFallback(@TempDir Path empty) {
    // ops-testing's own test resources hold the API tour's charm at the class path root.
    assertThat(CharmTestExtension.metadata(getClass(), "", empty).name()).isEqualTo("tour");
  }

  @Test
  void aNamedClassPathDirectoryIsReadWhateverTheModuleHolds(@TempDir Path module)
      throws IOException {
    Files.writeString(module.resolve("metadata.yaml"), "name: mine\n");

    assertThat(CharmTestExtension.metadata(getClass(), "/charms/demo", module).name())
        .isEqualTo("demo");
  }

  @Test
  void whenNothingIsFoundTheErrorNamesEveryPathTried(@TempDir Path empty) {
    // String's loader (the bootstrap one) sees no test resources.
    assertThatThrownBy(() -> CharmTestExtension.metadata(String.class, "", empty))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining(
            "found no charm metadata; tried "
                + empty.resolve("metadata.yaml")
                + ", "
                + empty.resolve("charmcraft.yaml")
                + ", class path /metadata.yaml, class path /charmcraft.yaml")
        .hasMessageContaining("@CharmTest(metadata = \"/charms/my-charm\")");
    assertThatThrownBy(() -> CharmTestExtension.metadata(getClass(), "/charms/nowhere", empty))
        .hasMessageContaining(
            "tried class path /charms/nowhere/metadata.yaml, class path"
                + " /charms/nowhere/charmcraft.yaml");
  }
}
