package io.charmkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchitecturesTest {
  @TempDir Path jdk;

  @Test
  void aJdksArchitectureComesFromItsReleaseFileInJujusName() throws IOException {
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25\"\nOS_ARCH=\"aarch64\"\n");
    assertThat(Architectures.ofJdk(jdk)).isEqualTo("arm64");
    Files.writeString(jdk.resolve("release"), "OS_ARCH=\"x86_64\"\n");
    assertThat(Architectures.ofJdk(jdk)).isEqualTo("amd64");
  }

  @Test
  void aReleaseFileWithoutArchitectureSaysSo() throws IOException {
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17\"\n");
    assertThatThrownBy(() -> Architectures.ofJdk(jdk))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("has no OS_ARCH");
  }

  @Test
  void theJdkRunningTheBuildHasOne() throws IOException {
    assertThat(Architectures.ofJdk(Path.of(System.getProperty("java.home"))))
        .isEqualTo(Architectures.juju(System.getProperty("os.arch")));
  }
}
