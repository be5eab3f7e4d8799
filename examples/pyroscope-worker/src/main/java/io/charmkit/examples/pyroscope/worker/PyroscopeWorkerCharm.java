package io.charmkit.examples.pyroscope.worker;

import io.charmkit.interfaces.cluster.WorkloadProcess;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.worker.WorkerCharm;
import io.charmkit.worker.WorkerFiles;
import java.util.Optional;

/**
 * pyroscope-worker-k8s: runs one or more Grafana Pyroscope roles, configured by the Pyroscope
 * coordinator over {@code pyroscope-cluster} (PRODUCTS.md §3).
 */
public final class PyroscopeWorkerCharm extends WorkerCharm {

  /** Pyroscope's HTTP port (gRPC shares it). */
  static final int HTTP_PORT = 4040;

  /**
   * Creates the charm for a dispatch.
   *
   * @param framework the dispatch's framework
   */
  public PyroscopeWorkerCharm(Framework framework) {
    this(framework, HostEnvironment.system());
  }

  PyroscopeWorkerCharm(Framework framework, HostEnvironment environment) {
    super(framework, "pyroscope", "pyroscope-cluster", environment);
  }

  @Override
  protected Optional<Layer> layer() {
    // Sorted, so that enabling the same roles in another order does not change the plan.
    String target = String.join(",", roles().stream().sorted().toList());
    return Optional.of(
        WorkloadProcess.of(
                "pyroscope",
                "pyroscope",
                "pyroscope worker process",
                "/usr/bin/pyroscope -config.file=" + WorkerFiles.CONFIG + " -target=" + target)
            .withEnvironment(jaegerTracingEnvironment())
            .workerLayer());
  }

  /** Pyroscope workers never serve TLS (upstream has no end-to-end TLS yet). */
  @Override
  protected Optional<String> readinessUrl() {
    return Optional.of("http://" + address() + ":" + HTTP_PORT + "/ready");
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(PyroscopeWorkerCharm::new);
  }
}
