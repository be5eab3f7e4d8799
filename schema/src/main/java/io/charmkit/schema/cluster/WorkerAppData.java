package io.charmkit.schema.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.validation.Problem;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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

  /**
   * Returns a problem for every published role that is not in {@code known}, and for empty names
   * (as in {@code "querier,,ingester"}). This is charmkit's one unknown-role check: the cluster
   * endpoint's roles table and {@code bin/charmkit validate} both call it.
   *
   * @param product the product, for messages (e.g. {@code Tempo})
   * @param known every role name the product's workers may publish, meta-roles included, in the
   *     order messages list them
   * @return the problems, at path {@code role}
   */
  public List<Problem> unknownRoles(String product, Collection<String> known) {
    List<Problem> problems = new ArrayList<>();
    for (String name : roles()) {
      if (name.isEmpty()) {
        problems.add(new Problem("role", "has an empty role name in \"" + role + "\""));
      } else if (!known.contains(name)) {
        problems.add(
            new Problem(
                "role",
                "\""
                    + name
                    + "\" is not a "
                    + product
                    + " role (expected one of "
                    + String.join(", ", known)
                    + ")"));
      }
    }
    return problems;
  }
}
