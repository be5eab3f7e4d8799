package io.charmkit.examples.pyroscope.coordinator;

import io.charmkit.clustertesting.NginxContainers;
import io.charmkit.clustertesting.S3Bucket;
import io.charmkit.clustertesting.WorkerRelations;
import io.charmkit.testing.State;

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
    return State.builder()
        .leader(true)
        .model(model, uuid)
        .container(NginxContainers.NGINX)
        .container(NginxContainers.EXPORTER)
        .relation(
            new WorkerRelations("pyroscope-cluster", "pyroscope-worker-k8s")
                .relation(1, "pyro", "all", 1))
        .relation(new S3Bucket("http://s3:9000", "profiles", "AK", "SK").relation(2, "s3"));
  }
}
