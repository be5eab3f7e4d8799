package io.charmkit.examples.temporal;

import static io.charmkit.examples.temporal.TemporalFixtures.DB_MASTER;
import static io.charmkit.examples.temporal.TemporalFixtures.STATE_KEY;
import static io.charmkit.examples.temporal.TemporalFixtures.context;
import static io.charmkit.examples.temporal.TemporalFixtures.dbConnection;
import static io.charmkit.examples.temporal.TemporalFixtures.pgsql;
import static io.charmkit.examples.temporal.TemporalFixtures.pgsqlAnswered;
import static io.charmkit.examples.temporal.TemporalFixtures.providerBag;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.model.Status;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The db and visibility relations: the pgsql request, reading the master, and bad answers. */
class DatabaseRelationTest {
  private final Juju36Context ctx = context();

  private static ServerState stored(Outcome out) {
    return out.state().storedState(STATE_KEY, ServerState.class).orElse(ServerState.initial());
  }

  @Test
  void anAnsweredRequestStoresTheConnectionInTheStringsKeywordOrder() {
    Relation db = pgsqlAnswered("db", DB_MASTER);

    Outcome out =
        ctx.run(Event.relationChanged(db), State.builder().leader(true).relation(db).build());

    assertThat(stored(out).databaseConnections().get("db"))
        .containsExactlyEntriesOf(dbConnection());
    assertThat(out.unitStatusHistory()).contains(Status.waiting("handling db change"));
    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("visibility:pgsql relation: not available"));
  }

  @Test
  void aNonLeaderReadsTheMasterToo() {
    Relation db = pgsqlAnswered("db", DB_MASTER);

    Outcome out =
        ctx.run(Event.relationChanged(db), State.builder().leader(false).relation(db).build());

    assertThat(stored(out).databaseConnections()).containsKey("db");
  }

  @Test
  void anAnswerForAnotherDatabaseIsNotTheMaster() {
    Relation db = pgsql("db").withRemoteUnit(0, providerBag("someone_else", DB_MASTER));
    State state = State.builder().relation(db).relation(pgsql("visibility")).build();

    Outcome out = ctx.run(Event.relationChanged(db), state);

    assertThat(stored(out).databaseConnections()).isEmpty();
    assertThat(out.emittedEvents()).noneMatch(e -> e.endsWith("on/master_changed"));
  }

  @Test
  void anAnswerThatDoesNotAllowThisUnitsSubnetIsNotTheMaster() {
    Map<String, String> bag =
        new java.util.LinkedHashMap<>(providerBag("temporal-k8s_db", DB_MASTER));
    bag.put("allowed-subnets", "10.9.9.0/24");
    Relation db = pgsql("db").withRemoteUnit(0, bag);

    Outcome out = ctx.run(Event.relationChanged(db), State.builder().relation(db).build());

    assertThat(stored(out).databaseConnections()).isEmpty();
  }

  @Test
  void theProvidersAppBagIsReadBeforeItsUnitBags() {
    Relation db =
        pgsql("db")
            .withRemoteAppData(
                providerBag("temporal-k8s_db", DB_MASTER.replace("10.1.2.3", "10.0.0.1")))
            .withRemoteUnit(0, providerBag("temporal-k8s_db", DB_MASTER));

    Outcome out = ctx.run(Event.relationChanged(db), State.builder().relation(db).build());

    assertThat(stored(out).databaseConnections().get("db")).containsEntry("host", "10.0.0.1");
  }

  @Test
  void quotedValuesWithEscapesAreUnquoted() {
    Relation db =
        pgsqlAnswered(
            "db", "dbname=temporal-k8s_db host=h port=5432 user=u password='it\\'s a secret'");

    Outcome out = ctx.run(Event.relationChanged(db), State.builder().relation(db).build());

    assertThat(stored(out).databaseConnections().get("db"))
        .containsEntry("password", "it's a secret");
  }

  @Test
  void aMalformedMasterBlocksWithAClearReasonAndDoesNotFailTheHook() {
    Relation db = pgsqlAnswered("db", "dbname=temporal-k8s_db host=h password='unterminated");

    Outcome out = ctx.run(Event.relationChanged(db), State.builder().relation(db).build());

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "db:pgsql relation: master from postgresql is not a libpq connection string:"
                    + " the quoted value of 'password' is not terminated"));
    assertThat(out.jujuLog()).noneMatch(l -> l.message().contains("unterminated"));
    assertThat(stored(out).databaseConnections()).isEmpty();
  }

  @Test
  void aMasterWithoutAKeywordTemporalNeedsBlocksNamingIt() {
    Relation db = pgsqlAnswered("db", "dbname=temporal-k8s_db port=5432 user=u password=p");

    Outcome out = ctx.run(Event.relationChanged(db), State.builder().relation(db).build());

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("db:pgsql relation: master connection string lacks host"));
  }

  @Test
  void aFixedMasterClearsTheProblem() {
    Relation bad = pgsqlAnswered("db", "dbname");
    Outcome first = ctx.run(Event.relationChanged(bad), State.builder().relation(bad).build());
    Relation good = bad.withRemoteUnit(0, providerBag("temporal-k8s_db", DB_MASTER));

    Outcome out =
        ctx.run(
            Event.relationChanged(good),
            first.state().toBuilder().relation(good).relation(pgsql("visibility")).build());

    assertThat(stored(first).databaseProblems()).containsKey("db");
    assertThat(stored(out).databaseProblems()).isEmpty();
    assertThat(out.unitStatus())
        .isEqualTo(Status.waiting("visibility:pgsql relation: no database connection available"));
  }

  @Test
  void anUnchangedMasterEmitsNothing() {
    Relation db = pgsqlAnswered("db", DB_MASTER);
    Outcome first = ctx.run(Event.relationChanged(db), State.builder().relation(db).build());

    Outcome out = ctx.run(Event.relationChanged(db), first.state());

    assertThat(out.emittedEvents()).noneMatch(e -> e.endsWith("on/master_changed"));
  }

  @Test
  void aBrokenRelationForgetsItsConnection() {
    Relation db = pgsqlAnswered("db", DB_MASTER);
    Outcome first = ctx.run(Event.relationChanged(db), State.builder().relation(db).build());

    Outcome out = ctx.run(Event.relationBroken(db), first.state());

    assertThat(stored(out).databaseConnections()).isEmpty();
    assertThat(out.unitStatus()).isEqualTo(Status.blocked("db:pgsql relation: not available"));
  }

  @Test
  void stateIsStoredUnderTheSeedsNames() {
    Relation db = pgsqlAnswered("db", DB_MASTER);

    Outcome out = ctx.run(Event.relationChanged(db), State.builder().relation(db).build());

    assertThat(out.state().storedState().get(STATE_KEY).has("schemaReady")).isTrue();
    assertThat(out.state().storedState().get(STATE_KEY).get("databaseConnections").has("db"))
        .isTrue();
  }
}
