package io.charmkit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeChoiceTest {
  @TempDir Path tmp;

  private Path jdk(String name) throws IOException {
    Path home = Files.createDirectories(tmp.resolve(name).resolve("bin"));
    Path jlink = Files.writeString(home.resolve("jlink"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(jlink, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(home.getParent().resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
    return home.getParent();
  }

  @Test
  void anExplicitJdkWinsAndIsNotAFallbackCandidate() throws IOException {
    Path preferred = jdk("temurin-25");
    RuntimeChoice choice =
        RuntimeChoice.of("/opt/jdk-21", preferred.toString(), new File("/opt/jdk-17"));
    assertThat(choice.jdk()).isEqualTo(Path.of("/opt/jdk-21"));
    assertThat(choice.preferred()).isFalse();
    assertThat(choice.note()).isEmpty();
  }

  @Test
  void thePreferredJdkIsUsedWhenInstalled() throws IOException {
    Path preferred = jdk("temurin-25");
    RuntimeChoice choice = RuntimeChoice.of("", preferred.toString(), new File("/x"));
    assertThat(choice.jdk()).isEqualTo(preferred);
    assertThat(choice.preferred()).isTrue();
    assertThat(choice.note()).isEmpty();
  }

  @Test
  void withoutThePreferredJdkTheBuildFallsBackToMavensJdkAndSaysWhy() {
    RuntimeChoice choice =
        RuntimeChoice.of(null, tmp.resolve("absent").toString(), new File("/opt/jdk-17"));
    assertThat(choice.jdk()).isEqualTo(Path.of("/opt/jdk-17"));
    assertThat(choice.preferred()).isFalse();
    assertThat(choice.note().orElseThrow())
        .contains("No JDK at charm.jre.preferred.jdk")
        .contains(tmp.resolve("absent").toString())
        .contains("AppCDS")
        .contains("/opt/jdk-17");
  }

  @Test
  void aDirectoryWithoutJlinkIsNotAJdk() throws IOException {
    Path jre = Files.createDirectories(tmp.resolve("jre/bin"));
    Files.writeString(jre.getParent().resolve("release"), "JAVA_VERSION=\"25\"\n");
    RuntimeChoice choice =
        RuntimeChoice.of(null, jre.getParent().toString(), new File("/opt/jdk-17"));
    assertThat(choice.jdk()).isEqualTo(Path.of("/opt/jdk-17"));
    assertThat(choice.note()).isPresent();
  }
}
