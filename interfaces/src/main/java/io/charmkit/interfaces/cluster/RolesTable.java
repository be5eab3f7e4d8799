package io.charmkit.interfaces.cluster;

import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.validation.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A product's roles and deployment rules ({@code ClusterRolesConfig}, PRODUCTS.md §1.1): every role
 * name (meta-roles included), what each meta-role expands to, the roles a coherent cluster needs,
 * and the unit counts recommended for production.
 *
 * <p>It is charmkit's one role type: {@link ClusterProvider} expands published roles and rejects
 * unknown ones with it, and the coordinator base checks consistency and scale with it, so a
 * coordinator hands the same table to both. The four tables below are data a charm picks: the
 * vocabulary workers of each product publish on the cluster interface, kept here (not in a product
 * charm) because a coordinator, the end-to-end tests and future Loki and Mimir charms all need them
 * and they carry no product behaviour.
 *
 * <p>Construction checks that the table agrees with itself and fails with an {@link
 * IllegalArgumentException} naming every problem at once. All collections are copied into sorted,
 * unmodifiable ones, so two tables built from the same facts in any order are equal and print
 * alike.
 *
 * @param product the product name, for messages (e.g. {@code Tempo})
 * @param roles every role name, meta-roles included; case-sensitive
 * @param metaRoles meta-role to the roles it stands for (each a sorted set); a meta-role is itself
 *     a role only if its expansion lists it (Loki's {@code all})
 * @param minimalDeployment the roles that must be present for the cluster to be coherent
 * @param recommendedDeployment role to the unit count recommended for production; falling short is
 *     reported, never blocking
 */
public record RolesTable(
    String product,
    SortedSet<String> roles,
    SortedMap<String, Set<String>> metaRoles,
    SortedSet<String> minimalDeployment,
    SortedMap<String, Integer> recommendedDeployment) {

  /** Tempo (PRODUCTS.md §2.1): {@code all} expands to the six leaf roles, not to itself. */
  public static final RolesTable TEMPO =
      builder("Tempo")
          .meta(
              "all",
              "querier",
              "query-frontend",
              "ingester",
              "distributor",
              "compactor",
              "metrics-generator")
          .minimal("querier", "query-frontend", "ingester", "distributor", "compactor")
          .recommend("querier", 1)
          .recommend("query-frontend", 1)
          .recommend("ingester", 3)
          .recommend("distributor", 1)
          .recommend("compactor", 1)
          .recommend("metrics-generator", 1)
          .build();

  /** Pyroscope (PRODUCTS.md §3.1): {@code all} expands to the nine leaf roles, all required. */
  public static final RolesTable PYROSCOPE =
      builder("Pyroscope")
          .meta(
              "all",
              "querier",
              "query-frontend",
              "query-scheduler",
              "ingester",
              "distributor",
              "compactor",
              "store-gateway",
              "tenant-settings",
              "ad-hoc-profiles")
          .minimal(
              "querier",
              "query-frontend",
              "query-scheduler",
              "ingester",
              "distributor",
              "compactor",
              "store-gateway",
              "tenant-settings",
              "ad-hoc-profiles")
          .recommend("querier", 3)
          .recommend("query-frontend", 2)
          .recommend("query-scheduler", 2)
          .recommend("ingester", 3)
          .recommend("distributor", 2)
          .recommend("compactor", 3)
          .recommend("store-gateway", 3)
          .recommend("tenant-settings", 1)
          .recommend("ad-hoc-profiles", 1)
          .build();

  /**
   * Loki (PRODUCTS.md §4.1): the simple-scalable targets; {@code all} expands to {@code read},
   * {@code write}, {@code backend} <em>and itself</em>.
   */
  public static final RolesTable LOKI =
      builder("Loki")
          .meta("all", "read", "write", "backend", "all")
          .minimal("read", "write", "backend")
          .recommend("read", 3)
          .recommend("write", 3)
          .recommend("backend", 3)
          .build();

  /**
   * Mimir (PRODUCTS.md §5.1): eleven components and four meta-roles, none of which includes itself;
   * the minimal deployment includes {@code ruler}.
   */
  public static final RolesTable MIMIR =
      builder("Mimir")
          .roles(
              "overrides-exporter",
              "query-scheduler",
              "flusher",
              "query-frontend",
              "querier",
              "store-gateway",
              "ingester",
              "distributor",
              "ruler",
              "alertmanager",
              "compactor")
          .meta("read", "querier", "query-frontend")
          .meta("write", "distributor", "ingester")
          .meta(
              "backend",
              "alertmanager",
              "compactor",
              "overrides-exporter",
              "query-scheduler",
              "ruler",
              "store-gateway")
          .meta(
              "all",
              "compactor",
              "distributor",
              "ingester",
              "querier",
              "query-frontend",
              "ruler",
              "store-gateway")
          .minimal(
              "compactor",
              "distributor",
              "ingester",
              "querier",
              "query-frontend",
              "store-gateway",
              "ruler")
          .recommend("compactor", 1)
          .recommend("distributor", 1)
          .recommend("ingester", 3)
          .recommend("querier", 2)
          .recommend("query-frontend", 1)
          .recommend("store-gateway", 1)
          .recommend("ruler", 1)
          .build();

  /** Copies everything into sorted, unmodifiable collections and checks consistency. */
  public RolesTable {
    if (product == null || product.isBlank()) {
      throw new IllegalArgumentException("a roles table needs a product name");
    }
    roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
    SortedMap<String, Set<String>> metas = new TreeMap<>();
    metaRoles.forEach(
        (meta, members) ->
            metas.put(meta, Collections.unmodifiableSortedSet(new TreeSet<>(members))));
    metaRoles = Collections.unmodifiableSortedMap(metas);
    minimalDeployment = Collections.unmodifiableSortedSet(new TreeSet<>(minimalDeployment));
    recommendedDeployment = Collections.unmodifiableSortedMap(new TreeMap<>(recommendedDeployment));

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Set<String>> meta : metaRoles.entrySet()) {
      if (!roles.contains(meta.getKey())) {
        problems.add("meta-role " + meta.getKey() + " is not a role");
      }
      SortedSet<String> unknown = unknown(meta.getValue(), roles);
      if (!unknown.isEmpty()) {
        problems.add(
            "meta-role "
                + meta.getKey()
                + " expands to unknown roles "
                + String.join(", ", unknown));
      }
      if (meta.getValue().isEmpty()) {
        problems.add("meta-role " + meta.getKey() + " expands to nothing");
      }
    }
    SortedSet<String> unknownMinimal = unknown(minimalDeployment, roles);
    if (!unknownMinimal.isEmpty()) {
      problems.add(
          "the minimal deployment names unknown roles " + String.join(", ", unknownMinimal));
    }
    SortedSet<String> unknownRecommended = unknown(recommendedDeployment.keySet(), roles);
    if (!unknownRecommended.isEmpty()) {
      problems.add(
          "the recommended deployment names unknown roles "
              + String.join(", ", unknownRecommended));
    }
    recommendedDeployment.forEach(
        (role, units) -> {
          if (units == null || units < 0) {
            problems.add("the recommended unit count for " + role + " must be 0 or more");
          }
        });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "inconsistent " + product + " roles table: " + String.join("; ", problems));
    }
  }

  /**
   * Starts a table for a product.
   *
   * @param product the product name, for messages
   * @return a builder
   */
  public static RolesTableBuilder builder(String product) {
    return new RolesTableBuilder(product);
  }

  /**
   * Expands a worker application's published {@code role} string (PRODUCTS.md §1.2): splits it on
   * {@code ,}, replaces each meta-role by its expansion and keeps every other name as is (unknown
   * names included; rejecting them is the databag validation's job). Empty names, as in {@code
   * "querier,,ingester"}, are dropped.
   *
   * @param commaJoined the roles as published, e.g. {@code all} or {@code querier,ingester}
   * @return the expanded roles, sorted
   */
  public SortedSet<String> expand(String commaJoined) {
    return expand(List.of(commaJoined.split(",", -1)));
  }

  /**
   * Expands a list of roles as {@link #expand(String)} does.
   *
   * @param names role or meta-role names
   * @return the expanded roles, sorted; a fresh set the caller may change
   */
  public SortedSet<String> expand(Collection<String> names) {
    SortedSet<String> expanded = new TreeSet<>();
    for (String name : names) {
      if (name.isEmpty()) {
        continue;
      }
      Set<String> members = metaRoles.get(name);
      if (members != null) {
        expanded.addAll(members);
      } else {
        expanded.add(name);
      }
    }
    return expanded;
  }

  /**
   * Returns a problem for every role a worker application published that this product does not
   * know, and for empty names (schema's one unknown-role check, given this table's roles).
   *
   * @param data the worker application bag
   * @return the problems, at path {@code role}; empty when every name is known
   */
  public List<Problem> problems(WorkerAppData data) {
    return data.unknownRoles(product, roles);
  }

  /**
   * Tells whether a name is a meta-role of this product.
   *
   * @param name a role name
   * @return whether it is a meta-role key
   */
  public boolean isMetaRole(String name) {
    return metaRoles.containsKey(name);
  }

  private static SortedSet<String> unknown(Collection<String> names, SortedSet<String> roles) {
    SortedSet<String> unknown = new TreeSet<>(names);
    unknown.removeAll(roles);
    return unknown;
  }
}
