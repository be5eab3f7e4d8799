package io.charmkit.examples.loki.worker;

import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Service;
import io.charmkit.worker.WorkerCharm;
import io.charmkit.worker.WorkerFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   * The targets that write to S3 and need the AWS SDK's checksums relaxed for S3 stores that do not
   * support them (loki-operators #127), as the Python charm sets them.
   */
  private static final Set<String> S3_WRITERS = Set.of("backend", "write");

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

  @Override
  protected Optional<Layer> layer() {
    // Sorted, so that enabling the same roles in another order does not change the plan.
    List<String> roles = roles().stream().sorted().toList();
    Service loki =
        Service.builder(
                "/bin/loki --config.file="
                    + WorkerFiles.CONFIG
                    + " -target "
                    + String.join(",", roles))
            .summary("loki worker daemon")
            .startup("enabled")
            .environment(environment(roles))
            .build();
    return Optional.of(
        new Layer(
            "loki worker layer",
            "pebble config layer for loki worker",
            Map.of("loki", loki),
            null,
            null));
  }

  /**
   * The S3 checksum settings (only for the {@code backend} and {@code write} options themselves,
   * exactly as the Python worker decides) and Loki's own traces to the coordinator's Jaeger
   * receiver, if there is one. The base adds the proxy variables.
   */
  private Map<String, String> environment(List<String> roles) {
    Map<String, String> env = new LinkedHashMap<>();
    if (roles.stream().anyMatch(S3_WRITERS::contains)) {
      env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
      env.put("AWS_REQUEST_CHECKSUM_VALIDATION", "when_required");
    }
    env.putAll(jaegerTracingEnvironment());
    return env;
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
