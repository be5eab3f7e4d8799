package io.charmkit.maven.init;

import java.nio.file.Path;

/** What {@code charmkit init} prints once the project is written: where it is, what to run. */
public final class InitSummary {
  private InitSummary() {}

  /**
   * The summary.
   *
   * @param spec the project written
   * @param directory where
   * @return a few lines
   */
  public static String of(CharmProjectSpec spec, Path directory) {
    return "Created the charm project "
        + spec.name()
        + " in "
        + directory.toAbsolutePath().normalize()
        + " (class "
        + spec.javaPackage()
        + "."
        + spec.className()
        + ", charmkit "
        + spec.charmkitVersion()
        + ").\n"
        + "  cd "
        + directory
        + " && mvn verify   # unit tests, target/"
        + spec.name()
        + ".charm, then the scenario on the embedded Juju";
  }
}
