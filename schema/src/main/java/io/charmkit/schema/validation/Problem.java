package io.charmkit.schema.validation;

import java.util.Objects;

/**
 * One thing wrong with a databag.
 *
 * @param path where, in databag terms: a key, then {@code .field} and {@code [index]} steps into
 *     its JSON value (e.g. {@code juju_topology.charm_name}, {@code worker_ports[2]}); empty when
 *     the problem concerns the bag as a whole
 * @param message what is wrong, in words a charm author can act on (e.g. {@code must not be null})
 */
public record Problem(String path, String message) {

  /** Checks that both parts are present. */
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** Returns {@code path: message}, or the message alone when the path is empty. */
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
