package io.charmkit.coordinator.ring;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The memberlist gossip ring every product's rings use (PRODUCTS.md §1.11): every worker, whatever
 * its role, joins through every other worker's address.
 */
public final class Memberlist {

  /** The memberlist port on every worker. */
  public static final int PORT = 7946;

  /** The {@code kvstore.store} value of every ring. */
  public static final String KV_STORE = "memberlist";

  private Memberlist() {}

  /**
   * Returns Tempo's and Pyroscope's {@code join_members}: {@code address:7946}, sorted.
   *
   * @param addresses every worker address, in any order
   * @return the members
   */
  public static List<String> joinMembersWithPort(Collection<String> addresses) {
    return new TreeSet<>(addresses).stream().map(address -> address + ":" + PORT).toList();
  }

  /**
   * Returns Loki's and Mimir's {@code join_members}: the bare addresses, sorted (the products'
   * default port applies).
   *
   * @param addresses every worker address, in any order
   * @return the members
   */
  public static List<String> joinMembers(Collection<String> addresses) {
    return List.copyOf(new TreeSet<>(addresses));
  }
}
