package io.charmkit.schema.cluster;

import io.charmkit.schema.validation.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The role names a product's workers may publish, for checking a {@link WorkerAppData} beyond its
 * syntax. Pass {@link #problems} as the extra check of {@link
 * io.charmkit.schema.codec.DatabagCodec#read(java.util.Map, String, java.util.function.Function)}.
 *
 * @param product the product, for messages (e.g. {@code Tempo})
 * @param roles every role name, meta-roles included; case-sensitive
 */
public record RoleSet(String product, Set<String> roles) {

  /** Tempo's roles (WIRE.md §6, PRODUCTS.md §2.1). */
  public static final RoleSet TEMPO =
      of(
          "Tempo",
          "all",
          "querier",
          "query-frontend",
          "ingester",
          "distributor",
          "compactor",
          "metrics-generator");

  /**
   * Pyroscope's roles: the spec's enum plus {@code tenant-settings} and {@code ad-hoc-profiles},
   * which the running workers offer (WIRE.md §7.1 #2).
   */
  public static final RoleSet PYROSCOPE =
      of(
          "Pyroscope",
          "all",
          "querier",
          "query-frontend",
          "query-scheduler",
          "ingester",
          "distributor",
          "compactor",
          "store-gateway",
          "tenant-settings",
          "ad-hoc-profiles");

  /** Keeps the roles in the given order, for stable messages and schemas. */
  public RoleSet {
    roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
  }

  /**
   * Returns a role set.
   *
   * @param product the product name
   * @param roles the role names
   * @return the set
   */
  public static RoleSet of(String product, String... roles) {
    return new RoleSet(product, new LinkedHashSet<>(List.of(roles)));
  }

  /**
   * Returns a problem for every published role this product does not know, and for empty names (as
   * in {@code "querier,,ingester"}).
   *
   * @param data the worker application bag
   * @return the problems, at path {@code role}
   */
  public List<Problem> problems(WorkerAppData data) {
    List<Problem> problems = new ArrayList<>();
    for (String role : data.roles()) {
      if (role.isEmpty()) {
        problems.add(new Problem("role", "has an empty role name in \"" + data.role() + "\""));
      } else if (!roles.contains(role)) {
        problems.add(
            new Problem(
                "role",
                "\""
                    + role
                    + "\" is not a "
                    + product
                    + " role (expected one of "
                    + String.join(", ", roles)
                    + ")"));
      }
    }
    return problems;
  }
}
