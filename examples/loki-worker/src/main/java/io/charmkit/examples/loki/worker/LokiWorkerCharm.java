package io.charmkit.examples.loki.worker;

import io.charmkit.examples.loki.process.LokiProcess;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.worker.WorkerCharm;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * loki-worker-k8s: runs one or more of Loki's simple-scalable targets ({@code read}, {@code write},
 * {@code backend}, or {@code all}), configured by the Loki coordinator over {@code loki-cluster}
 * (PRODUCTS.md §4.2). Every role option is off by default: a fresh worker is blocked until one is
 * enabled.
 */
public final class LokiWorkerCharm extends WorkerCharm {

  /** Loki's HTTP port: the API and the readiness endpoint. */
  static final int HTTP_PORT = 3100;

  /**
   * Creates the charm for a dispatch.
   *
   * @param framework the dispatch's framework
   */
  public LokiWorkerCharm(Framework framework) {
    this(framework, HostEnvironment.system());
  }

  LokiWorkerCharm(Framework framework, HostEnvironment environment) {
    super(framework, "loki", "loki-cluster", environment);
  }

  /**
   * Loki running the enabled targets ({@link LokiProcess}), with its own traces sent to the
   * coordinator's Jaeger receiver if there is one. The base adds the proxy variables.
   */
  @Override
  protected Optional<Layer> layer() {
    List<String> roles = roles();
    if (roles.isEmpty()) {
      return Optional.empty(); // nothing to run; the base stops the workload
    }
    return Optional.of(
        LokiProcess.forRoles(roles, jaegerTracingEnvironment())
            .layer("loki worker layer", "pebble config layer for loki worker"));
  }

  /** HTTPS when the coordinator sent TLS material, since Loki then serves its API with it. */
  @Override
  protected Optional<String> readinessUrl() {
    String scheme = cluster().tls().isPresent() ? "https" : "http";
    return Optional.of(scheme + "://" + address() + ":" + HTTP_PORT + "/ready");
  }

  /** An older coordinator publishes no {@code worker_ports}; Loki then opens its HTTP port. */
  @Override
  protected Set<Integer> legacyPorts() {
    return Set.of(HTTP_PORT);
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(LokiWorkerCharm::new);
  }
}
