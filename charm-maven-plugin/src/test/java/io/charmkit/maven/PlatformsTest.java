package io.charmkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformsTest {
  private static List<Base> declared(String charmcraftYaml) {
    return Platforms.declared(CharmcraftProject.parse(charmcraftYaml).tree(), "amd64");
  }

  @Test
  void platformShorthandTakesTheTopLevelBase() {
    assertThat(declared("base: ubuntu@22.04\nplatforms:\n  amd64:\n  arm64:\n"))
        .containsExactly(
            new Base("ubuntu", "22.04", "amd64"), new Base("ubuntu", "22.04", "arm64"));
  }

  @Test
  void multiBaseShorthandNamesBaseAndArchitecture() {
    assertThat(declared("platforms:\n  ubuntu@24.04:arm64:\n  ubuntu@22.04:amd64:\n"))
        .containsExactly(
            new Base("ubuntu", "24.04", "arm64"), new Base("ubuntu", "22.04", "amd64"));
  }

  @Test
  void fullFormUsesBuildFor() {
    assertThat(
            declared(
                "base: ubuntu@24.04\nplatforms:\n  x:\n    build-on: [amd64]\n"
                    + "    build-for: [ubuntu@24.04:s390x]\n  y:\n    build-on: [amd64]\n"
                    + "    build-for: [riscv64]\n"))
        .containsExactly(
            new Base("ubuntu", "24.04", "s390x"), new Base("ubuntu", "24.04", "riscv64"));
  }

  @Test
  void legacyBasesUseRunOnAndTheShortForm() {
    assertThat(
            declared(
                "bases:\n- build-on:\n  - name: ubuntu\n    channel: '22.04'\n  run-on:\n"
                    + "  - name: ubuntu\n    channel: '22.04'\n    architectures: [arm64]\n"
                    + "- name: ubuntu\n  channel: '20.04'\n"))
        .containsExactly(
            new Base("ubuntu", "22.04", "arm64"), new Base("ubuntu", "20.04", "amd64"));
  }

  @Test
  void anArchitectureWithoutABaseIsRefused() {
    assertThatThrownBy(() -> declared("platforms:\n  amd64:\n"))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("platforms.amd64")
        .hasMessageContaining("no 'base'");
  }

  @Test
  void noDeclarationMeansTheDefaultOnTheRuntimesArchitecture() {
    assertThat(declared("name: x\n")).isEmpty();
    assertThat(CharmMojo.selectBases(List.of(), true, "arm64", Path.of("/jdk"), w -> {}))
        .containsExactly(new Base("ubuntu", "24.04", "arm64"));
  }

  @Test
  void theManifestListsTheBasesTheRuntimeRunsOnByteForByte() {
    List<String> warnings = new ArrayList<>();
    List<Base> kept =
        CharmMojo.selectBases(
            declared(
                "platforms:\n  ubuntu@22.04:amd64:\n  ubuntu@24.04:amd64:\n"
                    + "  ubuntu@24.04:arm64:\n"),
            true,
            "amd64",
            Path.of("/jdk"),
            warnings::add);
    assertThat(Manifest.render(kept, "1.2.3"))
        .isEqualTo(
            """
            analysis:
              attributes:
              - name: language
                result: java
              - name: framework
                result: charmkit
            bases:
            - name: ubuntu
              channel: '22.04'
              architectures:
              - amd64
            - name: ubuntu
              channel: '24.04'
              architectures:
              - amd64
            charmkit-version: 1.2.3
            """);
    assertThat(warnings).singleElement().asString().contains("ubuntu@24.04:arm64");
  }

  @Test
  void withoutABundledRuntimeEveryDeclaredBaseIsKept() {
    List<Base> all = declared("base: ubuntu@24.04\nplatforms:\n  amd64:\n  arm64:\n");
    assertThat(Manifest.render(CharmMojo.selectBases(all, false, "amd64", null, w -> {}), "v"))
        .contains("  architectures:\n  - amd64\n  - arm64\n");
  }

  @Test
  void aRuntimeForAnotherArchitectureIsABuildErrorNamingBoth() {
    List<Base> arm = declared("base: ubuntu@24.04\nplatforms:\n  arm64:\n");
    assertThatThrownBy(
            () ->
                CharmMojo.selectBases(
                    arm, true, "amd64", Path.of("/usr/lib/jvm/temurin-25"), w -> {}))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("[ubuntu@24.04:arm64]")
        .hasMessageContaining("/usr/lib/jvm/temurin-25, which is amd64")
        .hasMessageContaining("charm.jre.jdk");
  }

  @Test
  void jdkArchitecturesGetJujusNames() {
    assertThat(Architectures.juju("x86_64")).isEqualTo("amd64");
    assertThat(Architectures.juju("aarch64")).isEqualTo("arm64");
    assertThat(Architectures.juju("ppc64le")).isEqualTo("ppc64el");
  }
}
