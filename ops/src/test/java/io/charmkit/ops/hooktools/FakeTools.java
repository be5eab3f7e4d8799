package io.charmkit.ops.hooktools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Real executables standing in for Juju's hook tools, as Juju's own are: one shell script, linked
 * under every tool name. Each call records its tool name, argv (NUL-separated, so any argument
 * survives), stdin, the secret files it was pointed at (mode, directory mode, content) and the
 * {@code JUJU_CONTEXT_ID} it inherited, then prints the canned stdout/stderr and exits with the
 * canned code for its tool.
 */
final class FakeTools {
  /**
   * Every hook tool a charmkit charm may call on any Juju version it runs on: the catalogue's 2.9
   * and 3.6 sets together ({@link JujuToolSet}, JUJU.md §7.1).
   */
  static final SortedSet<String> TOOLS = everyTool();

  private static SortedSet<String> everyTool() {
    SortedSet<String> tools = new TreeSet<>(JujuToolSet.forVersion("2.9.0").tools());
    tools.addAll(JujuToolSet.forVersion("3.6.14").tools());
    return tools;
  }

  private static final String SCRIPT =
      """
      #!/bin/sh
      tool=$(basename "$0")
      n=$(cat "$FAKE_DIR/counter" 2>/dev/null || echo 0)
      n=$((n+1))
      echo "$n" > "$FAKE_DIR/counter"
      d="$FAKE_DIR/calls/$(printf %05d "$n")"
      mkdir -p "$d"
      printf '%s' "$tool" > "$d/tool"
      : > "$d/argv"
      for a in "$@"; do
        printf '%s\\0' "$a" >> "$d/argv"
        case "$a" in
          *'#file='*)
            f="${a#*#file=}"
            stat -c '%a' "$f" >> "$d/secret-modes"
            stat -c '%a' "$(dirname "$f")" >> "$d/secret-dir-modes"
            cat "$f" >> "$d/secret-content"
            printf '\\0' >> "$d/secret-content"
            printf '%s\\n' "$f" >> "$d/secret-paths"
            ;;
        esac
      done
      cat > "$d/stdin"
      printf '%s' "${JUJU_CONTEXT_ID-}" > "$d/context-id"
      r="$FAKE_DIR/responses/$tool"
      [ -f "$r.stdout" ] && cat "$r.stdout"
      [ -f "$r.stderr" ] && cat "$r.stderr" >&2
      [ -f "$r.exit" ] && exit "$(cat "$r.exit")"
      exit 0
      """;

  /** One recorded call. */
  record Call(
      String tool,
      List<String> args,
      String stdin,
      List<String> secretModes,
      List<String> secretDirModes,
      List<String> secretContents,
      List<Path> secretPaths,
      String contextId) {}

  private final Path dir;
  private final Path bin;

  FakeTools(Path dir) {
    this.dir = dir;
    this.bin = dir.resolve("bin");
    try {
      Files.createDirectories(bin);
      Files.createDirectories(dir.resolve("responses"));
      Path script = dir.resolve("fake-tool");
      Files.writeString(script, SCRIPT);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      for (String tool : TOOLS) {
        Files.createSymbolicLink(bin.resolve(tool), script);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The environment to give {@link ProcessHookTools}: the fakes first on PATH, as Juju does. */
  Map<String, String> environment() {
    return Map.of(
        "PATH", bin + ":/usr/bin:/bin", "FAKE_DIR", dir.toString(), "JUJU_CONTEXT_ID", "ctx-42");
  }

  /** Makes {@code tool} print {@code stdout} and exit 0. */
  FakeTools stdout(String tool, String stdout) {
    return respond(tool, stdout, "", 0);
  }

  /** Makes {@code tool} print the given output and exit with {@code exitCode}. */
  FakeTools respond(String tool, String stdout, String stderr, int exitCode) {
    Path base = dir.resolve("responses").resolve(tool);
    try {
      Files.writeString(base.resolveSibling(tool + ".stdout"), stdout);
      Files.writeString(base.resolveSibling(tool + ".stderr"), stderr);
      Files.writeString(base.resolveSibling(tool + ".exit"), Integer.toString(exitCode));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Every call so far, in order. */
  List<Call> calls() {
    Path calls = dir.resolve("calls");
    if (!Files.isDirectory(calls)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(calls)) {
      List<Call> out = new ArrayList<>();
      for (Path d : entries.sorted().toList()) {
        out.add(
            new Call(
                read(d.resolve("tool")),
                split(read(d.resolve("argv")), "\0"),
                read(d.resolve("stdin")),
                split(read(d.resolve("secret-modes")), "\n"),
                split(read(d.resolve("secret-dir-modes")), "\n"),
                split(read(d.resolve("secret-content")), "\0"),
                split(read(d.resolve("secret-paths")), "\n").stream().map(Path::of).toList(),
                read(d.resolve("context-id"))));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The only call so far. */
  Call onlyCall() {
    List<Call> calls = calls();
    if (calls.size() != 1) {
      throw new AssertionError("expected exactly one tool call, got " + calls);
    }
    return calls.get(0);
  }

  /** The argv (tool name first) of every call so far. */
  List<List<String>> argvs() {
    return calls().stream()
        .map(
            c -> {
              List<String> argv = new ArrayList<>();
              argv.add(c.tool());
              argv.addAll(c.args());
              return List.copyOf(argv);
            })
        .toList();
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static List<String> split(String text, String separator) {
    if (text.isEmpty()) {
      return List.of();
    }
    // Each record ends with the separator; keep empty records in the middle (an empty argument).
    String trimmed = text.endsWith(separator) ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(trimmed.split(Pattern.quote(separator), -1));
  }
}
