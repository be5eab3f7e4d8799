package io.charmkit.coordinator.monolith;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Unit;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's own units as members of the cluster they render a configuration for: this
 * unit's FQDN and the {@code hostname} every other coordinator unit writes into its peer bag, so
 * that several coordinator units running the product form one ring (the ring membership rules
 * workers follow), not one ring each.
 *
 * @param addresses the coordinator units' FQDNs, sorted
 */
record CoordinatorUnits(SortedSet<String> addresses) {
  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorUnits.class);

  /** The longest peer hostname accepted (a DNS name is at most 253 characters). */
  private static final int MAX_ADDRESS = 255;

  /** Copies the addresses. */
  CoordinatorUnits {
    addresses = Collections.unmodifiableSortedSet(new TreeSet<>(addresses));
  }

  /**
   * Reads this unit's FQDN and its peers' published hostnames. A hostname that is empty, too long
   * or holds whitespace or control characters is skipped (logged): it is remote data.
   *
   * @param model the dispatch's model
   * @param peers the peer endpoint
   * @param ownFqdn this unit's FQDN
   * @return the units
   */
  static CoordinatorUnits read(Model model, String peers, String ownFqdn) {
    SortedSet<String> found = new TreeSet<>();
    found.add(ownFqdn);
    if (model.metadata().endpoint(peers).isPresent()) {
      for (Relation relation : model.relations(peers)) {
        for (Unit unit : relation.units()) {
          Optional<String> hostname = relation.data(unit).get("hostname");
          if (hostname.isPresent() && valid(hostname.get())) {
            found.add(hostname.get());
          } else if (hostname.isPresent()) {
            LOG.warn("ignoring the peer hostname of {}: not a host name", unit.name());
          }
        }
      }
    }
    return new CoordinatorUnits(found);
  }

  /**
   * Returns the cluster made of the coordinator units alone, each running {@code roles}.
   *
   * @param roles the expanded roles of the monolithic role
   * @return the members
   */
  ClusterMembers alone(SortedSet<String> roles) {
    return joining(ClusterMembers.EMPTY, roles);
  }

  /**
   * Returns {@code workers} with the coordinator units added, each running {@code roles}.
   *
   * @param workers the gathered workers
   * @param roles the expanded roles of the monolithic role
   * @return the members
   */
  ClusterMembers joining(ClusterMembers workers, SortedSet<String> roles) {
    SortedMap<String, Integer> units = new TreeMap<>(workers.unitsByRole());
    SortedMap<String, SortedSet<String>> byRole = new TreeMap<>();
    workers.addressesByRole().forEach((role, set) -> byRole.put(role, new TreeSet<>(set)));
    for (String role : roles) {
      units.merge(role, addresses.size(), Integer::sum);
      byRole.computeIfAbsent(role, r -> new TreeSet<>()).addAll(addresses);
    }
    SortedSet<String> all = new TreeSet<>(workers.addresses());
    all.addAll(addresses);
    return new ClusterMembers(units, byRole, all);
  }

  private static boolean valid(String hostname) {
    if (hostname.isEmpty() || hostname.length() > MAX_ADDRESS) {
      return false;
    }
    return hostname.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }
}
