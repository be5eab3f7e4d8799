package io.charmkit.probe;

import io.charmkit.ops.Charm;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.event.HookEvent;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.framework.StoredState;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A probe for the runtime's process-level tests: on config-changed it writes its greeting to its
 * unit bag of the {@code db} relation (and, as leader, its name to the app bag), counts the config
 * changes in stored state, and fails on purpose when the {@code fail} option is set.
 */
public final class ProbeCharm extends Charm {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeCharm.class);

  /** Stored between dispatches. */
  public record Counters(int configChanges) {}

  private final StoredState<Counters> counters;

  /** Registers the observers. */
  public ProbeCharm(Framework framework) {
    super(framework);
    counters = storedState("counters", Counters.class, () -> new Counters(0));
    observe(on().configChanged(), this::onConfigChanged);
    observe(on().collectUnitStatus(), e -> e.addStatus(Status.active("probing")));
  }

  private void onConfigChanged(HookEvent event) {
    counters.set(new Counters(counters.get().configChanges() + 1));
    for (Relation db : model().relations("db")) {
      db.localUnitData().put("greeting", config().string("greeting").orElse(""));
      if (unit().isLeader()) {
        db.localAppData().put("leader", unit().name());
      }
    }
    if (config().flag("fail")) {
      throw new IllegalStateException("asked to fail by the 'fail' option");
    }
    LOG.info("configured; {} config changes so far", counters.get().configChanges());
  }

  /** The entry point the charm's dispatch script runs. */
  public static void main(String[] args) {
    Dispatcher.main(ProbeCharm::new);
  }
}
