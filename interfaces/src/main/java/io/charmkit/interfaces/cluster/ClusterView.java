package io.charmkit.interfaces.cluster;

import io.charmkit.interfaces.RemoteDataProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the coordinator gathered from its cluster relations during one dispatch (PRODUCTS.md
 * §1.2). Immutable, and independent of the order in which Juju listed relations and units: every
 * collection is sorted.
 *
 * @param relations one entry per cluster relation, by relation id
 */
public record ClusterView(List<WorkerRelation> relations) {

  /** Copies the relations, sorted by id. */
  public ClusterView {
    List<WorkerRelation> sorted = new ArrayList<>(relations);
    sorted.sort(Comparator.comparingInt(WorkerRelation::relationId));
    relations = List.copyOf(sorted);
  }

  /**
   * Returns each expanded role and how many units serve it ({@code gather_roles}). A relation
   * counts once its application published a known role, with all of its units; an application with
   * no units yet still makes its roles present, with a count of 0.
   *
   * @return role to unit count, sorted by role
   */
  public SortedMap<String, Integer> roles() {
    SortedMap<String, Integer> counts = new TreeMap<>();
    for (WorkerRelation relation : relations) {
      for (String role : relation.roles()) {
        counts.merge(role, relation.unitCount(), Integer::sum);
      }
    }
    return Collections.unmodifiableSortedMap(counts);
  }

  /**
   * Returns each expanded role and the addresses of the valid units serving it ({@code
   * gather_addresses_by_role}).
   *
   * @return role to sorted addresses, sorted by role
   */
  public SortedMap<String, SortedSet<String>> addressesByRole() {
    SortedMap<String, SortedSet<String>> byRole = new TreeMap<>();
    for (WorkerRelation relation : relations) {
      for (String role : relation.roles()) {
        SortedSet<String> addresses = byRole.computeIfAbsent(role, r -> new TreeSet<>());
        relation.units().forEach(u -> addresses.add(u.address()));
      }
    }
    SortedMap<String, SortedSet<String>> frozen = new TreeMap<>();
    byRole.forEach(
        (role, addresses) -> frozen.put(role, Collections.unmodifiableSortedSet(addresses)));
    return Collections.unmodifiableSortedMap(frozen);
  }

  /**
   * Returns the sorted union of every worker address ({@code gather_addresses}): the gossip ring's
   * members. Sorted so that the generated config is stable.
   *
   * @return the addresses
   */
  public SortedSet<String> addresses() {
    SortedSet<String> all = new TreeSet<>();
    addressesByRole().values().forEach(all::addAll);
    return Collections.unmodifiableSortedSet(all);
  }

  /**
   * Returns every valid unit of every relation whose application published a known role ({@code
   * gather_topology}), by relation id and then unit number.
   *
   * @return the units
   */
  public List<WorkerUnit> units() {
    List<WorkerUnit> all = new ArrayList<>();
    for (WorkerRelation relation : relations) {
      if (!relation.roles().isEmpty()) {
        all.addAll(relation.units());
      }
    }
    return List.copyOf(all);
  }

  /**
   * Returns every rejected bag, by relation id, application before units.
   *
   * @return the problems; empty when all remote data is valid
   */
  public List<RemoteDataProblem> problems() {
    List<RemoteDataProblem> all = new ArrayList<>();
    relations.forEach(r -> all.addAll(r.problems()));
    return List.copyOf(all);
  }
}
