package io.charmkit.testing.pebble;

import io.charmkit.ops.pebble.FileInfo;
import io.charmkit.ops.pebble.PathErrorException;
import io.charmkit.ops.pebble.PushOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files of a simulated container (PEBBLE.md §7–§9): push, pull, list, make-dirs and remove,
 * against a directory that stands for the container's root filesystem, with Pebble's rules and
 * error wording. Every container path is cleaned and resolved under that root; a path that would
 * leave it (through {@code ..} or a symlink) is refused.
 */
public final class ContainerFiles {
  /** Pebble's error kind for a missing path. */
  static final String NOT_FOUND = "not-found";

  /** Pebble's error kind for a refused path. */
  static final String DENIED = "permission-denied";

  /** Pebble's error kind for every other file failure. */
  static final String GENERIC = "generic-file-error";

  private final Path root;

  ContainerFiles(Path root) throws IOException {
    Files.createDirectories(root);
    this.root = root.toRealPath();
  }

  /** The host path for a container path, or a problem when it is relative or escapes the root. */
  Path host(String containerPath) {
    if (containerPath == null || !containerPath.startsWith("/")) {
      throw new PathErrorException(
          containerPath, GENERIC, "paths must be absolute, got \"" + containerPath + "\"");
    }
    String clean = Path.of(containerPath).normalize().toString();
    if (!clean.startsWith("/")) {
      throw escapes(containerPath);
    }
    Path host = root.resolve(clean.substring(1)).normalize();
    if (!host.startsWith(root)) {
      throw escapes(containerPath);
    }
    // A symlink inside the root may still point outside it: check the deepest existing ancestor.
    Path existing = host;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    try {
      if (existing != null && !existing.toRealPath().startsWith(root)) {
        throw escapes(containerPath);
      }
    } catch (IOException e) {
      throw escapes(containerPath);
    }
    return host;
  }

  private static PathErrorException escapes(String path) {
    return new PathErrorException(
        path, DENIED, "path \"" + path + "\" is outside the container root");
  }

  /** Whether {@code containerPath} is an executable regular file (one the charm put there). */
  boolean isExecutable(String containerPath) {
    return is(containerPath, file -> Files.isRegularFile(file) && Files.isExecutable(file));
  }

  /** Whether {@code containerPath} is an existing directory. */
  boolean isDirectory(String containerPath) {
    return is(containerPath, Files::isDirectory);
  }

  /** Whether {@code containerPath} is in the root and its host file passes {@code test}. */
  private boolean is(String containerPath, Predicate<Path> test) {
    try {
      return test.test(host(containerPath));
    } catch (PathErrorException e) {
      return false;
    }
  }

  /** The content of a regular file. */
  public byte[] read(String path) {
    Path file = host(path);
    if (!Files.exists(file)) {
      throw new PathErrorException(path, NOT_FOUND, "stat " + path + ": no such file or directory");
    }
    if (!Files.isRegularFile(file)) {
      throw new PathErrorException(path, GENERIC, "can only read a regular file: \"" + path + "\"");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PathErrorException(path, GENERIC, "read " + path + ": " + reason(e));
    }
  }

  /** Writes a file as a push does, with its options (permissions default to 644). */
  public void write(String path, byte[] content, PushOptions options) {
    int mode = mode(path, options.permissions(), "644");
    if ((options.group() != null || options.groupId() != null)
        && options.user() == null
        && options.userId() == null) {
      throw new PathErrorException(path, GENERIC, "must specify user, not just group");
    }
    Path file = host(path);
    Path parent = file.getParent();
    try {
      if (options.makeDirs()) {
        Files.createDirectories(parent);
      }
      if (!Files.isDirectory(parent)) {
        throw new PathErrorException(
            path, NOT_FOUND, "open " + path + ": no such file or directory");
      }
      if (Files.isDirectory(file)) {
        throw new PathErrorException(path, GENERIC, "open " + path + ": is a directory");
      }
      // Write beside the target and rename, so a reader never sees a half-written file.
      Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
      Files.write(tmp, content);
      Files.setAttribute(tmp, "unix:mode", mode);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new PathErrorException(path, GENERIC, "open " + path + ": " + reason(e));
    }
  }

  /**
   * Lists a directory (or describes a path {@code itself}), names filtered by a glob {@code
   * pattern}; a missing path is a 404 {@code not-found}, as Pebble answers.
   */
  public List<FileInfo> list(String path, String pattern, boolean itself) {
    if (path == null || path.isEmpty()) {
      throw Envelope.badRequest("must specify path");
    }
    if (!path.startsWith("/")) {
      throw Envelope.badRequest("path must be absolute, got \"" + path + "\"");
    }
    Path dir;
    try {
      dir = host(path);
    } catch (PathErrorException p) {
      throw Envelope.failure(400, p.apiMessage(), p.kind());
    }
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw Envelope.failure(404, "stat " + path + ": no such file or directory", NOT_FOUND);
    }
    PathMatcher matcher = null;
    if (pattern != null && !pattern.isEmpty()) {
      try {
        matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      } catch (IllegalArgumentException e) {
        throw Envelope.badRequest("syntax error in pattern");
      }
    }
    boolean listing = !itself && Files.isDirectory(dir);
    String prefix = path.endsWith("/") ? path : path + "/";
    List<FileInfo> result = new ArrayList<>();
    try (Stream<Path> entries = listing ? Files.list(dir) : Stream.of(dir)) {
      // Siblings' paths sort as their names' bytes do, the order Go's ReadDir lists them in.
      for (Path entry : entries.sorted().toList()) {
        String name = !listing && path.equals("/") ? "/" : entry.getFileName().toString();
        if (matcher == null || matcher.matches(Path.of(name))) {
          result.add(describe(listing ? prefix + name : path, name, entry));
        }
      }
    } catch (IOException e) {
      throw Envelope.failure(500, "cannot list " + path + ": " + reason(e), GENERIC);
    }
    return result;
  }

  private static FileInfo describe(String path, String name, Path file) throws IOException {
    Map<String, Object> attrs = Files.readAttributes(file, "unix:*", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) attrs.get("mode");
    String type = type(mode);
    return new FileInfo(
        path,
        name,
        type,
        type.equals("file") ? (Long) attrs.get("size") : null,
        String.format(Locale.ROOT, "%03o", mode & 0777),
        ((FileTime) attrs.get("lastModifiedTime"))
            .toInstant()
            .truncatedTo(ChronoUnit.SECONDS)
            .toString(),
        (Integer) attrs.get("uid"),
        ((UserPrincipal) attrs.get("owner")).getName(),
        (Integer) attrs.get("gid"),
        ((GroupPrincipal) attrs.get("group")).getName());
  }

  /** The file type Pebble reports for a {@code stat} mode's type bits (Go's {@code FileMode}). */
  private static String type(int mode) {
    return switch (mode & 0170000) {
      case 0120000 -> "symlink";
      case 0040000 -> "directory";
      case 0100000 -> "file";
      case 0140000 -> "socket";
      case 0010000 -> "named-pipe";
      case 0060000, 0020000 -> "device";
      default -> "unknown";
    };
  }

  /** Makes a directory (permissions default to 755), its parents too when asked. */
  public void makeDir(String path, boolean makeParents, String permissions) {
    int mode = mode(path, permissions, "755");
    Path target = host(path);
    try {
      if (makeParents) {
        if (Files.exists(target) && !Files.isDirectory(target)) {
          throw new PathErrorException(path, GENERIC, "mkdir " + path + ": not a directory");
        }
        Files.createDirectories(target);
      } else {
        if (!Files.isDirectory(target.getParent())) {
          throw new PathErrorException(
              path, NOT_FOUND, "mkdir " + path + ".mkdir-new: no such file or directory");
        }
        Files.createDirectory(target);
      }
      Files.setAttribute(target, "unix:mode", mode);
    } catch (FileAlreadyExistsException e) {
      throw new PathErrorException(path, GENERIC, "mkdir " + path + ": file exists");
    } catch (IOException e) {
      throw new PathErrorException(path, GENERIC, "mkdir " + path + ": " + reason(e));
    }
  }

  /** Removes a path; recursively like Go's {@code os.RemoveAll} (a missing path is no error). */
  public void remove(String path, boolean recursive) {
    Path target = host(path);
    if (target.equals(root)) {
      throw new PathErrorException(path, DENIED, "remove " + path + ": cannot remove the root");
    }
    try {
      if (recursive) {
        deleteTree(target);
      } else {
        Files.delete(target);
      }
    } catch (NoSuchFileException e) {
      throw new PathErrorException(
          path, NOT_FOUND, "remove " + path + ": no such file or directory");
    } catch (DirectoryNotEmptyException e) {
      throw new PathErrorException(path, GENERIC, "remove " + path + ": directory not empty");
    } catch (IOException e) {
      throw new PathErrorException(path, GENERIC, "remove " + path + ": " + reason(e));
    }
  }

  /** Every regular file under the root as UTF-8 text, by container path. */
  public Map<String, String> textFiles() {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            "/" + root.relativize(p).toString().replace('\\', '/'),
            new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the files under " + root, e);
    }
    return files;
  }

  /** Deletes a file or a directory tree; symbolic links are removed, not followed. */
  public static void deleteTree(Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // Files.walk does not follow links; reversed, it lists children before their parents.
    try (Stream<Path> walk = Files.walk(target)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The mode an octal permissions string sets ({@code fallback} when none is given). */
  private static int mode(String path, String octal, String fallback) {
    String value = octal == null || octal.isEmpty() ? fallback : octal;
    if (!value.matches("[0-7]{3,4}")) {
      throw new PathErrorException(path, GENERIC, "invalid permissions \"" + value + "\"");
    }
    // Pebble hands the number to Go as an os.FileMode, whose setuid, setgid and sticky flags are
    // not the octal 7000 bits: Go's chmod keeps only the 0777 part, so "1777" makes 0777.
    return Integer.parseInt(value, 8) & 0777;
  }

  /** Why an I/O call failed, worded like Go's errors and without host paths. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getClass().getSimpleName();
  }
}
