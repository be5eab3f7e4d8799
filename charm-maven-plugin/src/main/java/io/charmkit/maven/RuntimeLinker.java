package io.charmkit.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Links a trimmed Java runtime with the JDK's {@code jlink}, for charm containers that ship no Java
 * (JUJU.md §15).
 *
 * <p>The base CDS archive ({@code --generate-cds-archive}) is added only when the JDK is 25 or
 * newer: JDK 17's jlink writes a different {@code classes.jsa} on every run, which would make the
 * {@code .charm} irreproducible, and the unit builds its own start-up cache anyway. A link is kept
 * under a name derived from its inputs, so rebuilding a charm does not link again.
 */
final class RuntimeLinker {
  private final Path jdk;

  RuntimeLinker(Path jdk) {
    this.jdk = jdk;
  }

  /** The JDK's feature version, from its {@code release} file. */
  int feature() throws IOException {
    return release(jdk.resolve("release"), "JAVA_VERSION")
        .map(v -> Integer.parseInt(v.split("[^0-9]", 2)[0]))
        .orElseThrow(() -> new IOException(jdk + "/release has no JAVA_VERSION: is it a JDK?"));
  }

  /** The jlink options for this JDK, without modules and output. */
  List<String> options() throws IOException {
    int feature = feature();
    List<String> options = new ArrayList<>();
    options.add("--strip-debug");
    options.add("--no-header-files");
    options.add("--no-man-pages");
    // zip-N replaced the numbered levels in JDK 21, which deprecates "2".
    options.add(feature >= 21 ? "--compress=zip-6" : "--compress=2");
    if (feature >= 25) {
      options.add("--generate-cds-archive");
    }
    return options;
  }

  /**
   * Links {@code modules} into {@code cacheRoot/<inputs hash>/} unless already there, and returns
   * that directory. Fails with what to install when the JDK has no jmods and cannot link from its
   * own run-time image.
   */
  Path link(List<String> modules, Path cacheRoot) throws IOException, InterruptedException {
    Path jlink = jdk.resolve("bin/jlink");
    if (!Files.isExecutable(jlink)) {
      throw new IOException(
          "no jlink in "
              + jdk
              + ": charm.jre.jdk must name a JDK (not a JRE), or set charm.jre=false");
    }
    int feature = feature();
    boolean jmods = Files.exists(jdk.resolve("jmods/java.base.jmod"));
    if (!jmods && feature < 24) {
      throw new IOException(
          jdk
              + " has no jmods (jmods/java.base.jmod), which jlink "
              + feature
              + " needs to link a runtime. Install them (Debian/Ubuntu: the openjdk-"
              + feature
              + "-jmods package, or openjdk-17-jdk-headless on Debian 12), point charm.jre.jdk at a"
              + " JDK that has them, or set charm.jre=false to ship no runtime.");
    }
    List<String> options = options();
    Path out = cacheRoot.resolve(inputsHash(modules, options));
    if (Files.exists(out.resolve("release"))) {
      return out;
    }
    deleteTree(out);
    Files.createDirectories(cacheRoot);
    Path tmp = Files.createTempDirectory(cacheRoot, "link");
    Files.delete(tmp);
    List<String> cmd = new ArrayList<>(List.of(jlink.toString()));
    cmd.addAll(options);
    cmd.addAll(List.of("--add-modules", String.join(",", modules), "--output", tmp.toString()));
    Path log = cacheRoot.resolve("jlink.log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(
          "jlink failed"
              + (jmods ? "" : " (this JDK has no jmods and may not link from its run-time image)")
              + ": "
              + String.join(" ", cmd)
              + "\n"
              + Files.readString(log));
    }
    recordRuntimeVersion(tmp.resolve("release"));
    Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
    return out;
  }

  /**
   * jlink's {@code release} holds JAVA_VERSION only ("17.0.15"); add the JDK's exact build
   * (JAVA_RUNTIME_VERSION, IMPLEMENTOR) so the runtime a charm ships says which it is.
   */
  private void recordRuntimeVersion(Path release) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(release, StandardCharsets.UTF_8));
    for (String key : List.of("IMPLEMENTOR", "IMPLEMENTOR_VERSION", "JAVA_RUNTIME_VERSION")) {
      if (lines.stream().noneMatch(l -> l.startsWith(key + "="))) {
        Optional<String> value = release(jdk.resolve("release"), key);
        value.ifPresent(v -> lines.add(key + "=\"" + v + "\""));
      }
    }
    lines.sort(null);
    Files.write(release, lines, StandardCharsets.UTF_8);
  }

  private String inputsHash(List<String> modules, List<String> options) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    sha.update(jdk.toRealPath().toString().getBytes(StandardCharsets.UTF_8));
    sha.update(Files.readAllBytes(jdk.resolve("release")));
    sha.update(String.join(",", modules).getBytes(StandardCharsets.UTF_8));
    sha.update(String.join(" ", options).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }

  /** A value from a {@code release} file ({@code KEY="value"} lines). */
  static Optional<String> release(Path file, String key) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith(key + "=")) {
        return Optional.of(line.substring(key.length() + 1).replace("\"", ""));
      }
    }
    return Optional.empty();
  }

  /** Copies a linked runtime into the charm, keeping file modes (the binaries are executable). */
  static void copyTree(Path from, Path to) throws IOException {
    deleteTree(to);
    List<Path> all;
    try (Stream<Path> walk = Files.walk(from)) {
      all = walk.toList();
    }
    for (Path p : all) {
      Path target = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(target);
      } else {
        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
    }
    for (Path p : all) {
      Files.delete(p);
    }
  }
}
