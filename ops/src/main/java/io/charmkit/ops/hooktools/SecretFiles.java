package io.charmkit.ops.hooktools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A private temporary directory holding one file per secret value, for the {@code <key>#file=} form
 * of {@code secret-add} and {@code secret-set}: values never appear on a command line, where any
 * local user could read them from {@code /proc}.
 *
 * <p>The directory is created {@code rwx------} and each file {@code rw-------} atomically at
 * creation, so there is no moment at which another user could open them. Closing deletes them.
 */
final class SecretFiles implements AutoCloseable {
  private final Path dir;
  private final List<Path> files = new ArrayList<>();

  private SecretFiles(Path dir) {
    this.dir = dir;
  }

  /** Creates the private directory. */
  static SecretFiles create() {
    try {
      return new SecretFiles(
          Files.createTempDirectory(
              "charmkit-secret-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a private temporary directory for secret content", e);
    }
  }

  /**
   * Writes {@code value} to a new owner-only file named after {@code key} (already validated, so it
   * is a safe file name) and returns the {@code <key>#file=<path>} argument.
   */
  String write(String key, String value) {
    Path file = dir.resolve(key);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      files.add(file);
      Files.writeString(file, value, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write temporary file for secret key '" + key + "'", e);
    }
    return key + "#file=" + file;
  }

  /** Deletes every file and the directory; a file that cannot be deleted is an error. */
  @Override
  public void close() {
    IOException failure = null;
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        failure = e;
      }
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      failure = e;
    }
    if (failure != null) {
      // A secret left on disk is worth failing the hook over.
      throw new UncheckedIOException("cannot delete temporary secret files in " + dir, failure);
    }
  }
}
