package io.charmkit.examples.tempo.worker;

import io.charmkit.interfaces.cluster.WorkloadProcess;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.schema.topology.JujuTopology;
import io.charmkit.worker.RestartPolicy;
import io.charmkit.worker.WorkerCharm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tempo-worker-k8s: runs one Grafana Tempo role, configured by the Tempo coordinator over {@code
 * tempo-cluster} (PRODUCTS.md §2).
 *
 * <p>Tempo runs exactly one role per worker application; {@code all} runs Tempo's {@code
 * scalable-single-binary} target. A {@code metrics-generator} (alone or inside {@code all}) needs
 * the coordinator's remote-write endpoints: without them an {@code all} worker says the generator
 * is disabled, and a {@code metrics-generator} worker is blocked and not started.
 */
public final class TempoWorkerCharm extends WorkerCharm {
  private static final Logger LOG = LoggerFactory.getLogger(TempoWorkerCharm.class);

  /** Tempo's HTTP port: the API and the readiness endpoint. */
  static final int HTTP_PORT = 3200;

  /** What the worker opened before coordinators published {@code worker_ports} (§2.3). */
  static final Set<Integer> LEGACY_PORTS = Set.of(3200, 4317, 4318, 9411, 14268, 7946, 9096, 14250);

  private static final String ALL = "all";
  private static final String METRICS_GENERATOR = "metrics-generator";

  /**
   * Creates the charm for a dispatch.
   *
   * @param framework the dispatch's framework
   */
  public TempoWorkerCharm(Framework framework) {
    this(framework, HostEnvironment.system());
  }

  TempoWorkerCharm(Framework framework, HostEnvironment environment) {
    super(framework, "tempo", "tempo-cluster", environment);
  }

  @Override
  protected Optional<Layer> layer() {
    List<String> roles = roles();
    if (roles.size() != 1) {
      LOG.error("a Tempo worker runs exactly one role; {} are enabled: {}", roles.size(), roles);
      return Optional.empty();
    }
    return Optional.of(process(roles.get(0)).withEnvironment(tracingEnvironment()).workerLayer());
  }

  /**
   * Tempo running one role: the process description a worker's layer is built from, and the one a
   * coordinator running Tempo itself would use ({@code all} runs the {@code scalable-single-binary}
   * target).
   *
   * @param role the enabled role
   * @return the process, with no environment
   */
  static WorkloadProcess process(String role) {
    String target = role.equals(ALL) ? "scalable-single-binary" : role;
    return WorkloadProcess.of(
        "tempo",
        "tempo",
        "tempo worker process",
        "/bin/tempo -config.file=" + WorkloadProcess.CONFIG_FILE + " -target " + target);
  }

  /** Sends Tempo's own traces to the coordinator's workload-tracing receiver, if there is one. */
  private Map<String, String> tracingEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    String endpoint = cluster().workloadTracingReceivers().get("otlp_http");
    if (endpoint != null) {
      env.put("OTEL_TRACES_EXPORTER", "otlp");
      env.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", endpoint + "/v1/traces");
      env.put("OTEL_RESOURCE_ATTRIBUTES", topologyAttributes());
    }
    return env;
  }

  @Override
  protected Optional<String> readinessUrl() {
    String scheme = cluster().tls().isPresent() ? "https" : "http";
    return Optional.of(scheme + "://" + address() + ":" + HTTP_PORT + "/ready");
  }

  /**
   * Labels the metrics the generator produces with this unit's topology, when this worker runs the
   * generator and the coordinator configured it.
   */
  @Override
  protected Map<String, Object> workerConfig(Map<String, Object> received) {
    List<String> roles = roles();
    if (!(roles.contains(ALL) || roles.contains(METRICS_GENERATOR))
        || !(received.get("metrics_generator") instanceof Map<?, ?> generator)) {
      return received;
    }
    Map<String, Object> generatorCopy = stringKeys(generator);
    Map<String, Object> registry =
        generatorCopy.get("registry") instanceof Map<?, ?> r
            ? stringKeys(r)
            : new LinkedHashMap<>();
    registry.put("external_labels", topologyLabels());
    generatorCopy.put("registry", registry);
    Map<String, Object> config = new LinkedHashMap<>(received);
    config.put("metrics_generator", generatorCopy);
    return config;
  }

  /**
   * cosl's {@code as_dict()} of the topology, keys prefixed {@code juju_}, empty values left out.
   */
  private Map<String, Object> topologyLabels() {
    JujuTopology t = topology();
    Map<String, Object> labels = new LinkedHashMap<>();
    putIfPresent(labels, "juju_model", t.model());
    putIfPresent(labels, "juju_model_uuid", t.modelUuid());
    putIfPresent(labels, "juju_application", t.application());
    putIfPresent(labels, "juju_unit", t.unit());
    putIfPresent(labels, "juju_charm_name", t.charmName());
    return labels;
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  /** A metrics-generator never starts without somewhere to write its metrics. */
  @Override
  protected boolean readyToStart() {
    return !(roles().contains(METRICS_GENERATOR) && cluster().remoteWriteEndpoints().isEmpty());
  }

  @Override
  protected RestartPolicy restartPolicy() {
    return new RestartPolicy(Duration.ofSeconds(60), Duration.ofSeconds(5));
  }

  @Override
  protected Set<Integer> legacyPorts() {
    return LEGACY_PORTS;
  }

  @Override
  protected List<Status> productStatuses() {
    List<String> roles = roles();
    List<Status> statuses = new ArrayList<>();
    if (roles.size() > 1) {
      statuses.add(Status.blocked("cannot have more than 1 enabled role: " + pythonList(roles)));
    }
    boolean joined = model().relations("tempo-cluster").stream().anyMatch(r -> r.app().isPresent());
    if (!roles.isEmpty() && joined && cluster().remoteWriteEndpoints().isEmpty()) {
      if (roles.contains(ALL)) {
        statuses.add(
            Status.active(
                "metrics-generator disabled. No prometheus remote-write relation configured on the"
                    + " coordinator"));
      } else if (roles.contains(METRICS_GENERATOR)) {
        statuses.add(
            Status.blocked("No prometheus remote-write relation configured on the coordinator"));
      }
    }
    return statuses;
  }

  /** A list of strings as Python's {@code repr} shows it: {@code ['querier', 'ingester']}. */
  static String pythonList(List<String> items) {
    return items.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(TempoWorkerCharm::new);
  }
}
