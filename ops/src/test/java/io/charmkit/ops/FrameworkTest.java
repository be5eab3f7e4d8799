package io.charmkit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.event.HookEvent;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.framework.CustomEventSource;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.framework.StoredState;
import io.charmkit.ops.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deferral, custom events, collect-status, stored state and rollback, through whole dispatches. */
class FrameworkTest {
  private FakeTools tools;
  private Fixture.MemoryStore store;
  static final List<String> LOG = new ArrayList<>();

  /** A payload for a custom event. */
  public record SchemaChanged(boolean schemaReady) {}

  /** Stored state of the test charm. */
  public record Counters(int configChanges, String note) {}

  /** An endpoint-like component that re-emits relation-changed as a custom event. */
  static final class Admin extends Component {
    final CustomEventSource<SchemaChanged> schemaChanged;

    Admin(Charm charm) {
      super(charm, "admin");
      schemaChanged = defineEvent("schema_changed", SchemaChanged.class);
      observe(
          charm.on().relationChanged("db"),
          e -> schemaChanged.emit(new SchemaChanged(e.unit().isPresent())));
    }
  }

  /** The charm under test: behaviour is switched by static flags so dispatches can differ. */
  static final class Demo extends Charm {
    static boolean readyNow;
    static boolean explode;
    final StoredState<Counters> counters;

    Demo(Framework framework) {
      super(framework);
      counters = storedState("counters", Counters.class, () -> new Counters(0, "fresh"));
      Admin admin = new Admin(this);
      observe(on().configChanged(), this::onConfigChanged);
      observe(on().configChanged(), e -> LOG.add("second observer"));
      observe(
          admin.schemaChanged,
          e -> {
            LOG.add("schema_changed ready=" + e.payload().schemaReady());
            if (!readyNow) {
              e.defer();
            }
          });
      observe(on().updateStatus(), e -> {});
      observe(
          on().collectUnitStatus(),
          e -> {
            e.addStatus(Status.active("ready"));
            e.addStatus(Status.waiting("first waiting"));
            e.addStatus(Status.blocked("needs a human"));
            e.addStatus(Status.waiting("second waiting"));
            e.addStatus(Status.blocked("second blocked"));
          });
      observe(on().collectAppStatus(), e -> e.addStatus(Status.maintenance("app busy")));
    }

    private void onConfigChanged(HookEvent e) {
      LOG.add("config_changed ready=" + readyNow);
      counters.set(new Counters(counters.get().configChanges() + 1, "changed"));
      model().relation("db").orElseThrow().localUnitData().put("seen", "yes");
      if (explode) {
        throw new IllegalStateException("boom");
      }
      if (!readyNow) {
        e.defer();
      }
    }
  }

  @BeforeEach
  void setUp() {
    tools = new FakeTools();
    store = new Fixture.MemoryStore();
    tools.relation("db", 3, "postgresql/0");
    LOG.clear();
    Demo.readyNow = false;
    Demo.explode = false;
  }

  private DispatchResult dispatch(String hook) {
    return Fixture.run(Fixture.env("hooks/" + hook), tools, store, Demo::new);
  }

  @Test
  void aDeferredEventComesBackFirstAndOnlyToTheObserverThatDeferredIt() {
    dispatch("config-changed");
    assertThat(store.snapshot.notices()).hasSize(1);
    assertThat(store.snapshot.notices().get(0).observer())
        .isEqualTo("Demo#Demo/on/config_changed#0");
    LOG.clear();

    Demo.readyNow = true;
    DispatchResult second = dispatch("update-status");
    assertThat(LOG).containsExactly("config_changed ready=true");
    assertThat(second.emitted())
        .containsSubsequence("Demo/on/config_changed", "Demo/on/update_status");
    assertThat(store.snapshot.notices()).isEmpty();
  }

  @Test
  void anEventDeferredAgainStaysQueuedOnceOnly() {
    dispatch("config-changed");
    dispatch("config-changed");
    dispatch("update-status");
    assertThat(store.snapshot.notices()).hasSize(1);
  }

  @Test
  void customEventsRunNestedAndKeepTheirPayloadWhenDeferred() {
    Fixture.run(
        Fixture.relationEnv("relation-changed", "db", 3, "postgresql", "postgresql/0"),
        tools,
        store,
        Demo::new);
    assertThat(LOG).containsExactly("schema_changed ready=true");
    assertThat(store.snapshot.notices())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.eventPath()).isEqualTo("Demo/Admin[admin]/on/schema_changed");
              assertThat(n.snapshot()).isEqualTo(Map.of("schemaReady", true));
            });
    LOG.clear();
    Demo.readyNow = true;
    dispatch("update-status");
    assertThat(LOG).containsExactly("schema_changed ready=true");
    assertThat(store.snapshot.notices()).isEmpty();
  }

  @Test
  void collectStatusPicksTheHighestPriorityAndTheFirstOnATie() {
    Demo.readyNow = true;
    dispatch("update-status");
    assertThat(tools.statusSets)
        .containsExactly("app maintenance: app busy", "unit blocked: needs a human");
  }

  @Test
  void appStatusIsCollectedOnlyOnTheLeader() {
    tools.leader = false;
    Demo.readyNow = true;
    dispatch("update-status");
    assertThat(tools.statusSets).containsExactly("unit blocked: needs a human");
  }

  @Test
  void storedStateSurvivesBetweenDispatchesAndIsSavedOnlyWhenChanged() {
    Demo.readyNow = true;
    dispatch("config-changed");
    dispatch("config-changed");
    assertThat(store.snapshot.values().get("Demo/StoredState[counters]").toString())
        .isEqualTo("{\"configChanges\":2,\"note\":\"changed\"}");
    int saves = store.saves;
    dispatch("update-status");
    assertThat(store.saves).as("nothing changed, nothing written").isEqualTo(saves);
  }

  @Test
  void anExceptionCommitsNothingAndFailsTheDispatch() {
    Demo.readyNow = true;
    dispatch("config-changed");
    int saves = store.saves;
    tools.calls.clear();
    tools.statusSets.clear();

    Demo.explode = true;
    DispatchResult result = dispatch("config-changed");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.failure()).get().extracting(Throwable::getMessage).isEqualTo("boom");
    assertThat(tools.callsOf("relation-set")).isEmpty();
    assertThat(tools.statusSets).as("collect-status does not run either").isEmpty();
    assertThat(store.saves).isEqualTo(saves);
    assertThat(
            store.snapshot.values().get("Demo/StoredState[counters]").get("configChanges").asInt())
        .isEqualTo(1);
  }

  @Test
  void aHookTheCharmDoesNotKnowIsANoOpThatStillSucceeds() {
    DispatchResult result = dispatch("pre-unknown-thing");
    assertThat(result.succeeded()).isTrue();
    assertThat(tools.callsOf("relation-set")).isEmpty();
  }
}
