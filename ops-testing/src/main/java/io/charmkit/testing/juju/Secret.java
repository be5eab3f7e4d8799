package io.charmkit.testing.juju;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Juju secret in the model: owner, owner-side metadata, every revision's content, grants per
 * relation, and each consumer unit's label and tracked revision. Mutable; a hook works on a copy
 * that replaces the committed one only when the hook succeeds.
 */
final class Secret {
  final String id;
  final String ownerApp;

  /** The owning unit, or null when the application owns the secret. */
  final String ownerUnit;

  String label;
  String description;
  String expire;
  String rotate;
  final List<Map<String, String>> revisions = new ArrayList<>();

  /** Relation id to the grantee names (application or unit names). */
  final Map<Integer, TreeSet<String>> grants = new TreeMap<>();

  /** Consumer unit name to what it sees. */
  final Map<String, Consumer> consumers = new TreeMap<>();

  /** A consumer's label for the secret and the revision it tracks. */
  record Consumer(String label, int revision) {}

  Secret(String id, String ownerApp, String ownerUnit) {
    this.id = id;
    this.ownerApp = ownerApp;
    this.ownerUnit = ownerUnit;
  }

  /** The URI form charms see, {@code secret:<id>}. */
  String uri() {
    return "secret:" + id;
  }

  int latestRevision() {
    return revisions.size();
  }

  Map<String, String> content(int revision) {
    return revisions.get(revision - 1);
  }

  /** The content of {@code revision}; empty when it was removed or never existed. */
  Map<String, String> contentOrEmpty(int revision) {
    Map<String, String> c = revision < 1 ? null : content(revision);
    return c == null ? Map.of() : c;
  }

  /** Everything that can change, for telling whether a hook changed this secret. */
  List<Object> fingerprint() {
    return java.util.Arrays.asList(
        label, description, expire, rotate, revisions, grants, consumers);
  }

  Secret copy() {
    Secret c = new Secret(id, ownerApp, ownerUnit);
    c.label = label;
    c.description = description;
    c.expire = expire;
    c.rotate = rotate;
    for (Map<String, String> r : revisions) {
      c.revisions.add(r == null ? null : new LinkedHashMap<>(r));
    }
    grants.forEach((k, v) -> c.grants.put(k, new TreeSet<>(v)));
    c.consumers.putAll(consumers);
    return c;
  }
}
