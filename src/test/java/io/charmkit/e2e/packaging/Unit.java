package io.charmkit.e2e.packaging;

import io.charmkit.ops.hooktools.JujuToolSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A unit as Juju makes one from a {@code .charm}: the archive expanded the way Juju's expander does
 * it (entry modes applied, symlink entries recreated as links), hook tools on {@code PATH} that log
 * their calls and print canned answers (the approach of the e2e {@code FakeJuju}), and {@code
 * dispatch} run with the Juju environment and nothing else (no {@code JAVA_HOME}; {@code PATH}
 * holds the tools and the base system's directories).
 */
final class Unit {
  /** The Juju version the hooks are told; its tools, from the one catalogue, are on PATH. */
  private static final String JUJU_VERSION = "3.6.14";

  private static final Set<String> TOOLS = JujuToolSet.forVersion(JUJU_VERSION).tools();

  private static final String TOOL =
      """
      #!/bin/sh
      tool=$(basename "$0")
      printf '%s' "$tool" >> "$FAKE_JUJU_DIR/calls.log"
      for arg in "$@"; do printf ' %s' "$arg" >> "$FAKE_JUJU_DIR/calls.log"; done
      printf '\\n' >> "$FAKE_JUJU_DIR/calls.log"
      case " $* " in *" --file - "*) cat > /dev/null ;; esac
      if [ -f "$FAKE_JUJU_DIR/$tool.out" ]; then cat "$FAKE_JUJU_DIR/$tool.out"; fi
      """;

  final Path charmDir;
  final Path agentDir;
  private final Path toolsDir;

  Unit(Path work, Path charm) throws IOException {
    charmDir = Files.createDirectories(work.resolve("charm"));
    agentDir = Files.createDirectories(work.resolve("agent"));
    toolsDir = Files.createDirectories(work.resolve("tools"));
    expand(charm, charmDir);
    Path script = Files.writeString(toolsDir.resolve("fake-tool"), TOOL);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String tool : TOOLS) {
      Files.createSymbolicLink(toolsDir.resolve(tool), script);
    }
    answer("is-leader", "true");
    answer("relation-ids", "[\"db:7\"]");
    answer("relation-list", "[\"postgresql/0\"]");
    answer("relation-get", "{}");
    answer("status-get", "{\"status\": \"unknown\", \"message\": \"\"}");
    answer("config-get", "{\"greeting\": \"hi\", \"fail\": false}");
  }

  void answer(String tool, String stdout) throws IOException {
    Files.writeString(agentDir.resolve(tool + ".out"), stdout);
  }

  List<String> calls() throws IOException {
    Path log = agentDir.resolve("calls.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  record Run(int exitCode, String output) {}

  /** Runs a hook through {@code dispatch}; {@code javaOpts} go to CHARMKIT_JAVA_OPTS. */
  Run dispatch(String hook, String javaOpts) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(charmDir.resolve("dispatch").toString());
    pb.directory(charmDir.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", toolsDir + ":/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("JUJU_DISPATCH_PATH", "hooks/" + hook);
    env.put("JUJU_HOOK_NAME", hook);
    env.put("JUJU_UNIT_NAME", "probe/0");
    env.put("JUJU_MODEL_NAME", "e2e");
    env.put("JUJU_MODEL_UUID", "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4");
    env.put("JUJU_CHARM_DIR", charmDir.toString());
    env.put("JUJU_CONTEXT_ID", "probe/0-" + hook + "-1");
    env.put("JUJU_VERSION", JUJU_VERSION);
    env.put("FAKE_JUJU_DIR", agentDir.toString());
    env.put("CHARMKIT_JAVA_OPTS", javaOpts);
    pb.redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  /** Expands a {@code .charm} as Juju does: modes from the entries, symlinks kept as links. */
  static void expand(Path charm, Path into) throws IOException {
    try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
        Path target = into.resolve(e.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("entry leaves the charm: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isUnixSymlink()) {
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Path.of(zip.getUnixSymlink(e)));
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, target);
          }
          Files.setPosixFilePermissions(target, permissions(e.getUnixMode()));
        }
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    StringBuilder s = new StringBuilder();
    String rwx = "rwx";
    for (int bit = 8; bit >= 0; bit--) {
      s.append((mode & (1 << bit)) != 0 ? rwx.charAt(2 - bit % 3) : '-');
    }
    return PosixFilePermissions.fromString(s.toString());
  }

  static Map<String, String> release(Path file) throws IOException {
    Map<String, String> values = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
      }
    }
    return values;
  }

  /**
   * The feature version the build links charms' runtimes from: the preferred JDK (charm-parent's
   * {@code charm.jre.preferred.jdk}, Temurin 25) when it is installed, else the JDK running the
   * build.
   */
  static int expectedRuntimeFeature() throws IOException {
    Path preferred = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    if (Files.isExecutable(preferred.resolve("bin/jlink"))) {
      return feature(release(preferred.resolve("release")).get("JAVA_VERSION"));
    }
    return Runtime.version().feature();
  }

  /** The feature number of a {@code JAVA_VERSION} such as {@code 25.0.3} or {@code 17.0.15}. */
  static int feature(String javaVersion) {
    return Integer.parseInt(javaVersion.split("[^0-9]", 2)[0]);
  }
}
