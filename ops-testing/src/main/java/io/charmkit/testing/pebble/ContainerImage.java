package io.charmkit.testing.pebble;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a workload container's image provides, as far as the simulated Pebble can tell: its
 * executables by absolute path, and how each behaves when Pebble starts it as a service. A service
 * or exec whose program is not in the image fails as on a real unit ({@code fork/exec /bin/x: no
 * such file or directory}, {@code exec: "x": executable file not found in $PATH}); nothing is
 * assumed, so {@link #empty()} (the default) starts no service at all.
 *
 * @param executables the programs by absolute path
 */
public record ContainerImage(Map<String, Program> executables) {
  /** Where Pebble looks up a bare command name: a container's default {@code PATH}. */
  public static final List<String> PATH =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  /**
   * How a program behaves when run as a service.
   *
   * @param exitCode null for a program that keeps running; else the code it exits with at once
   * @param output what it prints before exiting at once (Pebble logs it with the failure)
   */
  public record Program(Integer exitCode, String output) {
    /** A program that starts and keeps running. */
    public static final Program RUNS = new Program(null, "");

    /** Normalises a null output to empty. */
    public Program {
      output = output == null ? "" : output;
    }
  }

  /** Requires absolute paths and copies the map. */
  public ContainerImage {
    executables.keySet().forEach(ContainerImage::requireAbsolute);
    executables = Collections.unmodifiableMap(new TreeMap<>(executables));
  }

  /** An image with no workload executables: no service starts, no unscripted command runs. */
  public static ContainerImage empty() {
    return new ContainerImage(Map.of());
  }

  /** An image providing {@code paths} (absolute, e.g. {@code /bin/tempo}), each of which runs. */
  public static ContainerImage of(String... paths) {
    return empty().withExecutables(paths);
  }

  /** This image with more executables that start and keep running. */
  public ContainerImage withExecutables(String... paths) {
    Map<String, Program> next = new TreeMap<>(executables);
    for (String path : paths) {
      next.put(Objects.requireNonNull(path, "path"), Program.RUNS);
    }
    return new ContainerImage(next);
  }

  /**
   * This image with an executable that exits at once with {@code exitCode} after printing {@code
   * output} (a crashing binary, a config the program rejects).
   */
  public ContainerImage withExitingExecutable(String path, int exitCode, String output) {
    Map<String, Program> next = new TreeMap<>(executables);
    next.put(path, new Program(exitCode, output));
    return new ContainerImage(next);
  }

  private static void requireAbsolute(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException(
          "image executables are absolute paths, like /bin/tempo or /usr/sbin/nginx, not " + path);
    }
  }
}
