package io.charmkit.e2e.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.maven.CharmArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe charm's {@code target/probe.charm} as Juju gets it: expanded, it runs hooks through its
 * {@code dispatch} on the runtime it carries, with no Java on the machine; and packing the same
 * charm directory again gives the same bytes.
 */
class CharmArchiveTest {
  static final Path PROBE = Path.of(System.getProperty("charmkit.charms"), "probe", "target");

  @TempDir Path work;

  @Test
  void theExpandedArchiveRunsAHookOnItsOwnTrimmedRuntime() throws Exception {
    Unit unit = new Unit(work, PROBE.resolve("probe.charm"));

    Unit.Run run = unit.dispatch("config-changed", "-XshowSettings:properties");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("java.home = " + unit.charmDir.resolve("jre"));
    assertThat(unit.calls())
        .contains(
            "relation-set -r db:7 --file -",
            "status-set --application=False active -- probing",
            "juju-log --log-level INFO -- configured; 1 config changes so far");
    assertThat(unit.charmDir.resolve("dispatch")).isExecutable();
    assertThat(unit.charmDir.resolve("hooks/install")).isSymbolicLink();
    assertThat(Files.readSymbolicLink(unit.charmDir.resolve("hooks/install")))
        .isEqualTo(Path.of("../dispatch"));
    // The smallest module set the probe runs on, and the runtime's exact build, recorded.
    var release = Unit.release(unit.charmDir.resolve("jre/release"));
    assertThat(release).containsEntry("MODULES", "java.base").containsKey("JAVA_RUNTIME_VERSION");
    // Linked from Temurin 25 where it is installed (CI), else from the build's JDK 17.
    assertThat(Unit.feature(release.get("JAVA_VERSION"))).isEqualTo(Unit.expectedRuntimeFeature());
  }

  @Test
  void theHookLinkRunsTheCharmToo() throws Exception {
    Unit unit = new Unit(work, PROBE.resolve("probe.charm"));
    ProcessBuilder pb = new ProcessBuilder(unit.charmDir.resolve("hooks/start").toString());
    pb.directory(unit.charmDir.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/bin:/bin");
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    // Reached the charm on its own runtime, which then asks for the Juju environment.
    assertThat(p.waitFor()).isEqualTo(2);
    assertThat(out).contains("is not set");
  }

  @Test
  void packingTheSameCharmDirectoryAgainGivesTheSameBytes() throws Exception {
    Path copy = work.resolve("copy");
    List<Path> files;
    try (var walk = Files.walk(PROBE.resolve("charm"))) {
      files = walk.toList();
    }
    // Copied in reverse order with fresh time stamps: neither may show in the archive.
    List<Path> reversed = new java.util.ArrayList<>(files);
    java.util.Collections.reverse(reversed);
    for (Path p : reversed) {
      Path target = copy.resolve(PROBE.resolve("charm").relativize(p).toString());
      Files.createDirectories(target.getParent());
      if (Files.isSymbolicLink(p)) {
        Files.createSymbolicLink(target, Files.readSymbolicLink(p));
      } else if (Files.isDirectory(p)) {
        Files.createDirectories(target);
      } else {
        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
      }
    }

    Instant time = OffsetDateTime.parse(System.getProperty("charmkit.outputTimestamp")).toInstant();
    CharmArchive.write(copy, work.resolve("again.charm"), time);

    assertThat(Files.mismatch(work.resolve("again.charm"), PROBE.resolve("probe.charm")))
        .isEqualTo(-1L);
  }
}
