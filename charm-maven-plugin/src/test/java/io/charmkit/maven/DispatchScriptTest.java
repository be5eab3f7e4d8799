package io.charmkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatchScriptTest {
  @TempDir Path tmp;

  @Test
  void rendersAnExplicitClassPathInOrderAndLeavesNoPlaceholder() {
    String script =
        new DispatchScript(
                "probe",
                "1.0",
                "io.example.Main",
                " -XX:+UseSerialGC ",
                List.of("c.jar", "a.jar"),
                true,
                "abc123")
            .render();

    assertThat(script)
        .startsWith("#!/bin/sh\n")
        .contains("classpath=\"$lib/c.jar:$lib/a.jar\"")
        .contains("build_key=abc123")
        .contains(
            "exec \"$java\" -XX:+UseSerialGC ${CHARMKIT_JAVA_OPTS:-} \"$@\" -cp \"$classpath\" io.example.Main")
        .contains("if [ -n \"true\" ]")
        .doesNotContainPattern("@[A-Z_]+@");
  }

  @Test
  void withoutTheCacheTheScriptNeverSelectsOne() {
    String script =
        new DispatchScript("probe", "1.0", "M", "", List.of("a.jar"), false, "k").render();
    assertThat(script).contains("if [ -n \"\" ] && [ \"${major:-0}\" -ge 25 ]");
    assertThat(script).doesNotContain("if [ -n \"true\" ]");
  }

  @Test
  void theBuildKeyChangesWithAJarsBytesTheOptionsAndTheRuntime() throws IOException {
    Path lib = Files.createDirectories(tmp.resolve("lib"));
    Files.write(lib.resolve("a.jar"), new byte[] {1});
    Path release = Files.writeString(tmp.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
    List<String> jars = List.of("a.jar");
    String key = DispatchScript.buildKey(lib, jars, "-Xss1m", "M", release);

    assertThat(DispatchScript.buildKey(lib, jars, "-Xss1m", "M", release)).isEqualTo(key);
    assertThat(DispatchScript.buildKey(lib, jars, "-Xss2m", "M", release)).isNotEqualTo(key);
    assertThat(DispatchScript.buildKey(lib, jars, "-Xss1m", "M", null)).isNotEqualTo(key);
    Files.writeString(release, "JAVA_VERSION=\"17.0.16\"\n");
    assertThat(DispatchScript.buildKey(lib, jars, "-Xss1m", "M", release)).isNotEqualTo(key);
    Files.write(lib.resolve("a.jar"), new byte[] {2});
    assertThat(DispatchScript.buildKey(lib, jars, "-Xss1m", "M", null))
        .isNotEqualTo(DispatchScript.buildKey(lib, jars, "-Xss1m", "M", release))
        .hasSize(64);
  }

  @Test
  void aJdkWithoutJmodsIsRefusedWithWhatToInstall() throws Exception {
    Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
    Files.writeString(jdk.resolve("jlink"), "#!/bin/sh\nexit 1\n");
    jdk.resolve("jlink").toFile().setExecutable(true);
    Files.writeString(tmp.resolve("jdk/release"), "JAVA_VERSION=\"17.0.15\"\n");

    assertThatThrownBy(
            () ->
                new RuntimeLinker(tmp.resolve("jdk")).link(List.of("java.base"), tmp.resolve("o")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("has no jmods")
        .hasMessageContaining("openjdk-17-jmods")
        .hasMessageContaining("charm.jre=false");
  }

  @Test
  void optionsFollowTheJdk() throws Exception {
    Files.writeString(tmp.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
    assertThat(new RuntimeLinker(tmp).options())
        .contains("--compress=zip-6", "--generate-cds-archive", "--strip-debug");
    Files.writeString(tmp.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
    assertThat(new RuntimeLinker(tmp).options())
        .contains("--compress=2")
        .doesNotContain("--generate-cds-archive");
  }

  @Test
  void theOutputTimestamp() throws Exception {
    assertThat(CharmMojo.timestamp("2026-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(CharmMojo.timestamp("1767225600")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(CharmMojo.timestamp(null)).isEqualTo(Instant.parse("1980-01-01T00:00:02Z"));
  }
}
