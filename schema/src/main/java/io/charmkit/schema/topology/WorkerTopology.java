package io.charmkit.schema.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;

/**
 * The part of a Juju topology that a worker unit sends over a cluster relation (WIRE.md §5.4):
 * exactly these three keys, in this order. The coordinator adds its own model name and UUID.
 *
 * @param application the worker application's name, e.g. {@code tempo-worker}
 * @param unit the unit's name, e.g. {@code tempo-worker/0}
 * @param charmName the charm's metadata name, e.g. {@code tempo-worker-k8s}
 */
@JsonPropertyOrder({"application", "unit", "charm_name"})
public record WorkerTopology(
    @JsonProperty("application") @NotNull String application,
    @JsonProperty("unit") @NotNull String unit,
    @JsonProperty("charm_name") @NotNull String charmName) {

  /**
   * Returns this worker's topology completed with the coordinator's model.
   *
   * @param model the model name
   * @param modelUuid the model UUID
   * @return the full topology
   */
  public JujuTopology inModel(String model, String modelUuid) {
    return new JujuTopology(model, modelUuid, application, unit, charmName);
  }
}
