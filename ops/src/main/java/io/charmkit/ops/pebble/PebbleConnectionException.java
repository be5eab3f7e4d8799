package io.charmkit.ops.pebble;

import java.nio.file.Path;

/**
 * Pebble could not be reached: the socket file is missing, the connection was refused, or the
 * connection broke mid-request. The message names the container and the socket path so that an
 * operator can tell which workload is down.
 */
public class PebbleConnectionException extends PebbleException {
  private static final long serialVersionUID = 1L;

  private final String container;
  private final transient Path socketPath;

  /** Creates the exception; {@code reason} is a short human description of the failure. */
  public PebbleConnectionException(
      String container, Path socketPath, String reason, Throwable cause) {
    super(
        "cannot connect to Pebble of container \""
            + container
            + "\" at "
            + socketPath
            + ": "
            + reason,
        cause);
    this.container = container;
    this.socketPath = socketPath;
  }

  /** The container whose Pebble was unreachable. */
  public String container() {
    return container;
  }

  /** The socket path that was tried. */
  public Path socketPath() {
    return socketPath;
  }
}
