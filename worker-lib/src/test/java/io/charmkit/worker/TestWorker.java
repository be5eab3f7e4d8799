package io.charmkit.worker;

import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Service;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small product worker: one service running the enabled roles, a readiness URL, two legacy ports.
 */
final class TestWorker extends WorkerCharm {
  static final String CONTAINER = "workload";

  /**
   * The workload image's {@code update-ca-certificates}, as the Tempo and Pyroscope images have.
   */
  static final io.charmkit.testing.ExecResult UPDATE_CA =
      io.charmkit.testing.ExecResult.ok(java.util.List.of("update-ca-certificates"), "");

  static final String ENDPOINT = "cluster";
  static final String FQDN = "test-worker-0.test-worker-endpoints.test.svc.cluster.local";

  static final String METADATA =
      """
      name: test-worker-k8s
      requires:
        cluster:
          interface: test_cluster
          limit: 1
      containers:
        workload:
          resource: workload-image
      """;

  static final String CONFIG =
      """
      options:
        role-write:
          type: boolean
          default: false
        role-all:
          type: boolean
          default: true
        role-read:
          type: boolean
          default: false
        log-level:
          type: string
          default: info
      """;

  static final CharmMetadata META = CharmMetadata.parse(METADATA, CONFIG, null);

  private final Runnable onLayer;

  TestWorker(Framework framework, HostEnvironment environment) {
    this(framework, environment, () -> {});
  }

  /** A worker that calls {@code onLayer} each time the base asks for its layer (a render). */
  TestWorker(Framework framework, HostEnvironment environment, Runnable onLayer) {
    super(framework, CONTAINER, ENDPOINT, environment);
    this.onLayer = onLayer;
  }

  /** An environment with the test FQDN, the given variables and a clock that never waits. */
  static HostEnvironment environment(Map<String, String> env, ManualClock clock) {
    return new HostEnvironment(
        () -> FQDN, env, () -> "127.0.0.1", () -> false, clock, clock.sleeper());
  }

  static HostEnvironment environment() {
    return environment(Map.of(), new ManualClock());
  }

  @Override
  protected Optional<Layer> layer() {
    onLayer.run();
    Service service =
        Service.builder(
                "/bin/workload -config "
                    + WorkerFiles.CONFIG
                    + " -roles "
                    + String.join(",", roles()))
            .startup("enabled")
            .build();
    return Optional.of(Layer.of("test workload", Map.of("workload", service)));
  }

  @Override
  protected Optional<String> readinessUrl() {
    return Optional.of("http://" + address() + ":8080/ready");
  }

  @Override
  protected Set<Integer> legacyPorts() {
    return Set.of(8080, 9090);
  }
}
