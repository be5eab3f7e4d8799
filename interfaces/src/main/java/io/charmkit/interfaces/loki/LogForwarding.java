package io.charmkit.interfaces.loki;

import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.LogTarget;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.schema.topology.JujuTopology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Forwards a container's logs to Loki units through Pebble log targets (PRODUCTS.md §1.8), the way
 * the loki_push_api library's Pebble log client does for {@code LogForwarder} (a charm's own
 * workloads) and the worker's {@code ManualLogForwarder} (the Loki units its coordinator names):
 * one {@code loki} target per Loki unit under the layer {@code <container>-log-forwarding}, with
 * the unit's Juju topology as labels, and a target whose unit is gone switched off with {@code
 * services: [-all]} (Pebble cannot drop a target from a plan).
 */
public final class LogForwarding {
  private static final String REMOVED_LOCATION = "(removed)";

  private LogForwarding() {}

  /**
   * Returns the layer label the targets live under.
   *
   * @param container the container's name
   * @return {@code <container>-log-forwarding}
   */
  public static String label(String container) {
    return container + "-log-forwarding";
  }

  /**
   * Returns the targets to add so that exactly {@code endpoints} receive logs, or empty when the
   * plan already says so.
   *
   * @param plan the container's plan
   * @param endpoints Loki unit name to push URL, each checked with {@link LokiPushUrl}; empty to
   *     disable every target
   * @param topology this unit's topology, for the labels
   * @return the layer to add with {@code combine}, if anything changes
   */
  public static Optional<Layer> changes(
      Plan plan, Map<String, String> endpoints, JujuTopology topology) {
    Map<String, LogTarget> wanted = new TreeMap<>();
    plan.logTargets()
        .forEach(
            (name, target) -> {
              if (!target.services().contains("-all") && !endpoints.containsKey(name)) {
                wanted.put(
                    name,
                    new LogTarget("replace", "loki", REMOVED_LOCATION, List.of("-all"), null));
              }
            });
    endpoints.forEach(
        (name, url) ->
            wanted.put(
                name, new LogTarget("replace", "loki", url, List.of("all"), labels(topology))));
    wanted.entrySet().removeIf(e -> e.getValue().equals(plan.logTargets().get(e.getKey())));
    return wanted.isEmpty()
        ? Optional.empty()
        : Optional.of(new Layer(null, null, null, null, wanted));
  }

  private static Map<String, String> labels(JujuTopology t) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("product", "Juju");
    labels.put("charm", t.charmName());
    labels.put("juju_model", t.model());
    labels.put("juju_model_uuid", t.modelUuid());
    labels.put("juju_application", t.application());
    labels.put("juju_unit", t.unit());
    labels.put("job", "juju_" + t.identifier());
    return labels;
  }
}
