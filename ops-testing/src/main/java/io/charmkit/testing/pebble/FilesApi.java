package io.charmkit.testing.pebble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code /v1/files}: push, pull, list, make-dirs and remove (PEBBLE.md §7–§9), against a directory
 * that stands for the container's root filesystem. Every container path is cleaned and resolved
 * under that root; a path that would leave it (through {@code ..} or a symlink) is refused.
 */
final class FilesApi {
  private static final String NOT_FOUND = "not-found";
  private static final String GENERIC = "generic-file-error";
  private static final String DENIED = "permission-denied";
  private static final int MIN_BOUNDARY = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;

  FilesApi(Path root) throws IOException {
    Files.createDirectories(root);
    this.root = root.toRealPath();
  }

  /** A per-path failure, reported inside the result list (or as a 4xx for list). */
  private static final class PathProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private final String kind;

    PathProblem(String message, String kind) {
      super(message, null, false, false);
      this.kind = kind;
    }
  }

  // ---- path mapping ----

  /** The host path for a container path, or a problem when it is relative or escapes the root. */
  private Path host(String containerPath) throws PathProblem {
    if (containerPath == null || !containerPath.startsWith("/")) {
      throw new PathProblem("paths must be absolute, got \"" + containerPath + "\"", GENERIC);
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

  private static PathProblem escapes(String path) {
    return new PathProblem("path \"" + path + "\" is outside the container root", DENIED);
  }

  private static ObjectNode ok(String path) {
    ObjectNode item = Envelope.JSON.createObjectNode();
    item.put("path", path);
    return item;
  }

  private static ObjectNode failed(String path, PathProblem problem) {
    ObjectNode item = ok(path);
    item.set("error", Envelope.errorObject(problem.getMessage(), problem.kind));
    return item;
  }

  // ---- GET ----

  HttpResponse get(HttpRequest request) {
    String action = request.param("action");
    if ("read".equals(action)) {
      return read(request);
    }
    if ("list".equals(action)) {
      return list(request);
    }
    throw ApiError.badRequest("invalid action \"" + (action == null ? "" : action) + "\"");
  }

  private HttpResponse read(HttpRequest request) {
    String accept = request.header("accept");
    if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("multipart/form-data")) {
      throw ApiError.badRequest("must accept multipart/form-data");
    }
    List<String> paths = request.params("path");
    if (paths.isEmpty()) {
      throw ApiError.badRequest("must specify path");
    }
    byte[] random = new byte[30];
    RANDOM.nextBytes(random);
    String boundary = HexFormat.of().formatHex(random); // 60 hex characters, as Pebble 1.14
    FormData.Writer body = new FormData.Writer(boundary);
    ArrayNode results = Envelope.JSON.createArrayNode();
    for (String path : paths) {
      try {
        Path file = host(path);
        if (!Files.exists(file)) {
          throw new PathProblem("stat " + path + ": no such file or directory", NOT_FOUND);
        }
        if (!Files.isRegularFile(file)) {
          throw new PathProblem("can only read a regular file: \"" + path + "\"", GENERIC);
        }
        byte[] content = Files.readAllBytes(file);
        body.part(
            "form-data; name=\"files\"; filename=\"" + quote(path) + "\"",
            "application/octet-stream",
            content);
        results.add(ok(path));
      } catch (PathProblem p) {
        results.add(failed(path, p));
      } catch (IOException e) {
        results.add(failed(path, new PathProblem("read " + path + ": " + reason(e), GENERIC)));
      }
    }
    // Go's JSON encoder ends the response part with a newline; keep the bytes identical.
    byte[] envelope = Envelope.syncBytes(results);
    byte[] withNewline = java.util.Arrays.copyOf(envelope, envelope.length + 1);
    withNewline[envelope.length] = '\n';
    body.part("form-data; name=\"response\"", "application/json", withNewline);
    return new HttpResponse(200, "OK", "multipart/form-data; boundary=" + boundary, body.finish());
  }

  private static String quote(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private HttpResponse list(HttpRequest request) {
    String path = request.param("path");
    if (path == null || path.isEmpty()) {
      throw ApiError.badRequest("must specify path");
    }
    if (!path.startsWith("/")) {
      throw ApiError.badRequest("path must be absolute, got \"" + path + "\"");
    }
    Path dir;
    try {
      dir = host(path);
    } catch (PathProblem p) {
      throw new ApiError(400, p.getMessage(), p.kind);
    }
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new ApiError(404, "stat " + path + ": no such file or directory", NOT_FOUND);
    }
    PathMatcher matcher = null;
    String pattern = request.param("pattern");
    if (pattern != null && !pattern.isEmpty()) {
      try {
        matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("syntax error in pattern");
      }
    }
    boolean itself = "true".equals(request.param("itself"));
    ArrayNode result = Envelope.JSON.createArrayNode();
    try {
      if (itself || !Files.isDirectory(dir)) {
        String name = path.equals("/") ? "/" : dir.getFileName().toString();
        if (matcher == null || matcher.matches(Path.of(name))) {
          result.add(describe(path, name, dir));
        }
      } else {
        List<Path> children;
        try (Stream<Path> entries = Files.list(dir)) {
          children = entries.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        String prefix = path.endsWith("/") ? path : path + "/";
        for (Path child : children) {
          String name = child.getFileName().toString();
          if (matcher == null || matcher.matches(Path.of(name))) {
            result.add(describe(prefix + name, name, child));
          }
        }
      }
    } catch (IOException e) {
      throw new ApiError(500, "cannot list " + path + ": " + reason(e), GENERIC);
    }
    return Envelope.sync(result);
  }

  private static ObjectNode describe(String path, String name, Path file) throws IOException {
    PosixFileAttributes attrs =
        Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    ObjectNode info = Envelope.JSON.createObjectNode();
    info.put("path", path);
    info.put("name", name);
    info.put("type", type(attrs, mode));
    if (attrs.isRegularFile()) {
      info.put("size", attrs.size());
    }
    info.put("permissions", String.format(Locale.ROOT, "%03o", mode & 0777));
    info.put(
        "last-modified",
        attrs.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
    info.put("user-id", (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    info.put("user", attrs.owner().getName());
    info.put("group-id", (Integer) Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS));
    info.put("group", attrs.group().getName());
    return info;
  }

  private static String type(PosixFileAttributes attrs, int mode) {
    if (attrs.isSymbolicLink()) {
      return "symlink";
    }
    if (attrs.isDirectory()) {
      return "directory";
    }
    if (attrs.isRegularFile()) {
      return "file";
    }
    return switch (mode & 0170000) {
      case 0140000 -> "socket";
      case 0010000 -> "named-pipe";
      case 0060000, 0020000 -> "device";
      default -> "unknown";
    };
  }

  // ---- POST ----

  HttpResponse post(HttpRequest request) {
    String contentType = request.header("content-type");
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")) {
      return write(request, contentType);
    }
    if (type.startsWith("application/json")) {
      JsonNode body = parseJson(request.body());
      String action = body.path("action").asText("");
      return switch (action) {
        case "make-dirs" -> makeDirs(body.path("dirs"));
        case "remove" -> remove(body.path("paths"));
        default -> throw ApiError.badRequest("invalid action \"" + action + "\"");
      };
    }
    throw ApiError.badRequest("invalid Content-Type \"" + contentType + "\"");
  }

  private static JsonNode parseJson(byte[] body) {
    try {
      JsonNode node = Envelope.JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiError.badRequest("cannot decode request body: not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw ApiError.badRequest("cannot decode request body: invalid JSON");
    }
  }

  private HttpResponse write(HttpRequest request, String contentType) {
    String boundary = FormData.boundary(contentType);
    if (boundary == null || boundary.length() < MIN_BOUNDARY || boundary.length() > 70) {
      throw ApiError.badRequest("invalid boundary \"" + (boundary == null ? "" : boundary) + "\"");
    }
    List<FormData.Part> parts = FormData.parse(request.body(), boundary);
    if (parts.isEmpty() || !"request".equals(parts.get(0).disposition("name"))) {
      throw ApiError.badRequest("must specify \"request\" as first part");
    }
    JsonNode meta = parseJson(parts.get(0).content());
    String action = meta.path("action").asText("");
    if (!action.equals("write")) {
      throw ApiError.badRequest("multipart action must be \"write\", got \"" + action + "\"");
    }
    Map<String, JsonNode> wanted = new LinkedHashMap<>();
    for (JsonNode file : meta.path("files")) {
      wanted.put(file.path("path").asText(""), file);
    }
    Map<String, ObjectNode> results = new LinkedHashMap<>();
    for (FormData.Part part : parts.subList(1, parts.size())) {
      String name = part.disposition("name");
      if (!"files".equals(name)) {
        throw ApiError.badRequest("expected \"files\" field, got \"" + name + "\"");
      }
      String path = part.disposition("filename");
      JsonNode file = wanted.get(path);
      if (file == null) {
        throw ApiError.badRequest("no metadata for path \"" + path + "\"");
      }
      try {
        writeOne(path, file, part.content());
        results.put(path, ok(path));
      } catch (PathProblem p) {
        results.put(path, failed(path, p));
      }
    }
    ArrayNode out = Envelope.JSON.createArrayNode();
    for (String path : wanted.keySet()) {
      ObjectNode item = results.get(path);
      out.add(
          item != null
              ? item
              : failed(
                  path, new PathProblem("no file content for path \"" + path + "\"", GENERIC)));
    }
    return Envelope.sync(out);
  }

  private void writeOne(String path, JsonNode meta, byte[] content) throws PathProblem {
    Set<PosixFilePermission> perms = permissions(meta.path("permissions").asText(""), "644");
    if ((meta.hasNonNull("group") || meta.hasNonNull("group-id"))
        && !(meta.hasNonNull("user") || meta.hasNonNull("user-id"))) {
      throw new PathProblem("must specify user, not just group", GENERIC);
    }
    Path file = host(path);
    Path parent = file.getParent();
    try {
      if (meta.path("make-dirs").asBoolean(false)) {
        Files.createDirectories(parent);
      }
      if (!Files.isDirectory(parent)) {
        throw new PathProblem("open " + path + ": no such file or directory", NOT_FOUND);
      }
      if (Files.isDirectory(file)) {
        throw new PathProblem("open " + path + ": is a directory", GENERIC);
      }
      // Write beside the target and rename, so a reader never sees a half-written file.
      Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
      Files.write(tmp, content);
      Files.setPosixFilePermissions(tmp, perms);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new PathProblem("open " + path + ": " + reason(e), GENERIC);
    }
  }

  private static Set<PosixFilePermission> permissions(String octal, String fallback)
      throws PathProblem {
    String value = octal.isEmpty() ? fallback : octal;
    if (!value.matches("[0-7]{3,4}")) {
      throw new PathProblem("invalid permissions \"" + value + "\"", GENERIC);
    }
    int mode = Integer.parseInt(value, 8);
    Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        perms.add(order[bit]);
      }
    }
    return perms;
  }

  private HttpResponse makeDirs(JsonNode dirs) {
    ArrayNode out = Envelope.JSON.createArrayNode();
    for (JsonNode dir : dirs) {
      String path = dir.path("path").asText("");
      try {
        Set<PosixFilePermission> perms = permissions(dir.path("permissions").asText(""), "755");
        Path target = host(path);
        if (dir.path("make-parents").asBoolean(false)) {
          if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new PathProblem("mkdir " + path + ": not a directory", GENERIC);
          }
          Files.createDirectories(target);
        } else {
          if (!Files.isDirectory(target.getParent())) {
            throw new PathProblem(
                "mkdir " + path + ".mkdir-new: no such file or directory", NOT_FOUND);
          }
          Files.createDirectory(target);
        }
        Files.setPosixFilePermissions(target, perms);
        out.add(ok(path));
      } catch (PathProblem p) {
        out.add(failed(path, p));
      } catch (FileAlreadyExistsException e) {
        out.add(failed(path, new PathProblem("mkdir " + path + ": file exists", GENERIC)));
      } catch (IOException e) {
        out.add(failed(path, new PathProblem("mkdir " + path + ": " + reason(e), GENERIC)));
      }
    }
    return Envelope.sync(out);
  }

  private HttpResponse remove(JsonNode paths) {
    ArrayNode out = Envelope.JSON.createArrayNode();
    for (JsonNode item : paths) {
      String path = item.path("path").asText("");
      boolean recursive = item.path("recursive").asBoolean(false);
      try {
        Path target = host(path);
        if (target.equals(root)) {
          throw new PathProblem("remove " + path + ": cannot remove the root", DENIED);
        }
        if (recursive) {
          deleteTree(target); // like Go's os.RemoveAll: a missing path is not an error
        } else {
          Files.delete(target);
        }
        out.add(ok(path));
      } catch (PathProblem p) {
        out.add(failed(path, p));
      } catch (NoSuchFileException e) {
        out.add(
            failed(
                path,
                new PathProblem("remove " + path + ": no such file or directory", NOT_FOUND)));
      } catch (DirectoryNotEmptyException e) {
        out.add(failed(path, new PathProblem("remove " + path + ": directory not empty", GENERIC)));
      } catch (IOException e) {
        out.add(failed(path, new PathProblem("remove " + path + ": " + reason(e), GENERIC)));
      }
    }
    return Envelope.sync(out);
  }

  private static void deleteTree(Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> walk = Files.walk(target)) {
        walk.forEach(all::add);
      }
    } else {
      all.add(target);
    }
    all.sort(Comparator.reverseOrder()); // children before their parents
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }

  /** Why an I/O call failed, worded like Go's errors and without host paths. */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getClass().getSimpleName();
  }
}
