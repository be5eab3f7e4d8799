package io.charmkit.ops.model;

import io.charmkit.ops.pebble.PebbleClient;
import java.util.Map;

/**
 * How the model reaches a container's Pebble: in production over the socket under {@code
 * /charm/containers} (or {@code $CHARMKIT_CONTAINERS_DIR}); in tests, whatever the harness hands
 * in.
 */
@FunctionalInterface
public interface PebbleConnector {
  /** A client for the named container. */
  PebbleClient connect(String container);

  /** The production connector, reading the socket base directory from {@code env}. */
  static PebbleConnector fromEnvironment(Map<String, String> env) {
    return container -> PebbleClient.forContainer(container, env);
  }
}
