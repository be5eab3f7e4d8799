package io.charmkit.ops.hooktools;

import java.util.Map;

/**
 * What {@code goal-state} reports: the units of this application and the remote members of each
 * endpoint, each with its goal status.
 *
 * @param units this application's units by name
 * @param relations per endpoint, the remote applications and units by name
 */
public record GoalState(Map<String, Entry> units, Map<String, Map<String, Entry>> relations) {

  /**
   * One member's goal status.
   *
   * @param status {@code active}, {@code waiting}, {@code dying}, …
   * @param since when it entered that status
   */
  public record Entry(String status, String since) {}
}
