package io.charmkit.testing;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.ops.Charm;
import io.charmkit.ops.event.HookEvent;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.framework.CustomEventSource;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.framework.StoredState;
import io.charmkit.ops.model.Status;
import io.charmkit.testing.junit.CharmTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's own behaviour (deferral, custom events, collect-status, stored state, rollback,
 * logging), covered through state transitions rather than a recording backend.
 */
@CharmTest(charm = FrameworkThroughStateTest.Waiter.class, metadata = "/charms/demo")
class FrameworkThroughStateTest {
  static final String COUNTERS = "Waiter/StoredState[counters]";

  /** Stored state of the charm. */
  public record Counters(int configChanges) {}

  /** The payload of the admin endpoint's custom event. */
  public record SchemaChanged(boolean ready) {}

  /** An endpoint wrapper turning db relation-changed into a custom event. */
  static final class Admin extends Component {
    final CustomEventSource<SchemaChanged> schemaChanged;

    Admin(Charm charm) {
      super(charm, "admin");
      schemaChanged = defineEvent("schema_changed", SchemaChanged.class);
      observe(
          charm.on().relationChanged("db"),
          e ->
              schemaChanged.emit(
                  new SchemaChanged(
                      e.relation().remoteAppData().orElseThrow().get("schema").isPresent())));
    }
  }

  /**
   * Defers config-changed until the {@code debug} option is set; counts config changes; waits on
   * the schema; reports statuses of every priority; fails on demand.
   */
  static final class Waiter extends Charm {
    private static final Logger LOG = LoggerFactory.getLogger(Waiter.class);
    final StoredState<Counters> counters;

    Waiter(Framework framework) {
      super(framework);
      counters = storedState("counters", Counters.class, () -> new Counters(0));
      Admin admin = new Admin(this);
      observe(on().configChanged(), this::onConfigChanged);
      observe(
          admin.schemaChanged,
          e -> {
            if (!e.payload().ready()) {
              e.defer();
              return;
            }
            unit().setStatus(Status.active("schema ready"));
          });
      observe(on().upgradeCharm(), e -> failMidway());
      observe(
          on().collectUnitStatus(),
          e -> {
            if (config().integer("port").orElseThrow() < 1024) {
              e.addStatus(Status.waiting("first waiting"));
              e.addStatus(Status.blocked("port below 1024"));
              e.addStatus(Status.blocked("second blocked"));
              e.addStatus(Status.active("ignored"));
            }
          });
      observe(on().collectAppStatus(), e -> e.addStatus(Status.maintenance("app busy")));
    }

    private void onConfigChanged(HookEvent e) {
      counters.set(new Counters(counters.get().configChanges() + 1));
      if (!config().flag("debug")) {
        LOG.info("not ready yet, deferring config-changed");
        e.defer();
      }
    }

    private void failMidway() {
      counters.set(new Counters(99));
      model().relation("db").orElseThrow().localUnitData().put("half", "done");
      unit().setStatus(Status.maintenance("upgrading"));
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void aDeferredEventComesBackInTheNextRunFirst(Context ctx) {
    Outcome first = ctx.run(Event.configChanged(), State.builder().build());
    assertThat(first)
        .deferred()
        .singleElement()
        .satisfies(n -> assertThat(n.eventPath()).isEqualTo("Waiter/on/config_changed"));
    assertThat(first).logged().contains("not ready yet, deferring config-changed");

    State next = first.state().toBuilder().config("debug", true).build();
    Outcome second = ctx.run(Event.updateStatus(), next);

    assertThat(second)
        .emittedEvents()
        .containsSubsequence("Waiter/on/config_changed", "Waiter/on/update_status");
    assertThat(second).deferred().isEmpty();
    assertThat(second.state().storedState(COUNTERS, Counters.class)).contains(new Counters(2));
  }

  @Test
  void customEventsRunNestedAndKeepTheirPayloadWhenDeferred(Context ctx) {
    Relation db = Relation.of("db");
    Outcome first = ctx.run(Event.relationChanged(db), State.builder().relation(db).build());

    assertThat(first)
        .emittedEvents()
        .containsSubsequence(
            "Waiter/on/db_relation_changed", "Waiter/Admin[admin]/on/schema_changed");
    assertThat(first)
        .deferred()
        .singleElement()
        .satisfies(n -> assertThat(n.snapshot()).isEqualTo(Map.of("ready", false)));

    Relation withSchema = db.withRemoteAppData(Map.of("schema", "v2"));
    Outcome second =
        ctx.run(
            Event.relationChanged(withSchema),
            first.state().toBuilder().relation(withSchema).build());

    // The deferred (not ready) event comes back first and defers again; the new one succeeds.
    assertThat(second).unitStatus().isEqualTo(Status.active("schema ready"));
    assertThat(second).deferred().hasSize(1);
  }

  @Test
  void collectStatusPicksTheHighestPriorityAndTheFirstOnATie(Context ctx) {
    Outcome out =
        ctx.run(Event.updateStatus(), State.builder().leader(true).config("port", 80).build());

    assertThat(out).unitStatus().isEqualTo(Status.blocked("port below 1024"));
    assertThat(out).appStatus().isEqualTo(Status.maintenance("app busy"));
  }

  @Test
  void appStatusIsCollectedOnlyOnTheLeader(Context ctx) {
    Outcome out = ctx.run(Event.updateStatus(), State.builder().leader(false).build());

    assertThat(out.appStatusHistory()).isEmpty();
    assertThat(out).appStatus().isEqualTo(Status.unknown());
  }

  @Test
  void storedStateIsReadFromTheInputAndWrittenToTheOutput(Context ctx) {
    State in =
        State.builder()
            .storedState("Waiter", "counters", new Counters(41))
            .config("debug", true)
            .build();

    Outcome out = ctx.run(Event.configChanged(), in);

    assertThat(out.state().storedState(COUNTERS, Counters.class)).contains(new Counters(42));
  }

  @Test
  void anExceptionLeavesTheStateAsItWasAndIsReportedWithWhatJujuKeeps(Context ctx) {
    Relation db = Relation.of("db");
    State in = State.builder().relation(db).storedState(COUNTERS, new Counters(1)).build();

    UncaughtCharmException e =
        catchThrowableOfType(UncaughtCharmException.class, () -> ctx.run(Event.upgradeCharm(), in));

    assertThat(e).hasRootCauseMessage("boom").hasMessageContaining("hook upgrade-charm");
    assertThat(e.outcome().state()).isEqualTo(in);
    assertThat(e.outcome()).madeNoCall("relation-set");
    assertThat(e.outcome().unitStatusHistory()).containsExactly(Status.maintenance("upgrading"));
    assertThat(e.outcome())
        .logged()
        .anySatisfy(m -> assertThat(m).contains("hook upgrade-charm failed"));
  }

  @Test
  void aRestrictedContextNeitherReemitsDeferredEventsNorCollectsStatus(Context ctx) {
    Outcome deferred = ctx.run(Event.configChanged(), State.builder().build());

    Outcome out =
        ctx.run(Event.collectMetrics(), deferred.state().toBuilder().config("port", 80).build());

    assertThat(out).emittedEvents().doesNotContain("Waiter/on/config_changed");
    assertThat(out).madeNoCall("status-set");
    assertThat(out).deferred().hasSize(1);
  }
}
