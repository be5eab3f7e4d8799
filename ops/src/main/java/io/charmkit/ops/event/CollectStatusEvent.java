package io.charmkit.ops.event;

import io.charmkit.ops.framework.Event;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.model.StatusName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Emitted after every event so that charm code can say what its status should be: each observer
 * adds zero or more statuses and the runtime sets the one with the highest priority (error &gt;
 * blocked &gt; maintenance &gt; waiting &gt; active &gt; unknown; the first added wins a tie). If
 * nothing is added the status is left as it is.
 */
public final class CollectStatusEvent extends Event {
  private final boolean app;
  private final List<Status> statuses = new ArrayList<>();

  /** Creates the event, for the application status when {@code app}. */
  public CollectStatusEvent(boolean app) {
    this.app = app;
  }

  /** Whether this collects the application status (leader only) rather than the unit's. */
  public boolean isApplication() {
    return app;
  }

  /** Adds a candidate status. */
  public void addStatus(Status status) {
    statuses.add(java.util.Objects.requireNonNull(status, "status"));
  }

  /** The statuses added so far, in order. */
  public List<Status> statuses() {
    return Collections.unmodifiableList(statuses);
  }

  /** The status collect-status picks: the highest priority, the first added on a tie. */
  public Optional<Status> winner() {
    Status best = null;
    for (Status s : statuses) {
      if (best == null || s.name().priority() > best.name().priority()) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The priority order, highest first, as a list (for documentation and tests). */
  public static List<StatusName> priorityOrder() {
    return List.of(
        StatusName.ERROR,
        StatusName.BLOCKED,
        StatusName.MAINTENANCE,
        StatusName.WAITING,
        StatusName.ACTIVE,
        StatusName.UNKNOWN);
  }

  @Override
  protected boolean deferrable() {
    return false;
  }

  @Override
  protected Map<String, Object> snapshot() {
    return Map.of();
  }
}
