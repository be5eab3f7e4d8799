package io.charmkit.schema.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.schema.codec.DatabagCodec;
import jakarta.validation.constraints.NotBlank;
import java.util.Arrays;
import java.util.List;

/**
 * The worker application's databag on a cluster relation ({@code ClusterRequirerAppData}, WIRE.md
 * §3.1), written by the worker leader.
 *
 * @param role the enabled roles, comma-joined without spaces in config order, e.g. {@code all} or
 *     {@code querier,query-frontend}; meta-roles are not expanded
 */
public record WorkerAppData(
    @JsonProperty("role") @NotBlank(message = "must name at least one role") String role) {

  /** The codec for this bag. */
  public static final DatabagCodec<WorkerAppData> CODEC =
      DatabagCodec.perFieldJson(WorkerAppData.class);

  /**
   * Returns the bag for the given roles, joined as the Python worker joins them.
   *
   * @param roles the enabled roles, in config key order
   * @return the bag
   */
  public static WorkerAppData of(List<String> roles) {
    return new WorkerAppData(String.join(",", roles));
  }

  /**
   * Returns the roles, split on {@code ,}; names are case-sensitive and kept in order.
   *
   * @return the roles
   */
  public List<String> roles() {
    return role == null ? List.of() : Arrays.asList(role.split(",", -1));
  }
}
