package io.charmkit.coordinator.cluster;

import io.charmkit.coordinator.s3.S3Readiness;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The coordinator's own unit status (PRODUCTS.md §1.9), decided from the facts the gate looks at.
 * The texts are those of coordinated-workers, with one extension: an incoherent cluster names the
 * roles it lacks (see {@link #clusterInconsistent(SortedSet)}).
 *
 * @param level blocked or active
 * @param message the status message
 */
public record CoordinatorStatus(Level level, String message) {

  /** Blocked: no worker application is related. */
  public static final String MISSING_WORKER_RELATION = "[consistency] Missing any worker relation.";

  /**
   * Blocked: the minimal deployment is not met, exactly as coordinated-workers words it (it only
   * logs the missing roles). {@link #evaluate} uses {@link #clusterInconsistent(SortedSet)}.
   */
  public static final String CLUSTER_INCONSISTENT = "[consistency] Cluster inconsistent.";

  /** Blocked: no s3 relation. */
  public static final String MISSING_S3 = "[s3] Missing S3 integration.";

  /** Blocked: the s3 relation's data is incomplete or invalid. */
  public static final String S3_NOT_READY = "[s3] S3 not ready (probably misconfigured).";

  /** Active, below the recommended deployment (coordinated-workers ≤ 2.x, still used by Mimir). */
  public static final String DEGRADED = "Degraded.";

  /**
   * Returns the blocked message for worker applications whose bags were rejected and skipped (our
   * extension; coordinated-workers only logs them), naming the first problem: {@code [consistency]
   * Invalid data from tempo-worker-b: relation tempo-cluster:2, unit tempo-worker-b/0, address: is
   * not valid JSON (see debug-log).}. The other workers are still configured.
   *
   * @param applications the applications whose app bag or unit bags were rejected, sorted
   * @param firstProblem the first problem with its location, on one line
   * @return the message
   */
  public static String invalidWorkerData(SortedSet<String> applications, String firstProblem) {
    return "[consistency] Invalid data from "
        + String.join(", ", applications)
        + ": "
        + firstProblem
        + " (see debug-log).";
  }

  /**
   * Appends the under-scaled roles to an active message (our extension; coordinated-workers 3.x and
   * later only check sizing offline): {@code [scale] below recommended units: ingester 1/3.}, after
   * {@code "; "} when the product's message is not empty. Falling short never blocks.
   *
   * @param activeMessage the product's active message
   * @param underScaled the roles below their recommended unit count
   * @return the message; {@code activeMessage} itself when no role is under-scaled
   */
  public static String withUnderScaled(String activeMessage, List<UnderScaledRole> underScaled) {
    if (underScaled.isEmpty()) {
      return activeMessage;
    }
    String roles =
        underScaled.stream()
            .map(r -> r.role() + " " + r.units() + "/" + r.recommended())
            .collect(Collectors.joining(", "));
    String scale = "[scale] below recommended units: " + roles + ".";
    return activeMessage.isEmpty() ? scale : activeMessage + "; " + scale;
  }

  /** The level of a coordinator status. */
  public enum Level {
    /** The coordinator refuses to configure workers until the administrator acts. */
    BLOCKED,
    /** The coordinator is configuring workers. */
    ACTIVE
  }

  /**
   * Returns the blocked message for an incoherent cluster, naming the missing roles: {@code
   * [consistency] Cluster inconsistent: missing roles distributor, ingester.} (roles sorted, joined
   * by a comma and a space, one role spelled {@code missing role querier.}). It starts like the
   * upstream text, so anything matching on {@code [consistency] Cluster inconsistent} still does.
   *
   * @param missingRoles the missing roles; when empty the upstream text is returned
   * @return the message
   */
  public static String clusterInconsistent(SortedSet<String> missingRoles) {
    if (missingRoles.isEmpty()) {
      return CLUSTER_INCONSISTENT;
    }
    return "[consistency] Cluster inconsistent: missing role"
        + (missingRoles.size() == 1 ? " " : "s ")
        + String.join(", ", missingRoles)
        + ".";
  }

  /**
   * Decides the status, highest priority first: no worker relation, incoherent cluster, no s3
   * relation, s3 not ready; then active.
   *
   * @param workerRelations the number of cluster relations
   * @param consistency the cluster's consistency
   * @param s3 the s3 relation's state
   * @param activeMessage the product's active message ({@code ""} for Tempo, Loki and Mimir)
   * @param reportDegraded whether an under-scaled deployment shows {@link #DEGRADED} instead of the
   *     active message (coordinated-workers ≤ 2.x behaviour, kept by Mimir)
   * @return the status
   */
  public static CoordinatorStatus evaluate(
      int workerRelations,
      ClusterConsistency consistency,
      S3Readiness s3,
      String activeMessage,
      boolean reportDegraded) {
    if (workerRelations == 0) {
      return blocked(MISSING_WORKER_RELATION);
    }
    if (!consistency.coherent()) {
      return blocked(clusterInconsistent(consistency.missingRoles()));
    }
    if (s3 instanceof S3Readiness.Missing) {
      return blocked(MISSING_S3);
    }
    if (s3 instanceof S3Readiness.NotReady) {
      return blocked(S3_NOT_READY);
    }
    if (reportDegraded && !consistency.recommended()) {
      return new CoordinatorStatus(Level.ACTIVE, DEGRADED);
    }
    return new CoordinatorStatus(Level.ACTIVE, activeMessage);
  }

  /**
   * Tells whether the coordinator may configure workers: the gate of PRODUCTS.md §1.3.
   *
   * @return whether the status is active
   */
  public boolean gateOpen() {
    return level == Level.ACTIVE;
  }

  private static CoordinatorStatus blocked(String message) {
    return new CoordinatorStatus(Level.BLOCKED, message);
  }
}
