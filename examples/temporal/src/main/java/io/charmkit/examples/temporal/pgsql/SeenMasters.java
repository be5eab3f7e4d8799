package io.charmkit.examples.temporal.pgsql;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link PgsqlRequirer} remembers between dispatches (as ops-lib-pgsql's {@code rels}): the
 * raw {@code master} last seen per relation id, so that {@code masterChanged} fires only on a
 * change.
 *
 * @param masters raw master strings by relation id
 */
public record SeenMasters(Map<String, String> masters) {

  /** Copies the map. */
  public SeenMasters {
    masters = Collections.unmodifiableMap(new TreeMap<>(masters == null ? Map.of() : masters));
  }

  /** Nothing seen yet. */
  static SeenMasters none() {
    return new SeenMasters(Map.of());
  }

  /** This record with {@code master} for relation {@code id}; empty forgets it. */
  SeenMasters with(int id, String master) {
    Map<String, String> next = new TreeMap<>(masters);
    if (master.isEmpty()) {
      next.remove(Integer.toString(id));
    } else {
      next.put(Integer.toString(id), master);
    }
    return new SeenMasters(next);
  }

  /** The master last seen on relation {@code id}, empty if none. */
  String of(int id) {
    return masters.getOrDefault(Integer.toString(id), "");
  }

  /** Only the relation ids: the strings hold passwords. */
  @Override
  public String toString() {
    return "SeenMasters" + masters.keySet();
  }
}
