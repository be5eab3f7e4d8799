package io.charmkit.coordinator.cluster;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One worker application related to the coordinator, as gathered from a cluster relation with a
 * valid application bag (PRODUCTS.md §1.2).
 *
 * @param name the worker application's name
 * @param role the {@code role} string it published, unexpanded (e.g. {@code all} or {@code
 *     querier,ingester})
 * @param units the number of units in the relation, whatever their bags hold; 0 still makes the
 *     application's roles present
 * @param addresses the addresses of the units whose unit bag is valid
 */
public record WorkerApplication(String name, String role, int units, SortedSet<String> addresses) {

  /** Copies the addresses into a sorted, unmodifiable set and checks the unit count. */
  public WorkerApplication {
    if (units < 0) {
      throw new IllegalArgumentException("worker application " + name + " has " + units + " units");
    }
    addresses = Collections.unmodifiableSortedSet(new TreeSet<>(addresses));
  }

  /**
   * Returns an application whose every unit has a valid bag.
   *
   * @param name the application name
   * @param role the published role string
   * @param addresses its units' addresses
   * @return the application, with as many units as addresses
   */
  public static WorkerApplication of(String name, String role, String... addresses) {
    return new WorkerApplication(name, role, addresses.length, new TreeSet<>(List.of(addresses)));
  }
}
