package io.charmkit.interfaces.cluster;

import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import java.util.function.Consumer;

/** A minimal coordinator: runs the given reconcile on every hook, holistically. */
final class Coordinator extends Charm {
  static final String METADATA =
      """
      name: tempo-coordinator-k8s
      provides:
        tempo-cluster:
          interface: tempo_cluster
      """;

  static final String ENDPOINT = "tempo-cluster";

  /** Tempo's roles: {@code all} stands for the six others and is not a role of its own. */
  static final RolesTable TEMPO = RolesTable.TEMPO;

  final ClusterProvider cluster;

  Coordinator(Framework framework, Consumer<ClusterProvider> reconcile) {
    super(framework);
    cluster = new ClusterProvider(this, ENDPOINT, TEMPO);
    on().everyHook().forEach(source -> observe(source, e -> reconcile.accept(cluster)));
  }
}
