package io.charmkit.ops.model;

import io.charmkit.ops.pebble.PebbleClient;

/**
 * A workload container of this unit, reached through its Pebble. The client is created on first use
 * and reused for the rest of the dispatch.
 */
public final class Container {
  private final String name;
  private final PebbleConnector connector;
  private PebbleClient client;

  Container(String name, PebbleConnector connector) {
    this.name = name;
    this.connector = connector;
  }

  /** The container name from metadata. */
  public String name() {
    return name;
  }

  /** The container's Pebble. */
  public PebbleClient pebble() {
    if (client == null) {
      client = connector.connect(name);
    }
    return client;
  }

  /** Whether Pebble answers; never throws. */
  public boolean canConnect() {
    return pebble().canConnect();
  }

  @Override
  public String toString() {
    return "container " + name;
  }
}
