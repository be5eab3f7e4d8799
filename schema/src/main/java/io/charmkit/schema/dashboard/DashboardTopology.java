package io.charmkit.schema.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The topology a provider attaches to each dashboard (no charm name): Grafana uses it to salt the
 * dashboard's identity. All four are absent ({@code {}}) when the dashboard asks for no topology
 * dropdowns.
 *
 * @param model the model name
 * @param modelUuid the model UUID
 * @param application the application name
 * @param unit the unit that wrote the bag (the leader)
 */
@JsonPropertyOrder({"model", "model_uuid", "application", "unit"})
public record DashboardTopology(
    @JsonProperty("model") String model,
    @JsonProperty("model_uuid") String modelUuid,
    @JsonProperty("application") String application,
    @JsonProperty("unit") String unit) {

  /** No topology: written {@code {}}. */
  public static final DashboardTopology NONE = new DashboardTopology(null, null, null, null);
}
