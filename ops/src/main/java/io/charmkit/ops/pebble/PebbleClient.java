package io.charmkit.ops.pebble;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A client of one workload container's Pebble: the seam charm code talks to and tests replace.
 *
 * <p>The production implementation ({@link #forContainer}) speaks HTTP/1.1 over the container's
 * unix socket. It is cheap to create: no HTTP machinery is loaded until the first call, so a hook
 * that never touches the workload pays nothing for it.
 *
 * <p>Every method throws {@link PebbleConnectionException} when Pebble cannot be reached and {@link
 * PebbleApiException} when Pebble answers with an error, except {@link #canConnect()}, which never
 * throws.
 */
public interface PebbleClient extends AutoCloseable {

  /** Where Juju mounts the workload containers' sockets in the charm container. */
  String DEFAULT_CONTAINERS_DIR = "/charm/containers";

  /** The environment variable that overrides {@link #DEFAULT_CONTAINERS_DIR} (for tests). */
  String CONTAINERS_DIR_ENV = "CHARMKIT_CONTAINERS_DIR";

  /**
   * The socket of {@code container}: {@code <base>/<container>/pebble.socket}, where base is {@code
   * $CHARMKIT_CONTAINERS_DIR} if set and non-empty, else {@code /charm/containers}.
   */
  static Path socketPath(String container, Map<String, String> env) {
    if (container == null || container.isEmpty() || container.contains("/")) {
      throw new IllegalArgumentException("invalid container name: \"" + container + "\"");
    }
    String base = env.get(CONTAINERS_DIR_ENV);
    if (base == null || base.isEmpty()) {
      base = DEFAULT_CONTAINERS_DIR;
    }
    return Path.of(base, container, "pebble.socket");
  }

  /**
   * A client for {@code container}, its socket found through {@link #socketPath}. Nothing is opened
   * until the first call.
   *
   * @param container the container name from {@code metadata.yaml}
   * @param env the process environment (tests pass their own)
   */
  static PebbleClient forContainer(String container, Map<String, String> env) {
    return new LazyPebbleClient(container, socketPath(container, env));
  }

  /** A client for the Pebble listening on {@code socketPath}; {@code container} names it. */
  static PebbleClient forSocket(String container, Path socketPath) {
    return new LazyPebbleClient(container, socketPath);
  }

  /**
   * The production client over another transport (the test harness's in-process Pebble): the same
   * requests, envelope reading and errors as {@link #forContainer}; {@code socketPath} only names
   * the Pebble in error messages.
   */
  static PebbleClient forTransport(String container, Path socketPath, PebbleTransport transport) {
    return new HttpPebbleClient(container, socketPath, transport);
  }

  /**
   * Whether Pebble is up and answering ({@code GET /v1/system-info} succeeds). Never throws: a
   * missing socket, a refused connection and an API error all mean {@code false}.
   */
  boolean canConnect();

  /** The server's version and boot id. */
  SystemInfo systemInfo();

  /** The combined plan of all layers. */
  Plan plan();

  /**
   * Adds a layer.
   *
   * @param label the layer's label
   * @param layer the layer; every service, check and log target must set {@code override}
   * @param combine merge into an existing layer with this label (else it is an error if it exists)
   */
  void addLayer(String label, Layer layer, boolean combine);

  /**
   * The status of the named services, or of all when {@code names} is empty. Unknown names are
   * omitted.
   */
  List<ServiceInfo> services(List<String> names);

  /**
   * Starts services and waits for the change.
   *
   * @throws ChangeErrorException when a service fails to start
   */
  Change start(List<String> names);

  /** Stops services and waits for the change. */
  Change stop(List<String> names);

  /** Restarts services (stop then start, one change) and waits for it. */
  Change restart(List<String> names);

  /**
   * Starts every {@code startup: enabled} service and restarts those whose configuration changed,
   * and waits for the change.
   */
  Change replan();

  /** The change with the given id. */
  Change change(String id);

  /**
   * The changes Pebble remembers, as {@code GET /v1/changes?select=...} lists them: what started
   * and stopped the services, and whether each change is ready.
   */
  List<Change> changes(ChangeSelect select);

  /**
   * Waits for a change to finish, polling Pebble's wait endpoint until {@code timeout}.
   *
   * @return the finished change
   * @throws ChangeErrorException when it finished with an error
   * @throws PebbleException when it is still not ready after {@code timeout}
   */
  Change waitChange(String id, Duration timeout);

  /**
   * Writes a file in the container.
   *
   * @param path an absolute path in the container
   * @param content the bytes to write
   * @param options parent creation, permissions and ownership
   * @throws PathErrorException when Pebble cannot write the file
   */
  void push(String path, byte[] content, PushOptions options);

  /** Writes a UTF-8 text file in the container. */
  default void push(String path, String content, PushOptions options) {
    push(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), options);
  }

  /**
   * Reads a file from the container.
   *
   * @throws PathNotFoundException when the file does not exist
   */
  byte[] pull(String path);

  /** Reads a UTF-8 text file from the container. */
  default String pullText(String path) {
    return new String(pull(path), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Lists a directory (or describes a path).
   *
   * @param path an absolute path
   * @param pattern a glob filtering entry names, or {@code null}
   * @param itself describe {@code path} itself rather than its contents
   * @throws PathNotFoundException when the path does not exist
   */
  List<FileInfo> listFiles(String path, String pattern, boolean itself);

  /**
   * Creates a directory.
   *
   * @param path an absolute path
   * @param makeParents create missing parents (and succeed if it exists)
   * @param permissions a 3-digit octal string, or {@code null} for Pebble's default
   * @throws PathErrorException when it cannot be created
   */
  void makeDir(String path, boolean makeParents, String permissions);

  /**
   * Removes a file or directory.
   *
   * @param recursive remove a directory and its contents; as in Pebble (Go's {@code os.RemoveAll}),
   *     a recursive removal of a missing path succeeds
   * @throws PathNotFoundException when the path does not exist and {@code recursive} is false
   * @throws PathErrorException when a non-empty directory is removed without {@code recursive}
   */
  void remove(String path, boolean recursive);

  /**
   * Health checks, optionally filtered.
   *
   * @param level {@code alive}, {@code ready}, or {@code null} for all
   * @param names check names, or empty for all
   */
  List<CheckInfo> checks(String level, List<String> names);

  /**
   * Runs a command in the container and waits for it to finish, collecting its output (ops' {@code
   * Container.exec(...).wait_output()}).
   *
   * @return the output of a command that exited with code 0
   * @throws ExecException when the command exits with another code; it carries both streams
   * @throws ExecTimeoutException when the request's timeout passes first (Pebble kills the command)
   * @throws PebbleApiException when Pebble refuses the request, e.g. {@code cannot find executable
   *     "x"} (400) for a program that is not on its {@code PATH}, or {@code cannot find working
   *     directory "/x"}
   */
  ExecOutput exec(ExecRequest request);

  /** Releases the connection, if one was opened. */
  @Override
  void close();
}
