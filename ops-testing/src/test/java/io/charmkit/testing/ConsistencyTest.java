package io.charmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.testing.junit.CharmTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks made before anything runs, and their messages. */
@CharmTest(charm = ConsistencyTest.Idle.class, metadata = "/charms/demo")
class ConsistencyTest {

  /** Does nothing: these runs never start. */
  static final class Idle extends Charm {
    Idle(Framework framework) {
      super(framework);
    }
  }

  private static InconsistentStateException rejected(Context ctx, Event event, State state) {
    return catchThrowableOfType(InconsistentStateException.class, () -> ctx.run(event, state));
  }

  @Test
  void theEventsRelationMustBeInTheState(Context ctx) {
    Relation db = Relation.of("db");

    assertThat(rejected(ctx, Event.relationChanged(db), State.builder().build()).problems())
        .containsExactly(
            "hook db-relation-changed: relation "
                + db.ref()
                + " is not in the state; add it with .relation()");
  }

  @Test
  void endpointsMustBeDeclaredAndPeersBuiltAsPeers(Context ctx) {
    Relation typo = Relation.of("dbs");
    Relation peers = Relation.of("replicas");

    assertThat(
            rejected(ctx, Event.install(), State.builder().relation(typo).relation(peers).build())
                .problems())
        .containsExactly(
            "relation "
                + typo.ref()
                + " is on endpoint 'dbs', which the charm does not declare (declared: replicas,"
                + " website, db)",
            "relation "
                + peers.ref()
                + " is on peer endpoint 'replicas': build it with Relation.peer");
  }

  @Test
  void unitIdsMustBeConsistent(Context ctx) {
    Relation peers = Relation.peer("replicas").withRemoteUnit(0, Map.of());
    Relation db = Relation.of("db");

    InconsistentStateException e =
        rejected(
            ctx,
            Event.relationChanged(db, 3),
            State.builder().relation(peers).relation(db).build());

    assertThat(e.problems())
        .containsExactly(
            "peer relation "
                + peers.ref()
                + " lists unit demo/0, which is this unit; list only the other units of demo",
            "hook db-relation-changed: remote unit number 3 is not a unit of relation "
                + db.ref()
                + " (its units: [0])");
  }

  @Test
  void configKeysMustBeDeclaredWithTheRightTypes(Context ctx) {
    State state = State.builder().config(Map.of("port", "8080", "colour", "blue")).build();

    InconsistentStateException e = rejected(ctx, Event.configChanged(), state);

    assertThat(e.problems())
        .containsExactly(
            "config option 'colour' is not declared in config.yaml (declared: greeting, port,"
                + " debug)",
            "config option 'port' is declared as int but its value is the string '8080'");
    assertThat(e).hasMessageStartingWith("inconsistent state for this charm:\n  - config option");
  }

  @Test
  void containersSecretsStorageAndActionsMustExist(Context ctx) {
    assertThat(
            rejected(
                    ctx,
                    Event.pebbleReady(Container.connected("workload")),
                    State.builder().build())
                .problems())
        .containsExactly(
            "hook workload-pebble-ready: container 'workload' is not in the state; add it with"
                + " .container()");
    Container down = Container.disconnected("workload");
    assertThat(
            rejected(ctx, Event.pebbleReady(down), State.builder().container(down).build())
                .problems())
        .containsExactly(
            "hook workload-pebble-ready: container 'workload' cannot connect, but Juju fires Pebble"
                + " events only when Pebble is up");
    Secret owned = Secret.ownedByApp(Map.of("key", "value"));
    assertThat(
            rejected(ctx, Event.secretChanged(owned), State.builder().secret(owned).build())
                .problems())
        .singleElement()
        .asString()
        .contains("secret-changed goes to consumers");
    assertThat(
            rejected(ctx, Event.storageAttached(Storage.of("data")), State.builder().build())
                .problems())
        .containsExactly(
            "hook data-storage-attached: storage data/0 is not in the state; add it with"
                + " .storage()");
    assertThat(rejected(ctx, Event.action("restore"), State.builder().build()).problems())
        .containsExactly("action 'restore' is not defined in actions.yaml (defined: backup)");
    // Juju 4 refuses parameters that actions.yaml does not declare (Juju 3 passes them on).
    assertThat(
            rejected(
                    ctx.withJujuVersion("4.0.0"),
                    Event.action("backup", Map.of("force", true)),
                    State.builder().build())
                .problems())
        .containsExactly(
            "action 'backup': parameter 'force' is not declared and the action allows no other"
                + " parameters (declared: target, compress)");
  }

  @Test
  void aConsistentStateRuns(Context ctx) {
    Relation db = Relation.of("db");
    Outcome out =
        ctx.run(Event.relationChanged(db), State.builder().relation(db).config("port", 80).build());

    assertThat(out.state().relations()).containsExactly(db);
  }
}
