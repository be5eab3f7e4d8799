package io.charmkit.coordinator;

import io.charmkit.interfaces.WorkloadFault;
import io.charmkit.interfaces.loki.LogForwarding;
import io.charmkit.interfaces.loki.LokiPushApiRequirer;
import io.charmkit.interfaces.topology.Topologies;
import io.charmkit.ops.model.Container;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PebbleException;
import io.charmkit.schema.topology.JujuTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's own workload logs (nginx, the exporter, any container it declares) forwarded to
 * every Loki unit on its loki_push_api endpoint, as coordinated-workers' {@code LogForwarder} does:
 * a {@code <container>-log-forwarding} layer per reachable container, refreshed on every reconcile
 * whatever the state of the cluster, every target switched off ({@code services: [-all]}) once its
 * Loki unit or the whole relation is gone. A container that is not reachable yet is done on a later
 * event (pebble-ready among them).
 */
final class CoordinatorLogForwarding {
  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorLogForwarding.class);

  private CoordinatorLogForwarding() {}

  /**
   * Brings every reachable container's log targets in line with the related Loki units.
   *
   * @param model the charm's model
   * @param loki the logging endpoint; nothing is done when the charm does not declare it
   * @return what Pebble refused, one fault per container
   */
  static List<WorkloadFault> reconcile(Model model, LokiPushApiRequirer loki) {
    List<WorkloadFault> faults = new ArrayList<>();
    if (!loki.declared()) {
      return faults;
    }
    JujuTopology topology = Topologies.fromModel(model);
    loki.publish(topology);
    for (String name : model.metadata().containers()) {
      Container container = model.container(name);
      if (!container.canConnect()) {
        continue;
      }
      try {
        Optional<Layer> changes =
            LogForwarding.changes(container.pebble().plan(), loki.endpoints(), topology);
        if (changes.isPresent()) {
          container.pebble().addLayer(LogForwarding.label(name), changes.get(), true);
          LOG.info("{} logs now go to {}", name, loki.endpoints().keySet());
        }
      } catch (PebbleException e) {
        WorkloadFault fault = WorkloadFault.of(name, "cannot forward the logs", e);
        LOG.error("{}; the next event tries again", fault.status());
        faults.add(fault);
      }
    }
    return faults;
  }
}
