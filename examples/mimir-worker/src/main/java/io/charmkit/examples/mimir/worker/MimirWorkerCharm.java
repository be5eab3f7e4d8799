package io.charmkit.examples.mimir.worker;

import io.charmkit.interfaces.cluster.WorkloadProcess;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.worker.RestartPolicy;
import io.charmkit.worker.WorkerCharm;
import io.charmkit.worker.WorkerFiles;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * mimir-worker-k8s: runs one or more Grafana Mimir components, configured by the Mimir coordinator
 * over {@code mimir-cluster} (PRODUCTS.md §5). Meta-roles ({@code read}, {@code write}, {@code
 * backend}, {@code all}) pass straight to {@code -target}: Mimir expands them itself.
 */
public final class MimirWorkerCharm extends WorkerCharm {

  /** The program of the upstream image ({@code ubuntu/mimir}). */
  static final String PROGRAM = "/bin/mimir";

  /** Mimir's HTTP port. */
  static final int HTTP_PORT = 8080;

  /** What a worker opens when the coordinator publishes no {@code worker_ports}. */
  static final Set<Integer> LEGACY_PORTS = Set.of(HTTP_PORT);

  /**
   * Creates the charm for a dispatch.
   *
   * @param framework the dispatch's framework
   */
  public MimirWorkerCharm(Framework framework) {
    this(framework, HostEnvironment.system());
  }

  MimirWorkerCharm(Framework framework, HostEnvironment environment) {
    super(framework, "mimir", "mimir-cluster", environment);
  }

  @Override
  protected Optional<Layer> layer() {
    // Sorted, so that enabling the same roles in another order does not change the plan.
    String target = String.join(",", roles().stream().sorted().toList());
    return Optional.of(
        WorkloadProcess.of(
                "mimir",
                "mimir",
                "mimir worker daemon",
                PROGRAM
                    + " --config.file="
                    + WorkerFiles.CONFIG
                    + " -target "
                    + target
                    + " -auth.multitenancy-enabled=false")
            .withEnvironment(jaegerTracingEnvironment())
            .workerLayer());
  }

  /** Mimir serves HTTP over TLS when the coordinator sent a certificate. */
  @Override
  protected Optional<String> readinessUrl() {
    String scheme = cluster().tls().isPresent() ? "https" : "http";
    return Optional.of(scheme + "://" + address() + ":" + HTTP_PORT + "/ready");
  }

  /** The Python charm waits up to two minutes, every five seconds, for Mimir to start. */
  @Override
  protected RestartPolicy restartPolicy() {
    return new RestartPolicy(Duration.ofSeconds(120), Duration.ofSeconds(5));
  }

  @Override
  protected Set<Integer> legacyPorts() {
    return LEGACY_PORTS;
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(MimirWorkerCharm::new);
  }
}
