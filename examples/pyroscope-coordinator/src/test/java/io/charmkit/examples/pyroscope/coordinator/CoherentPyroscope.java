package io.charmkit.examples.pyroscope.coordinator;

import io.charmkit.testing.Container;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.LinkedHashMap;
import java.util.Map;

/** The state the Pyroscope coordinator tests start from once the cluster is coherent. */
final class CoherentPyroscope {
  private CoherentPyroscope() {}

  /**
   * Returns a leader with both containers reachable, one role-all worker application (the cluster
   * coherent) and a complete s3 relation.
   *
   * @param model the model name
   * @param uuid the model UUID
   * @return the state, to add relations to
   */
  static State.Builder state(String model, String uuid) {
    Map<String, String> unit =
        Map.of(
            "juju_topology",
            "{\"application\": \"pyro\", \"unit\": \"pyro/0\", \"charm_name\": \"pyroscope-worker-k8s\"}",
            "address",
            "\"pyro-0.pyro-endpoints.cos.svc.cluster.local\"");
    Map<Integer, Map<String, String>> units = new LinkedHashMap<>();
    units.put(0, unit);
    return State.builder()
        .leader(true)
        .model(model, uuid)
        .container(Container.connected("nginx").withExecutables("/usr/sbin/nginx"))
        .container(
            Container.connected("nginx-prometheus-exporter")
                .withExecutables("/usr/bin/nginx-prometheus-exporter"))
        .relation(
            Relation.of("pyroscope-cluster")
                .withId(1)
                .withRemoteApp("pyro")
                .withRemoteAppData(Map.of("role", "\"all\""))
                .withRemoteUnitsData(units))
        .relation(
            Relation.of("s3")
                .withId(2)
                .withRemoteApp("s3")
                .withRemoteAppData(
                    Map.of(
                        "endpoint", "http://s3:9000",
                        "bucket", "profiles",
                        "access-key", "AK",
                        "secret-key", "SK")));
  }
}
