package io.charmkit.interfaces.cluster;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A product's worker roles, as far as the cluster interface needs them (PRODUCTS.md §1.1, §1.2):
 * every role name and the meta-roles that stand for several. The coordinator library supplies the
 * real tables (Tempo, Pyroscope, Loki, Mimir); {@link #of} builds one from plain collections.
 *
 * <p>Role names are case-sensitive.
 */
public interface RolesTable {

  /**
   * Returns every role a worker may publish, meta-roles included.
   *
   * @return the role names
   */
  Set<String> roles();

  /**
   * Returns each meta-role and the roles it expands to. A meta-role counts as a role itself only if
   * its own expansion contains it (Loki's {@code all} does; Tempo's does not).
   *
   * @return meta-role to roles; every name is in {@link #roles()}
   */
  Map<String, Set<String>> metaRoles();

  /**
   * Expands published roles: each meta-role is replaced by its expansion, every other name is kept
   * as it is (unknown names included; callers decide what to do with those).
   *
   * @param published the roles a worker application published, e.g. {@code [all]}
   * @return the expanded roles, sorted
   */
  default SortedSet<String> expand(Collection<String> published) {
    SortedSet<String> expanded = new TreeSet<>();
    Map<String, Set<String>> meta = metaRoles();
    for (String role : published) {
      Set<String> expansion = meta.get(role);
      if (expansion == null) {
        expanded.add(role);
      } else {
        expanded.addAll(expansion);
      }
    }
    return expanded;
  }

  /**
   * Returns a table of the given roles.
   *
   * @param roles every role name, meta-roles included
   * @param metaRoles meta-role to the roles it expands to
   * @return the table
   * @throws IllegalArgumentException if a meta-role or an expanded role is not in {@code roles}
   */
  static RolesTable of(Set<String> roles, Map<String, Set<String>> metaRoles) {
    return new FixedRolesTable(roles, metaRoles);
  }
}
