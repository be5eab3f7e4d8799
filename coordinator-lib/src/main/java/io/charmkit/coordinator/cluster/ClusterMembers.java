package io.charmkit.coordinator.cluster;

import io.charmkit.interfaces.cluster.ClusterView;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the coordinator gathers from its worker relations (PRODUCTS.md §1.2), in sorted form so that
 * everything rendered from it is the same whatever order Juju lists relations and units in.
 *
 * @param unitsByRole expanded role to the number of units running it ({@code gather_roles}); a role
 *     whose applications have no units maps to 0 and still counts as present
 * @param addressesByRole expanded role to the addresses of the units running it ({@code
 *     gather_addresses_by_role}); roles without addresses are absent
 * @param addresses every worker address, whatever its role ({@code gather_addresses})
 */
public record ClusterMembers(
    SortedMap<String, Integer> unitsByRole,
    SortedMap<String, SortedSet<String>> addressesByRole,
    SortedSet<String> addresses) {

  /** A cluster with no workers. */
  public static final ClusterMembers EMPTY =
      new ClusterMembers(new TreeMap<>(), new TreeMap<>(), new TreeSet<>());

  /** Copies everything into sorted, unmodifiable collections. */
  public ClusterMembers {
    unitsByRole = Collections.unmodifiableSortedMap(new TreeMap<>(unitsByRole));
    SortedMap<String, SortedSet<String>> byRole = new TreeMap<>();
    addressesByRole.forEach(
        (role, set) -> {
          if (!set.isEmpty()) {
            byRole.put(role, Collections.unmodifiableSortedSet(new TreeSet<>(set)));
          }
        });
    addressesByRole = Collections.unmodifiableSortedMap(byRole);
    addresses = Collections.unmodifiableSortedSet(new TreeSet<>(addresses));
  }

  /**
   * Returns the members the cluster endpoint gathered (its roles are already expanded, its invalid
   * bags already skipped).
   *
   * @param view what the cluster endpoint read this dispatch
   * @return the members
   */
  public static ClusterMembers of(ClusterView view) {
    return new ClusterMembers(view.roles(), view.addressesByRole(), view.addresses());
  }

  /**
   * Returns the addresses of the units running a role.
   *
   * @param role an expanded role
   * @return its addresses, sorted; empty when none
   */
  public SortedSet<String> addressesOf(String role) {
    return addressesByRole.getOrDefault(role, Collections.emptySortedSet());
  }

  /**
   * Returns the roles present in the cluster, including those with 0 units.
   *
   * @return the present roles, sorted
   */
  public Set<String> presentRoles() {
    return unitsByRole.keySet();
  }
}
