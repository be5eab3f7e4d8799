package io.charmkit.interfaces.cluster;

import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.topology.WorkerTopology;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The remote data of one cluster relation, as Juju stores it: the worker application's bag and each
 * remote unit's bag, raw strings. {@link ClusterProvider#gather()} reads these from the model and
 * {@link ClusterView#read} turns them into a {@link WorkerRelation}; benchmarks and tests that need
 * a cluster without a model hand bags to the same {@link ClusterView#read}, so there is one
 * gathering path.
 *
 * @param relationId the relation id
 * @param app the remote application's name, if Juju names it
 * @param appBag the remote application's bag (empty when there is no application)
 * @param unitBags each remote unit's name and bag, in any order; a unit that has published nothing
 *     has only Juju's own keys, or none
 */
public record WorkerBags(
    int relationId,
    Optional<String> app,
    Map<String, String> appBag,
    Map<String, Map<String, String>> unitBags) {

  /** Copies the bags. */
  public WorkerBags {
    appBag = Map.copyOf(appBag);
    Map<String, Map<String, String>> units = new LinkedHashMap<>();
    unitBags.forEach((unit, bag) -> units.put(unit, Map.copyOf(bag)));
    unitBags = Collections.unmodifiableMap(units);
  }

  /**
   * Returns the bags a worker application writes when it publishes {@code role} and each of its
   * units one address: unit number {@code i} of {@code app} publishes the {@code i}-th address,
   * with the application's name as its charm name. For building a cluster without a model; the
   * relation id is 0.
   *
   * @param app the worker application's name
   * @param role the published roles, comma-joined, e.g. {@code all} or {@code querier,ingester}
   * @param addresses one address per unit
   * @return the bags
   */
  public static WorkerBags of(String app, String role, String... addresses) {
    Map<String, Map<String, String>> units = new LinkedHashMap<>();
    for (int i = 0; i < addresses.length; i++) {
      String unit = app + "/" + i;
      units.put(
          unit,
          WorkerUnitData.CODEC.write(
              new WorkerUnitData(new WorkerTopology(app, unit, app), addresses[i])));
    }
    return new WorkerBags(
        0, Optional.of(app), WorkerAppData.CODEC.write(new WorkerAppData(role)), units);
  }
}
