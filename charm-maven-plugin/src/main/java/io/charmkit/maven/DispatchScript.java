package io.charmkit.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@code dispatch} script Juju runs for every hook (JUJU.md §1.2), rendered from {@code
 * dispatch.sh}: it picks the runtime, runs the charm's main class on an explicit class path, and
 * builds or uses the start-up cache.
 *
 * @param artifact names the charm module in the script's header
 * @param version the module's version, for the header
 * @param mainClass the charm's class with {@code main}
 * @param jvmOptions options for every JVM the script starts, space separated
 * @param jars the class path, file names under {@code lib/}, in order
 * @param cache whether to build and use the start-up cache
 * @param buildKey identifies this build for the cache: see {@link #buildKey}
 */
record DispatchScript(
    String artifact,
    String version,
    String mainClass,
    String jvmOptions,
    List<String> jars,
    boolean cache,
    String buildKey) {

  /** Renders the script. */
  String render() {
    String template;
    try (InputStream in = DispatchScript.class.getResourceAsStream("dispatch.sh")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder classpath = new StringBuilder("\"");
    for (String jar : jars) {
      if (classpath.length() > 1) {
        classpath.append(':');
      }
      classpath.append("$lib/").append(jar);
    }
    classpath.append('"');
    Map<String, String> values =
        Map.of(
            "@ARTIFACT@", artifact,
            "@VERSION@", version,
            "@CLASSPATH@", classpath.toString(),
            "@JVM_OPTIONS@", jvmOptions.trim(),
            "@MAIN_CLASS@", mainClass,
            "@BUILD_KEY@", buildKey,
            "@CACHE@", cache ? "true" : "");
    String out = template;
    for (Map.Entry<String, String> v : values.entrySet()) {
      out = out.replace(v.getKey(), v.getValue());
    }
    return out;
  }

  /**
   * A SHA-256 over what makes a start-up cache valid: each jar's name and bytes in class-path
   * order, the JVM options, the main class and the embedded runtime's {@code release} file (null
   * without one). The script adds the running runtime's identity to it.
   */
  static String buildKey(
      Path lib, List<String> jars, String jvmOptions, String mainClass, Path release)
      throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (String jar : jars) {
      sha.update((jar + "\0").getBytes(StandardCharsets.UTF_8));
      try (InputStream in = Files.newInputStream(lib.resolve(jar))) {
        byte[] buf = new byte[1 << 16];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          sha.update(buf, 0, n);
        }
      }
    }
    sha.update(
        ("\0" + jvmOptions.trim() + "\0" + mainClass + "\0").getBytes(StandardCharsets.UTF_8));
    if (release != null) {
      sha.update(Files.readAllBytes(release));
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
