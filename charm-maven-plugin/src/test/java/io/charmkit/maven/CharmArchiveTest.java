package io.charmkit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharmArchiveTest {
  private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path tmp;

  /** A small charm tree, its files created in the given order with the given mtime. */
  private Path charm(String dirName, List<String> order, Instant mtime) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(dirName));
    for (String f : order) {
      switch (f) {
        case "dispatch" -> {
          Files.writeString(dir.resolve("dispatch"), "#!/bin/sh\nexec true\n");
          Files.setPosixFilePermissions(
              dir.resolve("dispatch"), PosixFilePermissions.fromString("rwx------"));
        }
        case "hooks" -> {
          Files.createDirectories(dir.resolve("hooks"));
          Files.createSymbolicLink(dir.resolve("hooks/install"), Path.of("../dispatch"));
        }
        case "lib" -> {
          Files.createDirectories(dir.resolve("lib"));
          Files.write(dir.resolve("lib/b.jar"), new byte[] {1, 2, 3});
          Files.write(dir.resolve("lib/a.jar"), new byte[] {4, 5, 6});
        }
        default -> Files.writeString(dir.resolve(f), f + "\n");
      }
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.filter(p -> !Files.isSymbolicLink(p)).toList()) {
        Files.setLastModifiedTime(p, FileTime.from(mtime));
      }
    }
    return dir;
  }

  @Test
  void theSameTreeGivesTheSameBytesWhateverItsOrderTimesAndTheTimeZone() throws Exception {
    List<String> order = new ArrayList<>(List.of("metadata.yaml", "dispatch", "hooks", "lib"));
    Path first = charm("one", order, Instant.parse("2020-05-05T10:11:12Z"));
    Collections.reverse(order);
    Path second = charm("two", order, Instant.now());
    Files.writeString(second.resolve(".charmkit-state.json"), "{}");

    TimeZone zone = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      CharmArchive.write(first, tmp.resolve("one.charm"), TIME);
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
      CharmArchive.write(second, tmp.resolve("two.charm"), TIME);
    } finally {
      TimeZone.setDefault(zone);
    }

    assertThat(Files.readAllBytes(tmp.resolve("two.charm")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("one.charm")));
  }

  @Test
  void entriesAreSortedStampedAndKeepTheirModesAndLinks() throws Exception {
    Path dir = charm("c", List.of("metadata.yaml", "dispatch", "hooks", "lib"), Instant.now());
    Files.createDirectories(dir.resolve(".charmkit-cache"));
    Files.writeString(dir.resolve(".charmkit-cache/key"), "k");
    Path zip = tmp.resolve("c.charm");

    CharmArchive.write(dir, zip, TIME);

    try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
      List<ZipArchiveEntry> entries = Collections.list(z.getEntriesInPhysicalOrder());
      assertThat(entries)
          .extracting(ZipArchiveEntry::getName)
          .containsExactly(
              "dispatch",
              "hooks/",
              "hooks/install",
              "lib/",
              "lib/a.jar",
              "lib/b.jar",
              "metadata.yaml");
      assertThat(z.getEntry("dispatch").getUnixMode()).isEqualTo(0100755);
      assertThat(z.getEntry("metadata.yaml").getUnixMode()).isEqualTo(0100644);
      assertThat(z.getEntry("lib/").getUnixMode()).isEqualTo(040755);
      ZipArchiveEntry link = z.getEntry("hooks/install");
      assertThat(link.isUnixSymlink()).isTrue();
      assertThat(z.getUnixSymlink(link)).isEqualTo("../dispatch");
    }
    try (var z = new java.util.zip.ZipFile(zip.toFile())) {
      assertThat(z.stream().map(e -> e.getTimeLocal()))
          .containsOnly(LocalDateTime.parse("2026-01-01T00:00:00"));
      assertThat(z.stream().map(e -> e.getExtra())).containsOnlyNulls();
    }
  }
}
