package io.charmkit.interfaces.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The {@link RolesTable} that {@link RolesTable#of} returns: fixed collections, checked once. */
record FixedRolesTable(Set<String> roles, Map<String, Set<String>> metaRoles)
    implements RolesTable {

  /** Copies the collections and checks them as coordinated-workers' ClusterRolesConfig does. */
  FixedRolesTable {
    roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
    Map<String, Set<String>> meta = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : metaRoles.entrySet()) {
      if (!roles.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "meta-role '" + e.getKey() + "' is not one of the roles " + roles);
      }
      for (String expanded : e.getValue()) {
        if (!roles.contains(expanded)) {
          throw new IllegalArgumentException(
              "meta-role '"
                  + e.getKey()
                  + "' expands to '"
                  + expanded
                  + "', which is not one of the roles "
                  + roles);
        }
      }
      meta.put(e.getKey(), Collections.unmodifiableSet(new LinkedHashSet<>(e.getValue())));
    }
    metaRoles = Collections.unmodifiableMap(meta);
  }
}
