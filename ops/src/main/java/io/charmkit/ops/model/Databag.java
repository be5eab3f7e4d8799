package io.charmkit.ops.model;

import io.charmkit.ops.hooktools.RelationNotFoundException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One relation databag: the string-to-string map that a unit or application owns in a relation.
 *
 * <p>Reads are lazy: the bag is fetched with one {@code relation-get} on first read and cached for
 * the dispatch. Writes are buffered: nothing reaches Juju until the runtime commits at the end of a
 * successful dispatch, when a bag that changed is flushed with a single {@code relation-set}
 * carrying only the keys whose values differ from what was read. Writing {@code ""} (or {@link
 * #remove}) deletes a key. The unit sees its own writes at once.
 *
 * <p>Juju's permission rules are checked before any tool runs, and a violation throws {@link
 * RelationDataAccessException}.
 */
public final class Databag {
  private final Relation relation;
  private final String owner;
  private final boolean app;
  private Map<String, String> loaded;
  private final Map<String, String> pending = new LinkedHashMap<>();

  Databag(Relation relation, String owner, boolean app) {
    this.relation = relation;
    this.owner = owner;
    this.app = app;
  }

  /** The unit or application that owns this bag. */
  public String owner() {
    return owner;
  }

  /** Whether this is an application bag. */
  public boolean isApplicationBag() {
    return app;
  }

  /** The value of {@code key}, if set. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(asMap().get(key));
  }

  /** Every key and value, with this dispatch's own writes applied; sorted by key. */
  public Map<String, String> asMap() {
    checkReadable();
    Map<String, String> view = new TreeMap<>(load());
    for (Map.Entry<String, String> e : pending.entrySet()) {
      if (e.getValue().isEmpty()) {
        view.remove(e.getKey());
      } else {
        view.put(e.getKey(), e.getValue());
      }
    }
    return Collections.unmodifiableMap(view);
  }

  /** Whether the bag holds no keys. */
  public boolean isEmpty() {
    return asMap().isEmpty();
  }

  /** Sets {@code key}; an empty value deletes it. */
  public void put(String key, String value) {
    checkWritable();
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("relation data keys must be non-empty strings");
    }
    if (value == null) {
      throw new IllegalArgumentException(
          "relation data values must be strings; write \"\" to delete '" + key + "'");
    }
    pending.put(key, value);
  }

  /** Sets every entry; empty values delete their keys. */
  public void putAll(Map<String, String> entries) {
    entries.forEach(this::put);
  }

  /** Deletes {@code key}. */
  public void remove(String key) {
    put(key, "");
  }

  /**
   * The keys to send at commit: each pending key whose value differs from what Juju holds. Empty
   * when nothing changed, so the runtime writes nothing.
   */
  Map<String, String> changes() {
    if (pending.isEmpty()) {
      return Map.of();
    }
    Map<String, String> current = load();
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : pending.entrySet()) {
      String was = current.get(e.getKey());
      String now = e.getValue();
      boolean changed = now.isEmpty() ? was != null : !now.equals(was);
      if (changed) {
        out.put(e.getKey(), now);
      }
    }
    return out;
  }

  /** Folds the flushed changes into what was read, after a successful {@code relation-set}. */
  void committed(Map<String, String> flushed) {
    Map<String, String> next = new LinkedHashMap<>(load());
    flushed.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            next.remove(k);
          } else {
            next.put(k, v);
          }
        });
    loaded = next;
    pending.clear();
  }

  private Map<String, String> load() {
    if (loaded == null) {
      Model model = relation.model();
      try {
        loaded = model.tools().relationGet(relation.ref(), owner, app);
      } catch (RelationNotFoundException e) {
        // During relation-broken the relation may already be gone: ops reads that as empty.
        loaded = Map.of();
      }
    }
    return loaded;
  }

  private void checkReadable() {
    Model model = relation.model();
    if (relation.isPeer() && model.installing()) {
      throw new RelationDataAccessException(
          "peer relation data of "
              + relation
              + " cannot be read during install; wait for a later event");
    }
    if (app && owner.equals(model.app().name()) && !relation.isPeer() && !model.isLeader()) {
      throw new RelationDataAccessException(
          model.unit().name() + " is not leader and cannot read its own application databag");
    }
  }

  private void checkWritable() {
    Model model = relation.model();
    if (relation.isPeer() && model.installing()) {
      throw new RelationDataAccessException(
          "peer relation data of "
              + relation
              + " cannot be written during install; wait for a later event");
    }
    if (app) {
      if (!owner.equals(model.app().name())) {
        throw new RelationDataAccessException(
            "the application databag of "
                + owner
                + " in "
                + relation
                + " is read-only: it is "
                + "the remote application's");
      }
      if (!model.isLeader()) {
        throw new RelationDataAccessException(
            model.unit().name()
                + " is not leader and cannot write its application databag in "
                + relation);
      }
    } else if (!owner.equals(model.unit().name())) {
      throw new RelationDataAccessException(
          model.unit().name()
              + " cannot write the databag of unit "
              + owner
              + " in "
              + relation
              + ": a unit writes only its own");
    }
  }

  @Override
  public String toString() {
    return (app ? "application" : "unit") + " databag of " + owner + " in " + relation;
  }
}
