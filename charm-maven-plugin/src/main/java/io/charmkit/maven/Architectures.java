package io.charmkit.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Juju's architecture names for a JDK's {@code OS_ARCH} (from its {@code release} file): the
 * bundled runtime is native code, so the charm runs only where the JDK it is linked from runs.
 */
final class Architectures {
  private static final Map<String, String> JUJU =
      Map.of(
          "x86_64", "amd64",
          "amd64", "amd64",
          "aarch64", "arm64",
          "arm64", "arm64",
          "ppc64le", "ppc64el",
          "s390x", "s390x",
          "riscv64", "riscv64");

  private Architectures() {}

  /** Juju's name for a JDK's or the JVM's architecture name; unknown names pass through. */
  static String juju(String osArch) {
    return JUJU.getOrDefault(osArch, osArch);
  }

  /** The architecture a JDK's native code is built for, in Juju's name. */
  static String ofJdk(Path jdk) throws IOException {
    return juju(
        RuntimeLinker.release(jdk.resolve("release"), "OS_ARCH")
            .orElseThrow(
                () ->
                    new IOException(
                        jdk
                            + "/release has no OS_ARCH: cannot tell which architecture the charm's"
                            + " runtime is for")));
  }
}
