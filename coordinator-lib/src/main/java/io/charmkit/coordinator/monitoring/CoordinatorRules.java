package io.charmkit.coordinator.monitoring;

import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.WorkerUnit;
import io.charmkit.interfaces.rules.RuleFiles;
import io.charmkit.interfaces.rules.RuleTopology;
import io.charmkit.schema.scrape.RuleGroup;
import io.charmkit.schema.topology.JujuTopology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The alert rules a coordinator forwards (coordinated-workers' {@code _consolidate_alert_rules}
 * followed by the library's loading): its packaged {@code workers/} rules once per worker
 * application, localised to that application (so an alert names the worker, not the coordinator),
 * and its {@code nginx/} rules localised to the coordinator, in the order of the file names the
 * Python coordinator writes them to ({@code consolidated_<app>.rules} beside the nginx files), then
 * the library's {@code HostHealth} group.
 *
 * <p>The Python coordinator passes each worker's rules through {@code yaml.dump}, which sorts every
 * mapping, before the library reads them back; the worker rules come out with their keys sorted as
 * they do there.
 */
public final class CoordinatorRules {
  /** The packaged rules directory, relative to the charm's root. */
  public static final String DIRECTORY = "src/prometheus_alert_rules";

  private CoordinatorRules() {}

  /**
   * Returns the rules.
   *
   * @param rulesDir the charm's {@link #DIRECTORY}
   * @param cluster the gathered cluster
   * @param coordinator the coordinator's topology
   * @return the groups
   */
  public static List<RuleGroup> of(Path rulesDir, ClusterView cluster, JujuTopology coordinator) {
    // File name to its groups: the directory the Python coordinator consolidates into, in order.
    Map<String, List<RuleGroup>> files = new TreeMap<>();
    List<RuleFiles.RuleFile> workerFiles = RuleFiles.read(rulesDir.resolve("workers"), false);
    Set<String> apps = new LinkedHashSet<>();
    for (WorkerUnit unit : cluster.units()) {
      if (!apps.add(unit.topology().application())) {
        continue;
      }
      JujuTopology worker = unit.topology().inModel(coordinator.model(), coordinator.modelUuid());
      List<RuleGroup> groups = new ArrayList<>();
      for (RuleGroup group : RuleTopology.apply(workerFiles, worker)) {
        groups.add(RuleTopology.sortedKeys(group));
      }
      if (!groups.isEmpty()) {
        files.put("consolidated_" + unit.topology().application() + ".rules", groups);
      }
    }
    for (RuleFiles.RuleFile file : RuleFiles.read(rulesDir.resolve("nginx"), false)) {
      files.put(file.fileName(), file.groups());
    }
    List<RuleGroup> out = new ArrayList<>();
    String prefix = coordinator.identifier();
    // The library reads them all with the coordinator's topology: the worker groups keep their
    // names and labels (already localised), the nginx groups become the coordinator's.
    files
        .values()
        .forEach(
            groups -> groups.forEach(g -> out.add(RuleTopology.apply(g, prefix, coordinator))));
    out.add(RuleTopology.apply(RuleTopology.hostHealth(), prefix, coordinator));
    return out;
  }
}
