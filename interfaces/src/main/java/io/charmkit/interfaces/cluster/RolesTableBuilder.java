package io.charmkit.interfaces.cluster;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Assembles a {@link RolesTable} one fact at a time. A meta-role declared with {@link #meta} is
 * added to the roles, and so are its members; roles named only by {@link #minimal} or {@link
 * #recommend} are not, so a typo there still fails {@link #build()}.
 */
public final class RolesTableBuilder {

  private final String product;
  private final Set<String> roles = new LinkedHashSet<>();
  private final Map<String, Set<String>> metaRoles = new LinkedHashMap<>();
  private final Set<String> minimal = new LinkedHashSet<>();
  private final Map<String, Integer> recommended = new LinkedHashMap<>();

  RolesTableBuilder(String product) {
    this.product = product;
  }

  /**
   * Adds roles.
   *
   * @param names role names
   * @return this builder
   */
  public RolesTableBuilder roles(String... names) {
    roles.addAll(List.of(names));
    return this;
  }

  /**
   * Declares a meta-role and its expansion; both the meta-role and its members become roles.
   *
   * @param name the meta-role
   * @param members the roles it stands for (list the meta-role itself to make it count as a role)
   * @return this builder
   */
  public RolesTableBuilder meta(String name, String... members) {
    roles.add(name);
    roles.addAll(List.of(members));
    metaRoles.computeIfAbsent(name, key -> new LinkedHashSet<>()).addAll(List.of(members));
    return this;
  }

  /**
   * Adds roles to the minimal deployment.
   *
   * @param names roles a coherent cluster needs
   * @return this builder
   */
  public RolesTableBuilder minimal(String... names) {
    minimal.addAll(List.of(names));
    return this;
  }

  /**
   * Sets the recommended unit count of a role.
   *
   * @param role the role
   * @param units the recommended number of units
   * @return this builder
   */
  public RolesTableBuilder recommend(String role, int units) {
    recommended.put(role, units);
    return this;
  }

  /**
   * Builds the table.
   *
   * @return the table
   * @throws IllegalArgumentException when the table is inconsistent
   */
  public RolesTable build() {
    SortedMap<String, Set<String>> metas = new TreeMap<>();
    metaRoles.forEach((name, members) -> metas.put(name, new TreeSet<>(members)));
    return new RolesTable(
        product, new TreeSet<>(roles), metas, new TreeSet<>(minimal), new TreeMap<>(recommended));
  }
}
