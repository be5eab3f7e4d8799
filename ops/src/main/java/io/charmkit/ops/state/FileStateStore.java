package io.charmkit.ops.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The default store: one JSON file in the charm directory ({@code .charmkit-state.json}), written
 * atomically (a private temporary file in the same directory, then a rename), so a crash leaves
 * either the old or the new state, never half of one.
 *
 * <p>On Kubernetes the charm directory lives in the charm container, so this state is lost when the
 * pod is recreated; use {@link JujuStateStore} for state that must survive that.
 */
public final class FileStateStore implements StateStore {
  /** The file name inside the charm directory. */
  public static final String FILE_NAME = ".charmkit-state.json";

  private final Path file;

  /** A store in {@code charmDir}. */
  public FileStateStore(Path charmDir) {
    this.file = charmDir.resolve(FILE_NAME);
  }

  /** The state file. */
  public Path file() {
    return file;
  }

  @Override
  public StoredSnapshot load() {
    if (!Files.exists(file)) {
      return StoredSnapshot.empty();
    }
    try {
      return SnapshotCodec.decode(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new StateStoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void save(StoredSnapshot snapshot) {
    byte[] bytes = SnapshotCodec.encode(snapshot).getBytes(StandardCharsets.UTF_8);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp =
          Files.createTempFile(
              dir,
              FILE_NAME,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new StateStoreException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The write already failed and says so; a stray temp file is the lesser problem.
        }
      }
    }
  }
}
