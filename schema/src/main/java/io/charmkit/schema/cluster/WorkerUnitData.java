package io.charmkit.schema.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.topology.WorkerTopology;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A worker unit's databag on a cluster relation ({@code ClusterRequirerUnitData}, WIRE.md §3.2),
 * written by every worker unit. Juju's own {@code ingress-address}, {@code private-address} and
 * {@code egress-subnets} share the bag and are left alone.
 *
 * @param jujuTopology the unit's application, unit and charm name
 * @param address the unit's fully-qualified domain name, without scheme or port; opaque to readers
 */
@JsonPropertyOrder({"juju_topology", "address"})
public record WorkerUnitData(
    @JsonProperty("juju_topology") @NotNull @Valid WorkerTopology jujuTopology,
    @JsonProperty("address") @NotNull String address) {

  /** The codec for this bag. */
  public static final DatabagCodec<WorkerUnitData> CODEC =
      DatabagCodec.perFieldJson(WorkerUnitData.class);
}
