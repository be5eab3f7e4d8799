package io.charmkit.clustertesting;

import io.charmkit.ops.Charm;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A worker charm under test, unit 0 of {@code app} in the model {@code cos} (UUID {@link
 * #MODEL_UUID}), and the coordinator it is related to: builds the host, the cluster relation
 * carrying the coordinator's {@link CoordinatorAppData} and the leader's state with the workload
 * container whose image holds {@code executable}.
 *
 * @param app the worker application's name, e.g. {@code mimir-worker}
 * @param endpoint the worker's cluster endpoint, e.g. {@code mimir-cluster}
 * @param coordinator the coordinator application's name, e.g. {@code mimir}
 * @param container the workload container's name, e.g. {@code mimir}
 * @param executable the workload binary in the container's image, e.g. {@code /bin/mimir}
 */
public record WorkerUnderTest(
    String app, String endpoint, String coordinator, String container, String executable) {

  /** The UUID of the model {@code cos} the worker runs in. */
  public static final String MODEL_UUID = "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4";

  /**
   * Returns the FQDN of the worker's unit 0.
   *
   * @return the FQDN
   */
  public String fqdn() {
    return FixedHost.podFqdn(app, 0);
  }

  /**
   * Returns the worker's host: {@link FixedHost} at {@link #fqdn()}.
   *
   * @return the host
   */
  public HostEnvironment host() {
    return FixedHost.of(fqdn());
  }

  /**
   * Returns a context that runs the charm {@code charm} builds as {@link #app()}, on {@link
   * #host()}.
   *
   * @param charm the charm's test constructor, taking the framework and the host
   * @param metadata the charm's metadata
   * @return the context
   */
  public Context context(
      BiFunction<Framework, HostEnvironment, ? extends Charm> charm, CharmMetadata metadata) {
    HostEnvironment host = host();
    return new Context(fw -> charm.apply(fw, host), metadata).withAppName(app);
  }

  /**
   * Returns the cluster relation on which the coordinator published {@code data}. Fields the codec
   * writes as empty strings are left out, as the Python coordinator leaves them out.
   *
   * @param data the coordinator's application databag
   * @return the relation
   */
  public Relation cluster(CoordinatorAppData data) {
    Map<String, String> bag = new HashMap<>(CoordinatorAppData.CODEC.write(data));
    bag.values().removeIf(String::isEmpty);
    return Relation.of(endpoint).withRemoteApp(coordinator).withRemoteAppData(bag);
  }

  /**
   * Returns the cluster relation on which the coordinator published only {@code workerConfig}.
   *
   * @param workerConfig the workers' configuration YAML
   * @return the relation
   */
  public Relation cluster(String workerConfig) {
    return cluster(CoordinatorAppData.builder(workerConfig).build());
  }

  /**
   * Returns the leader's state: the given role options, the cluster relation and the reachable
   * workload container.
   *
   * @param cluster the cluster relation
   * @param roles the worker's config, e.g. {@code role-all: true}
   * @return the state
   */
  public State state(Relation cluster, Map<String, Object> roles) {
    return stateBuilder(cluster, roles).build();
  }

  /**
   * Returns the builder behind {@link #state}, for tests that add more to the state.
   *
   * @param cluster the cluster relation
   * @param roles the worker's config
   * @return the builder
   */
  public State.Builder stateBuilder(Relation cluster, Map<String, Object> roles) {
    return State.builder()
        .leader(true)
        .model("cos", MODEL_UUID)
        .config(roles)
        .relation(cluster)
        .container(Container.connected(container).withExecutables(executable));
  }

  /**
   * Returns the workload container as the dispatch left it.
   *
   * @param out the outcome of a dispatch
   * @return the container
   */
  public Container workload(Outcome out) {
    return out.state().container(container).orElseThrow();
  }
}
