package io.charmkit.testing;

import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Plan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A workload container in a {@link State}: whether its Pebble answers, its layers, the state of its
 * services and checks, its files and scripted command results.
 *
 * <p>During a run the container's files live in a temporary directory; the output state holds what
 * is there afterwards. Files are UTF-8 text keyed by absolute path.
 *
 * @param name the container name, as in {@code metadata.yaml}
 * @param canConnect whether Pebble answers; when false every Pebble call fails to connect
 * @param layers the layers by label, in the order they were added
 * @param serviceStatuses the current state of services by name ({@code active}, {@code inactive},
 *     {@code error}, {@code backoff}); a planned service not listed is {@code inactive}
 * @param checkStatuses the status of health checks by name ({@code up} or {@code down}); a planned
 *     check not listed is {@code up}
 * @param files file contents by absolute path
 * @param execs scripted command results
 * @param missingExecutables executables the container's image lacks (an absolute path, or a name
 *     looked up on {@code PATH}): a service whose command starts with one fails to start with
 *     Pebble's change error, as a real Pebble answers (PEBBLE.md, "Workload faults")
 */
public record Container(
    String name,
    boolean canConnect,
    Map<String, Layer> layers,
    Map<String, String> serviceStatuses,
    Map<String, String> checkStatuses,
    Map<String, String> files,
    List<ExecResult> execs,
    Set<String> missingExecutables) {

  /** Copies the collections; layers keep their order, the rest are sorted. */
  public Container {
    Objects.requireNonNull(name, "name");
    layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    serviceStatuses = Collections.unmodifiableMap(new TreeMap<>(serviceStatuses));
    checkStatuses = Collections.unmodifiableMap(new TreeMap<>(checkStatuses));
    files.keySet().forEach(Container::requireAbsolute);
    files = Collections.unmodifiableMap(new TreeMap<>(files));
    execs = List.copyOf(execs);
    missingExecutables = Collections.unmodifiableSet(new TreeSet<>(missingExecutables));
  }

  /** A container whose Pebble answers, with no layers and no files. */
  public static Container connected(String name) {
    return new Container(name, true, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), Set.of());
  }

  /** A container whose Pebble does not answer (yet). */
  public static Container disconnected(String name) {
    return new Container(name, false, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), Set.of());
  }

  /** This container with one more layer (replacing one with the same label). */
  public Container withLayer(String label, Layer layer) {
    Map<String, Layer> next = new LinkedHashMap<>(layers);
    next.put(label, layer);
    return new Container(
        name, canConnect, next, serviceStatuses, checkStatuses, files, execs, missingExecutables);
  }

  /** This container with a service in {@code status} ({@code active}, {@code inactive}, …). */
  public Container withServiceStatus(String service, String status) {
    Map<String, String> next = new TreeMap<>(serviceStatuses);
    next.put(service, status);
    return new Container(
        name, canConnect, layers, next, checkStatuses, files, execs, missingExecutables);
  }

  /** This container with a check {@code up} or {@code down}. */
  public Container withCheckStatus(String check, String status) {
    Map<String, String> next = new TreeMap<>(checkStatuses);
    next.put(check, status);
    return new Container(
        name, canConnect, layers, serviceStatuses, next, files, execs, missingExecutables);
  }

  /** This container with a text file at {@code path}. */
  public Container withFile(String path, String content) {
    Map<String, String> next = new TreeMap<>(files);
    next.put(path, content);
    return new Container(
        name, canConnect, layers, serviceStatuses, checkStatuses, next, execs, missingExecutables);
  }

  /** This container with a scripted command result. */
  public Container withExec(ExecResult result) {
    List<ExecResult> next = new ArrayList<>(execs);
    next.add(result);
    return new Container(
        name, canConnect, layers, serviceStatuses, checkStatuses, files, next, missingExecutables);
  }

  /**
   * This container without an executable its image would need: services whose command starts with
   * {@code executable} fail to start, as Pebble v1.14.1 reports a missing binary.
   *
   * @param executable an absolute path ({@code /bin/tempo}) or a name looked up on {@code PATH}
   *     ({@code nginx})
   * @return the container
   */
  public Container withoutExecutable(String executable) {
    Set<String> next = new TreeSet<>(missingExecutables);
    next.add(executable);
    return new Container(
        name, canConnect, layers, serviceStatuses, checkStatuses, files, execs, next);
  }

  /** This container with connectivity set. */
  public Container withCanConnect(boolean connects) {
    return new Container(
        name, connects, layers, serviceStatuses, checkStatuses, files, execs, missingExecutables);
  }

  /** The plan Pebble would report: the layers combined in order. */
  public Plan plan() {
    return LayerPlan.plan(layers);
  }

  private static void requireAbsolute(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException(
          "container file paths must be absolute, like /etc/app.yaml, not " + path);
    }
  }
}
