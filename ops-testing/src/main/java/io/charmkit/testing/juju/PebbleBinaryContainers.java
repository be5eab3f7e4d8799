package io.charmkit.testing.juju;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Serves each container with a real {@code pebble} binary, started the way Juju starts a workload
 * container's Pebble ({@code pebble run --create-dirs --hold}), with {@code PEBBLE} pointing at the
 * container's state directory and {@code PEBBLE_SOCKET} at the socket the charm expects.
 */
public final class PebbleBinaryContainers implements WorkloadContainers {
  private static final Duration STARTUP = Duration.ofSeconds(20);

  private final Path pebble;

  /** Uses the {@code pebble} executable at {@code pebble}. */
  public PebbleBinaryContainers(Path pebble) {
    this.pebble = pebble;
  }

  @Override
  public Workload start(ContainerSpec spec) throws IOException {
    if (!Files.isExecutable(pebble)) {
      throw new IOException("pebble binary " + pebble + " is not an executable file");
    }
    Files.createDirectories(spec.socketPath().getParent());
    Files.createDirectories(spec.rootDir());
    Path state = spec.rootDir().resolve("var/lib/pebble/default");
    Files.createDirectories(state);
    ProcessBuilder pb = new ProcessBuilder(pebble.toString(), "run", "--create-dirs", "--hold");
    pb.environment().put("PEBBLE", state.toString());
    pb.environment().put("PEBBLE_SOCKET", spec.socketPath().toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(spec.rootDir().resolve("pebble.log").toFile());
    Process process = pb.start();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (!Files.exists(spec.socketPath())) {
      if (!process.isAlive()) {
        throw new IOException(
            "pebble for %s container %s exited with %d; see %s"
                .formatted(
                    spec.unit(),
                    spec.container(),
                    process.exitValue(),
                    spec.rootDir().resolve("pebble.log")));
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException(
            "pebble for " + spec.unit() + " container " + spec.container() + " did not start");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IOException("interrupted while starting pebble", e);
      }
    }
    return () -> {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    };
  }
}
