package io.charmkit.clustertesting;

import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.topology.WorkerTopology;
import io.charmkit.testing.Relation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Worker applications on a coordinator's cluster endpoint, as a coordinator under test sees them:
 * each relation carries the worker leader's {@link WorkerAppData} and every unit's {@link
 * WorkerUnitData}, written by the schema's codecs exactly as the Python worker writes them. The
 * units live in the model {@code cos} at {@link FixedHost#podFqdn}.
 *
 * @param endpoint the coordinator's cluster endpoint, e.g. {@code mimir-cluster}
 * @param charmName the worker charm's metadata name the units report, e.g. {@code mimir-worker-k8s}
 */
public record WorkerRelations(String endpoint, String charmName) {

  /**
   * Returns worker application {@code app} related to the coordinator as relation {@code id},
   * publishing {@code role} (comma-joined roles, as published) and {@code units} units numbered
   * from 0, each with a valid bag.
   *
   * @param id the relation id
   * @param app the worker application's name
   * @param role the published role field, e.g. {@code all} or {@code querier,ingester}
   * @param units how many units the application has
   * @return the relation
   */
  public Relation relation(int id, String app, String role, int units) {
    Map<Integer, Map<String, String>> bags = new LinkedHashMap<>();
    for (int n = 0; n < units; n++) {
      bags.put(n, unitBag(app, n));
    }
    return Relation.of(endpoint)
        .withId(id)
        .withRemoteApp(app)
        .withRemoteAppData(WorkerAppData.CODEC.write(new WorkerAppData(role)))
        .withRemoteUnitsData(bags);
  }

  /**
   * Returns the bag unit {@code n} of {@code app} writes: its topology and its pod FQDN.
   *
   * @param app the worker application's name
   * @param n the unit number
   * @return the bag, keys in the worker's order
   */
  public Map<String, String> unitBag(String app, int n) {
    WorkerTopology topology = new WorkerTopology(app, app + "/" + n, charmName);
    return WorkerUnitData.CODEC.write(new WorkerUnitData(topology, FixedHost.podFqdn(app, n)));
  }
}
