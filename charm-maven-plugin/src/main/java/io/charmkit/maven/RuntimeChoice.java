package io.charmkit.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which JDK the charm's runtime is linked from: the one the author named ({@code charm.jre.jdk}),
 * else the preferred JDK 25+ when it is installed, else the JDK running Maven, with a note saying
 * why the runtime is older than it could be.
 *
 * @param jdk the JDK to link from
 * @param preferred whether it is the preferred JDK (a failure to link from it falls back)
 * @param note what the build should tell the author about the choice, if anything
 */
record RuntimeChoice(Path jdk, boolean preferred, Optional<String> note) {

  /**
   * Chooses.
   *
   * @param explicit {@code charm.jre.jdk}, or null
   * @param preferredJdk {@code charm.jre.preferred.jdk}, or null
   * @param javaHome the JDK running Maven
   */
  static RuntimeChoice of(String explicit, String preferredJdk, File javaHome) {
    if (explicit != null && !explicit.isBlank()) {
      return new RuntimeChoice(Path.of(explicit.trim()), false, Optional.empty());
    }
    if (preferredJdk != null && !preferredJdk.isBlank()) {
      Path preferred = Path.of(preferredJdk.trim());
      if (Files.isExecutable(preferred.resolve("bin/jlink"))
          && Files.isRegularFile(preferred.resolve("release"))) {
        return new RuntimeChoice(preferred, true, Optional.empty());
      }
    }
    String note =
        "No JDK at charm.jre.preferred.jdk ("
            + preferredJdk
            + "): the charm's runtime is linked from "
            + javaHome
            + ". On JDK 17-24 the start-up cache is AppCDS rather than JDK 25's AOT cache"
            + " (BENCHMARKS.md compares them). Install a JDK 25 there, or set charm.jre.jdk or"
            + " charm.jre.preferred.jdk to one.";
    return new RuntimeChoice(javaHome.toPath(), false, Optional.of(note));
  }
}
