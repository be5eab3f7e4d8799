package io.charmkit.interfaces.cluster;

import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Service;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a product's workload process runs: the one description that a worker charm and a coordinator
 * running the product itself (monolithic fallback) both turn into a Pebble layer, so that the
 * command line, the configuration file it reads and its environment are written once, in the
 * product's code, and never copied between the two charms.
 *
 * <p>A product keeps a factory beside its roles, e.g. {@code LokiProcess.forRoles(List<String>)},
 * that both its worker ({@code layer()}) and its coordinator ({@code monolithicProcess()}, role
 * {@code all}) call.
 *
 * @param container the workload container, as both charms declare it in {@code metadata.yaml} (e.g.
 *     {@code loki})
 * @param name the Pebble service name (e.g. {@code loki})
 * @param summary the service's one-line summary
 * @param command the command line, reading {@code configFile}
 * @param configFile where the process reads the coordinator's rendered configuration: {@link
 *     #CONFIG_FILE} for every coordinated-workers product
 * @param environment the service's environment variables, in the order given
 */
public record WorkloadProcess(
    String container,
    String name,
    String summary,
    String command,
    String configFile,
    Map<String, String> environment) {

  /**
   * The workload configuration file of every coordinated-workers product (PRODUCTS.md §1.7): the
   * worker writes the coordinator's {@code worker_config} there.
   */
  public static final String CONFIG_FILE = "/etc/worker/config.yaml";

  /** Checks the parts and copies the environment, keeping its order. */
  public WorkloadProcess {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(configFile, "configFile");
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  /**
   * A process reading {@link #CONFIG_FILE}, with no environment.
   *
   * @param container the workload container
   * @param name the service name
   * @param summary the service's summary
   * @param command the command line
   * @return the process
   */
  public static WorkloadProcess of(String container, String name, String summary, String command) {
    return new WorkloadProcess(container, name, summary, command, CONFIG_FILE, Map.of());
  }

  /**
   * Returns this process with another environment (e.g. tracing variables known only at runtime).
   *
   * @param variables the environment variables, in order
   * @return the process
   */
  public WorkloadProcess withEnvironment(Map<String, String> variables) {
    return new WorkloadProcess(container, name, summary, command, configFile, variables);
  }

  /**
   * Returns the Pebble service: the command, the summary, {@code startup: enabled} and the
   * environment.
   *
   * @return the service
   */
  public Service service() {
    return Service.builder(command)
        .summary(summary)
        .startup("enabled")
        .environment(environment)
        .build();
  }

  /**
   * Returns a layer holding only this process's service.
   *
   * @param layerSummary the layer's summary
   * @param layerDescription the layer's description
   * @return the layer
   */
  public Layer layer(String layerSummary, String layerDescription) {
    return new Layer(layerSummary, layerDescription, Map.of(name, service()), null, null);
  }

  /**
   * Returns the layer a worker charm runs this process in, named as the Python worker charms name
   * theirs: summary {@code <name> worker layer}, description {@code pebble config layer for <name>
   * worker}.
   *
   * @return the layer
   */
  public Layer workerLayer() {
    return layer(name + " worker layer", "pebble config layer for " + name + " worker");
  }
}
