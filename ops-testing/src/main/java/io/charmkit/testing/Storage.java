package io.charmkit.testing;

import java.util.Objects;

/**
 * A storage instance attached to the unit, as {@code storage-list} and {@code storage-get} report
 * it.
 *
 * @param name the storage name, as in {@code metadata.yaml}
 * @param index the instance number
 * @param location where it is mounted
 */
public record Storage(String name, int index, String location) {

  /** Checks the fields. */
  public Storage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
  }

  /** Instance 0 of {@code name}, mounted where Juju mounts it on Kubernetes. */
  public static Storage of(String name) {
    return new Storage(name, 0, "/var/lib/juju/storage/" + name + "/0");
  }

  /** The id Juju uses: {@code <name>/<index>}. */
  public String id() {
    return name + "/" + index;
  }
}
