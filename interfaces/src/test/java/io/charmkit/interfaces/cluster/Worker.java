package io.charmkit.interfaces.cluster;

import io.charmkit.interfaces.topology.Topologies;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import java.util.List;
import java.util.function.Consumer;

/** A minimal worker: logs the endpoint's events and runs the given reconcile on every hook. */
final class Worker extends Charm {
  static final String METADATA =
      """
      name: tempo-worker-k8s
      requires:
        tempo-cluster:
          interface: tempo_cluster
          limit: 1
      """;

  static final String ENDPOINT = "tempo-cluster";
  static final String FQDN = "tempo-worker-0.tempo-worker-endpoints.cos.svc.cluster.local";

  /** Publishes role {@code all}, the FQDN and the topology, as a default worker does. */
  static final Consumer<ClusterRequirer> PUBLISH_ALL =
      c -> c.publish(List.of("all"), FQDN, Topologies.fromModel(c.model()).forWorker());

  final ClusterRequirer cluster;

  Worker(Framework framework, Consumer<ClusterRequirer> reconcile, List<String> events) {
    super(framework);
    cluster = new ClusterRequirer(this, ENDPOINT);
    observe(
        cluster.configReceived(), e -> events.add("config_received " + e.payload().relationId()));
    observe(cluster.removed(), e -> events.add("removed " + e.payload().relationId()));
    on().everyHook().forEach(source -> observe(source, e -> reconcile.accept(cluster)));
  }
}
