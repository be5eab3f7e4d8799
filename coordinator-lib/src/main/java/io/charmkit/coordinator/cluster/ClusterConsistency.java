package io.charmkit.coordinator.cluster;

import io.charmkit.interfaces.cluster.RolesTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Whether a cluster can run (PRODUCTS.md §1.2): it is <em>coherent</em> when every role of the
 * minimal deployment is present (even with 0 units); it is <em>under-scaled</em> when a role has
 * fewer units than recommended, which is reported but never blocks.
 *
 * @param missingRoles minimal-deployment roles that no worker runs, sorted
 * @param underScaled roles below their recommended unit count, sorted by role
 */
public record ClusterConsistency(
    SortedSet<String> missingRoles, List<UnderScaledRole> underScaled) {

  /** Copies into sorted, unmodifiable collections. */
  public ClusterConsistency {
    missingRoles = Collections.unmodifiableSortedSet(new TreeSet<>(missingRoles));
    List<UnderScaledRole> sorted = new ArrayList<>(underScaled);
    sorted.sort((a, b) -> a.role().compareTo(b.role()));
    underScaled = List.copyOf(sorted);
  }

  /**
   * Evaluates a cluster against a product's table.
   *
   * @param table the product's roles table
   * @param unitsByRole expanded role to unit count, as {@link ClusterMembers#unitsByRole()}
   * @return the verdict
   */
  public static ClusterConsistency evaluate(RolesTable table, Map<String, Integer> unitsByRole) {
    SortedSet<String> missing = new TreeSet<>(table.minimalDeployment());
    missing.removeAll(unitsByRole.keySet());
    List<UnderScaledRole> under = new ArrayList<>();
    table
        .recommendedDeployment()
        .forEach(
            (role, recommended) -> {
              int units = unitsByRole.getOrDefault(role, 0);
              if (units < recommended) {
                under.add(new UnderScaledRole(role, units, recommended));
              }
            });
    return new ClusterConsistency(missing, under);
  }

  /**
   * Evaluates gathered cluster members against a product's table.
   *
   * @param table the product's roles table
   * @param members the gathered members
   * @return the verdict
   */
  public static ClusterConsistency evaluate(RolesTable table, ClusterMembers members) {
    return evaluate(table, members.unitsByRole());
  }

  /**
   * Tells whether every minimal-deployment role is present.
   *
   * @return whether the cluster is coherent
   */
  public boolean coherent() {
    return missingRoles.isEmpty();
  }

  /**
   * Tells whether every role has at least its recommended unit count.
   *
   * @return whether the deployment meets the recommendation
   */
  public boolean recommended() {
    return underScaled.isEmpty();
  }
}
