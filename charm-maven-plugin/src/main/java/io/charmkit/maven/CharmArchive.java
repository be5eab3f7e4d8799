package io.charmkit.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Zips a charm directory into a {@code .charm} the way Juju expands it (JUJU.md §14): the charm
 * directory at the zip root, unix permissions in every entry (so {@code dispatch} and the runtime's
 * binaries stay executable) and symbolic links as symlink entries ({@code hooks/install ->
 * ../dispatch}; Juju's expander recreates them and rejects only links that leave the charm).
 *
 * <p>Reproducible: entries sorted by name, every time stamp the given instant, permissions reduced
 * to 0755 (owner-executable) or 0644, directories 0755, no extra fields. The same tree gives the
 * same bytes whatever the file system's order, times, umask or the build machine's time zone (given
 * the same zlib: Debian's JDK deflates with the system's).
 *
 * <p>Public for the end-to-end tests, which re-pack a built charm and compare bytes.
 */
public final class CharmArchive {
  /** Left out: what a charm writes into its own directory when it runs (state, start-up cache). */
  static final Set<String> RUNTIME_FILES = Set.of(".charmkit-state.json", ".charmkit-cache");

  private CharmArchive() {}

  /** Writes {@code zip} from the tree under {@code charmDir}, all entries stamped {@code time}. */
  public static void write(Path charmDir, Path zip, Instant time) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(charmDir)) {
      walk.filter(p -> !p.equals(charmDir))
          .filter(p -> !RUNTIME_FILES.contains(charmDir.relativize(p).getName(0).toString()))
          .forEach(entries::add);
    }
    entries.sort((a, b) -> name(charmDir, a).compareTo(name(charmDir, b)));
    Files.createDirectories(zip.toAbsolutePath().getParent());
    Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(tmp)) {
      // zlib's default level: BEST_COMPRESSION took 3.5x as long to save 0.3% (the runtime's
      // lib/modules is compressed by jlink already).
      out.setLevel(Deflater.DEFAULT_COMPRESSION);
      out.setUseZip64(Zip64Mode.Never);
      out.setEncoding(StandardCharsets.UTF_8.name());
      long dosTime = dosTime(time);
      for (Path p : entries) {
        String name = name(charmDir, p);
        if (Files.isSymbolicLink(p)) {
          ZipArchiveEntry e = new ZipArchiveEntry(name);
          e.setUnixMode(UnixStat.LINK_FLAG | 0777);
          e.setTime(dosTime);
          out.putArchiveEntry(e);
          out.write(Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          ZipArchiveEntry e = new ZipArchiveEntry(name + "/");
          e.setUnixMode(UnixStat.DIR_FLAG | 0755);
          e.setTime(dosTime);
          out.putArchiveEntry(e);
        } else {
          ZipArchiveEntry e = new ZipArchiveEntry(name);
          e.setUnixMode(UnixStat.FILE_FLAG | (Files.isExecutable(p) ? 0755 : 0644));
          e.setTime(dosTime);
          out.putArchiveEntry(e);
          try (InputStream in = Files.newInputStream(p)) {
            in.transferTo(out);
          }
        }
        out.closeArchiveEntry();
      }
    }
    Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String name(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /**
   * Zip entries hold a DOS date and time in local time, and the zip library converts with the
   * machine's time zone: shift by that zone's offset so the stored fields read {@code time} in UTC
   * on every machine.
   */
  private static long dosTime(Instant time) {
    long millis = time.toEpochMilli();
    return millis - TimeZone.getDefault().getOffset(millis);
  }
}
