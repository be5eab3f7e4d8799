package io.charmkit.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.testing.pebble.ContainerImage;
import io.charmkit.testing.pebble.LayerCombiner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * @param image what the container's image provides: a service whose program it lacks fails to start
 *     as on a real unit; {@link ContainerImage#empty()} (the default) provides no workload program
 */
public record Container(
    String name,
    boolean canConnect,
    Map<String, Layer> layers,
    Map<String, String> serviceStatuses,
    Map<String, String> checkStatuses,
    Map<String, String> files,
    List<ExecResult> execs,
    ContainerImage image) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the collections; layers keep their order, the rest are sorted. */
  public Container {
    Objects.requireNonNull(name, "name");
    layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    serviceStatuses = Collections.unmodifiableMap(new TreeMap<>(serviceStatuses));
    checkStatuses = Collections.unmodifiableMap(new TreeMap<>(checkStatuses));
    files.keySet().forEach(Container::requireAbsolute);
    files = Collections.unmodifiableMap(new TreeMap<>(files));
    execs = List.copyOf(execs);
    image = image == null ? ContainerImage.empty() : image;
  }

  /** A container whose Pebble answers, with no layers and no files. */
  public static Container connected(String name) {
    return new Container(name, true, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), null);
  }

  /** A container whose Pebble does not answer (yet). */
  public static Container disconnected(String name) {
    return new Container(name, false, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), null);
  }

  /** This container with one more layer (replacing one with the same label). */
  public Container withLayer(String label, Layer layer) {
    Map<String, Layer> next = new LinkedHashMap<>(layers);
    next.put(label, layer);
    return new Container(
        name, canConnect, next, serviceStatuses, checkStatuses, files, execs, image);
  }

  /** This container with a service in {@code status} ({@code active}, {@code inactive}, …). */
  public Container withServiceStatus(String service, String status) {
    Map<String, String> next = new TreeMap<>(serviceStatuses);
    next.put(service, status);
    return new Container(name, canConnect, layers, next, checkStatuses, files, execs, image);
  }

  /** This container with a check {@code up} or {@code down}. */
  public Container withCheckStatus(String check, String status) {
    Map<String, String> next = new TreeMap<>(checkStatuses);
    next.put(check, status);
    return new Container(name, canConnect, layers, serviceStatuses, next, files, execs, image);
  }

  /** This container with a text file at {@code path}. */
  public Container withFile(String path, String content) {
    Map<String, String> next = new TreeMap<>(files);
    next.put(path, content);
    return new Container(
        name, canConnect, layers, serviceStatuses, checkStatuses, next, execs, image);
  }

  /** This container with a scripted command result. */
  public Container withExec(ExecResult result) {
    List<ExecResult> next = new ArrayList<>(execs);
    next.add(result);
    return new Container(
        name, canConnect, layers, serviceStatuses, checkStatuses, files, next, image);
  }

  /** This container with connectivity set. */
  public Container withCanConnect(boolean connects) {
    return new Container(
        name, connects, layers, serviceStatuses, checkStatuses, files, execs, image);
  }

  /**
   * This container with an image providing {@code executables} (absolute paths, e.g. {@code
   * /bin/tempo}, or {@code /usr/sbin/nginx} for a command {@code nginx} looked up on {@code PATH}),
   * added to what its image already provides; their services start and keep running.
   */
  public Container withExecutables(String... executables) {
    return withImage(image.withExecutables(executables));
  }

  /** This container running {@code newImage} (see {@link ContainerImage}). */
  public Container withImage(ContainerImage newImage) {
    return new Container(
        name, canConnect, layers, serviceStatuses, checkStatuses, files, execs, newImage);
  }

  /** The plan Pebble would report: the layers combined in order. */
  public Plan plan() {
    ObjectNode combined = JSON.createObjectNode();
    for (Layer layer : layers.values()) {
      combined = LayerCombiner.combine(combined, JSON.valueToTree(layer));
    }
    try {
      return LayerCombiner.plan(combined);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("cannot combine Pebble layers: " + e.getMessage(), e);
    }
  }

  private static void requireAbsolute(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException(
          "container file paths must be absolute, like /etc/app.yaml, not " + path);
    }
  }
}
