package io.charmkit.testing.juju;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A relation between two application endpoints (or a peer relation of one). Holds the committed
 * databags, keyed by unit or application name (unambiguous: only unit names contain {@code /}),
 * and, per unit, the remote units it has seen join ({@code relation-list}).
 */
final class Relation {
  final int id;
  final String appA;
  final String endpointA;
  final String appB;
  final String endpointB;
  final String interfaceName;

  Map<String, Map<String, String>> bags = new TreeMap<>();
  final Map<String, TreeSet<String>> members = new TreeMap<>();

  /** Units that have run relation-broken (or were removed): the relation is gone for them. */
  final Set<String> left = new HashSet<>();

  boolean dying;

  Relation(int id, String appA, String endpointA, String appB, String endpointB, String iface) {
    this.id = id;
    this.appA = appA;
    this.endpointA = endpointA;
    this.appB = appB;
    this.endpointB = endpointB;
    this.interfaceName = iface;
  }

  boolean isPeer() {
    return appA.equals(appB);
  }

  boolean involves(String app) {
    return appA.equals(app) || appB.equals(app);
  }

  /** The endpoint name on {@code app}'s side. */
  String endpointOf(String app) {
    return appA.equals(app) ? endpointA : endpointB;
  }

  /** The other application (the same one for a peer relation). */
  String remoteApp(String app) {
    return appA.equals(app) ? appB : appA;
  }

  /** What {@code JUJU_RELATION_ID} holds for {@code app}'s units, e.g. {@code db:3}. */
  String ref(String app) {
    return endpointOf(app) + ":" + id;
  }

  /** Juju's key for the relation, e.g. {@code consumer:db provider:db} (peers: one endpoint). */
  String key() {
    return isPeer()
        ? appA + ":" + endpointA
        : appA + ":" + endpointA + " " + appB + ":" + endpointB;
  }

  TreeSet<String> membersOf(String unit) {
    return members.computeIfAbsent(unit, u -> new TreeSet<>());
  }

  static Map<String, Map<String, String>> copyBags(Map<String, Map<String, String>> bags) {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    bags.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
    return copy;
  }
}
