package io.charmkit.e2e;

import io.charmkit.ops.hooktools.JujuToolSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Just enough of a unit agent to run one hook of a packaged charm: a directory of hook-tool
 * executables (one shell script, linked under every tool name) that log their argv and stdin and
 * print canned answers, and a {@code dispatch} runner with the Juju environment.
 */
final class FakeJuju {
  /** The Juju version the hooks are told; its tools, from the one catalogue, are on PATH. */
  static final String JUJU_VERSION = "3.6.14";

  static final Set<String> TOOLS = JujuToolSet.forVersion(JUJU_VERSION).tools();

  private static final String SCRIPT =
      """
      #!/bin/sh
      tool=$(basename "$0")
      log="$FAKE_JUJU_DIR/calls.log"
      printf '%s' "$tool" >> "$log"
      for arg in "$@"; do printf ' %s' "$arg" >> "$log"; done
      printf '\\n' >> "$log"
      case " $* " in
        *" --file - "*) printf '%s stdin: ' "$tool" >> "$log"; cat >> "$log"; printf '\\n' >> "$log" ;;
      esac
      if [ -f "$FAKE_JUJU_DIR/$tool.out" ]; then cat "$FAKE_JUJU_DIR/$tool.out"; fi
      exit 0
      """;

  final Path dir;
  final Path charmDir;
  final Path toolsDir;

  FakeJuju(Path work, Path packagedCharm) throws IOException {
    this.dir = Files.createDirectories(work.resolve("agent"));
    this.toolsDir = Files.createDirectories(work.resolve("tools"));
    this.charmDir = work.resolve("charm");
    copyTree(packagedCharm, charmDir);
    Path script = toolsDir.resolve("fake-tool");
    Files.writeString(script, SCRIPT);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String tool : TOOLS) {
      Files.createSymbolicLink(toolsDir.resolve(tool), script);
    }
  }

  /** Sets what a tool prints. */
  FakeJuju answer(String tool, String stdout) throws IOException {
    Files.writeString(dir.resolve(tool + ".out"), stdout);
    return this;
  }

  /** The calls made, one line each ({@code tool arg…}), plus {@code tool stdin: …} lines. */
  List<String> calls() throws IOException {
    Path log = dir.resolve("calls.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  record Run(int exitCode, String output) {}

  /** Runs {@code dispatch} for a hook with the environment Juju would give it. */
  Run dispatch(String hook, Map<String, String> extraEnv) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(charmDir.resolve("dispatch").toString());
    pb.directory(charmDir.toFile());
    Map<String, String> env = pb.environment();
    String path = System.getenv("PATH");
    String javaHome = System.getProperty("java.home");
    env.clear();
    env.put("PATH", toolsDir + ":" + path);
    env.put("JAVA_HOME", javaHome);
    env.put("JUJU_DISPATCH_PATH", "hooks/" + hook);
    env.put("JUJU_HOOK_NAME", hook);
    env.put("JUJU_UNIT_NAME", "probe/0");
    env.put("JUJU_MODEL_NAME", "e2e");
    env.put("JUJU_MODEL_UUID", "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4");
    env.put("JUJU_CHARM_DIR", charmDir.toString());
    env.put("JUJU_CONTEXT_ID", "probe/0-" + hook + "-1");
    env.put("JUJU_VERSION", JUJU_VERSION);
    env.put("FAKE_JUJU_DIR", dir.toString());
    env.putAll(extraEnv);
    pb.redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  Map<String, String> noEnv() {
    return new HashMap<>();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> all = new ArrayList<>();
    try (var walk = Files.walk(from)) {
      walk.forEach(all::add);
    }
    for (Path p : all) {
      Path target = to.resolve(from.relativize(p).toString());
      if (Files.isSymbolicLink(p)) {
        Files.createSymbolicLink(target, Files.readSymbolicLink(p));
      } else if (Files.isDirectory(p)) {
        Files.createDirectories(target);
      } else {
        Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
