package io.charmkit.testing.juju;

import io.charmkit.testing.pebble.PebbleServer;
import io.charmkit.testing.pebble.WorkloadImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the workload side of a unit's containers. The charm reaches container {@code c} at {@code
 * $CHARMKIT_CONTAINERS_DIR/c/pebble.socket}; an implementation serves Pebble there (an in-process
 * server or a real {@code pebble} binary) or, like {@link #directoriesOnly()}, only prepares the
 * directories for charms that never talk to their workload.
 */
public interface WorkloadContainers {

  /**
   * Starts the workload of one container and returns a handle that stops it.
   *
   * @param spec which unit and container, and where its socket and filesystem root live
   * @throws IOException when the workload cannot be started
   */
  Workload start(ContainerSpec spec) throws IOException;

  /**
   * One container of one unit.
   *
   * @param unit the unit name, e.g. {@code tempo/0}
   * @param container the container name from the charm's metadata
   * @param socketPath where the Pebble socket must appear (kept under 100 bytes)
   * @param rootDir the directory that stands in for the container's filesystem
   */
  record ContainerSpec(String unit, String container, Path socketPath, Path rootDir) {}

  /** A started workload; closing it stops the workload. */
  interface Workload extends AutoCloseable {
    /** Stops the workload; called when the unit is removed or the model closes. */
    @Override
    void close() throws IOException;
  }

  /**
   * Serves each container with an in-process {@link PebbleServer} speaking the Pebble API on the
   * container's socket, its filesystem rooted in the container's directory, running the image
   * {@code images} declares for the unit's application and container (read at each start).
   */
  static WorkloadContainers inProcessPebble(WorkloadImages images) {
    return spec -> {
      Files.createDirectories(spec.socketPath().getParent());
      Files.createDirectories(spec.rootDir());
      PebbleServer server = PebbleServer.start(spec.socketPath(), spec.rootDir());
      String application = spec.unit().substring(0, spec.unit().indexOf('/'));
      server.engine().image(() -> images.get(application, spec.container()));
      return server::close;
    };
  }

  /** Creates the socket's directory and the root directory, and serves nothing. */
  static WorkloadContainers directoriesOnly() {
    return spec -> {
      Files.createDirectories(spec.socketPath().getParent());
      Files.createDirectories(spec.rootDir());
      return () -> {};
    };
  }
}
