package io.charmkit.interfaces.cluster;

import io.charmkit.schema.topology.WorkerTopology;
import java.util.Objects;

/**
 * One worker unit whose bag on a cluster relation is valid.
 *
 * @param unit the unit name, e.g. {@code tempo-worker/0}
 * @param address the address it published (its FQDN; opaque)
 * @param topology the application, unit and charm name it published
 */
public record WorkerUnit(String unit, String address, WorkerTopology topology) {

  /** Checks every part is present. */
  public WorkerUnit {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(topology, "topology");
  }
}
