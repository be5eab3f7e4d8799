package io.charmkit.e2e.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up cache on the unit, on the probe's own runtime (JDK 25 where the build finds Temurin
 * 25, so the AOT cache; else the build's JDK 17, so AppCDS): the install hook trains it; later
 * hooks load the charm's classes from it while its key matches; a stale key (JDK 25.0.3 would reuse
 * a stale AOT cache itself, JDK-8377932: the key is ours) or a broken cache costs start-up time
 * only, never the hook; upgrade-charm trains it again.
 */
class StartupCacheTest {
  /** Where {@code -Xlog:class+load} says the charm class came from. */
  private static final Pattern FROM_CACHE =
      Pattern.compile("io\\.charmkit\\.probe\\.ProbeCharm source: shared objects file");

  private static final Pattern FROM_JAR =
      Pattern.compile("io\\.charmkit\\.probe\\.ProbeCharm source: .*charmkit-probe-charm.*\\.jar");

  @TempDir Path work;
  private Unit unit;
  private Path cacheDir;
  private int runtime;
  private Path cacheFile;

  @BeforeEach
  void install() throws Exception {
    unit = new Unit(work, CharmArchiveTest.PROBE.resolve("probe.charm"));
    cacheDir = unit.charmDir.resolve(".charmkit-cache");
    runtime = Unit.feature(Unit.release(unit.charmDir.resolve("jre/release")).get("JAVA_VERSION"));
    assertThat(runtime).isEqualTo(Unit.expectedRuntimeFeature());
    cacheFile = cacheDir.resolve(runtime >= 25 ? "app.aot" : "app.jsa");
    Unit.Run install = unit.dispatch("install", "");
    assertThat(install.exitCode()).as(install.output()).isZero();
  }

  private Unit.Run configChanged() throws Exception {
    Unit.Run run = unit.dispatch("config-changed", "-Xlog:class+load=info");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(unit.calls()).contains("status-set --application=False active -- probing");
    return run;
  }

  @Test
  void installTrainsTheCacheAndLaterHooksLoadTheCharmFromIt() throws Exception {
    assertThat(cacheFile).isNotEmptyFile();
    assertThat(Files.readString(cacheDir.resolve("key")))
        .matches("[0-9a-f]{64} .*JAVA_VERSION=\"" + runtime + "[^;]*\";.*\n");
    assertThat(cacheDir).isDirectoryNotContaining("glob:**.tmp");

    assertThat(configChanged().output()).containsPattern(FROM_CACHE);
  }

  @Test
  void aKeyFromAnotherBuildOrRuntimeIsIgnored() throws Exception {
    Files.writeString(cacheDir.resolve("key"), "0000 JAVA_VERSION=\"17.0.1\";\n");

    Unit.Run run = configChanged();

    assertThat(run.output()).containsPattern(FROM_JAR).doesNotContainPattern(FROM_CACHE);
  }

  @Test
  void aBrokenCacheWithAMatchingKeyOnlyCostsStartUpTime() throws Exception {
    Path cache = cacheFile;
    cache.toFile().setWritable(true);
    Files.writeString(cache, "not a CDS archive");

    Unit.Run run = configChanged();

    assertThat(run.output()).containsPattern(FROM_JAR);
    assertThat(unit.calls()).contains("relation-set -r db:7 --file -");
  }

  @Test
  void upgradeCharmWithNewJarsTrainsAgain() throws Exception {
    // A new revision of the charm: another build key in its dispatch.
    Path dispatch = unit.charmDir.resolve("dispatch");
    Files.writeString(
        dispatch,
        Files.readString(dispatch)
            .replaceFirst("build_key=[0-9a-f]{64}", "build_key=" + "1".repeat(64)));
    assertThat(configChanged().output()).doesNotContainPattern(FROM_CACHE);

    Unit.Run upgrade = unit.dispatch("upgrade-charm", "");

    assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
    assertThat(Files.readString(cacheDir.resolve("key"))).startsWith("1".repeat(64) + " ");
    assertThat(configChanged().output()).containsPattern(FROM_CACHE);
  }
}
