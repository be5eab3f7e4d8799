package io.charmkit.cosstandin;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the stand-in received from the charms it monitors, as its status shows it.
 *
 * @param jobs the scrape jobs of every related {@code metrics-endpoint} provider
 * @param ruleGroups their alert rule groups
 * @param unitAddresses their units that published a scrape address
 * @param dashboards the dashboards of every related {@code grafana-dashboard} provider
 * @param traceReceivers the receiver protocols the related {@code tracing} requirers asked for
 * @param logSenders the applications related on {@code logging}
 * @param problems remote bags that did not validate, one line each
 */
public record Received(
    int jobs,
    int ruleGroups,
    int unitAddresses,
    int dashboards,
    SortedSet<String> traceReceivers,
    int logSenders,
    List<String> problems) {

  /** Copies the collections, so the record stays a value. */
  public Received {
    traceReceivers = Collections.unmodifiableSortedSet(new TreeSet<>(traceReceivers));
    problems = List.copyOf(problems);
  }

  /**
   * The status line: every count, e.g. {@code jobs=2 rule-groups=3 unit-addresses=1 dashboards=1
   * traces=otlp_http log-senders=1} ({@code traces=none} when nobody asked).
   *
   * @return the summary
   */
  public String summary() {
    return "jobs="
        + jobs
        + " rule-groups="
        + ruleGroups
        + " unit-addresses="
        + unitAddresses
        + " dashboards="
        + dashboards
        + " traces="
        + (traceReceivers.isEmpty() ? "none" : String.join(",", traceReceivers))
        + " log-senders="
        + logSenders;
  }
}
