package io.charmkit.examples.loki.process;

import io.charmkit.interfaces.cluster.WorkloadProcess;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loki running some of its simple-scalable targets (PRODUCTS.md §4.2): the one description of the
 * process that the Loki worker's layer and the Loki coordinator running Loki itself (monolithic
 * fallback, role {@code all}) are both built from, so the command line and its environment are
 * written once.
 */
public final class LokiProcess {

  /** The workload container both charms declare, and the Pebble service name. */
  public static final String CONTAINER = "loki";

  /** The service's summary, as the Loki worker's layer has always had it. */
  static final String SUMMARY = "loki worker daemon";

  /**
   * The targets that write to S3 and need the AWS SDK's checksums relaxed for S3 stores that do not
   * support them (loki-operators #127). Only these names themselves, as the Python worker decides:
   * not {@code all}.
   */
  private static final Set<String> S3_WRITERS = Set.of("backend", "write");

  private LokiProcess() {}

  /**
   * Returns Loki running {@code roles}: {@code /bin/loki --config.file=/etc/worker/config.yaml
   * -target <roles, sorted, comma-joined>} (sorted, so enabling the same roles in another order
   * does not change the plan), with the two {@code AWS_REQUEST_CHECKSUM_*=when_required} variables
   * when {@code write} or {@code backend} is among them, then {@code tracing}.
   *
   * @param roles the enabled roles, e.g. {@code [read]} or {@code [all]}; not empty
   * @param tracing Loki's own tracing variables (the {@code JAEGER_*} ones), in order; empty when
   *     there is no receiver
   * @return the process
   * @throws IllegalArgumentException when {@code roles} is empty: Loki would run its default target
   */
  public static WorkloadProcess forRoles(Collection<String> roles, Map<String, String> tracing) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("Loki runs at least one target; none was given");
    }
    TreeSet<String> sorted = new TreeSet<>(roles);
    Map<String, String> env = new LinkedHashMap<>();
    if (sorted.stream().anyMatch(S3_WRITERS::contains)) {
      env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
      env.put("AWS_REQUEST_CHECKSUM_VALIDATION", "when_required");
    }
    env.putAll(tracing);
    return WorkloadProcess.of(
            CONTAINER,
            CONTAINER,
            SUMMARY,
            "/bin/loki --config.file="
                + WorkloadProcess.CONFIG_FILE
                + " -target "
                + String.join(",", sorted))
        .withEnvironment(env);
  }
}
