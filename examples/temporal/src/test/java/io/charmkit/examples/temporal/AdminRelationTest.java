package io.charmkit.examples.temporal;

import static io.charmkit.examples.temporal.TemporalFixtures.DATABASE_CONNECTIONS_RAW;
import static io.charmkit.examples.temporal.TemporalFixtures.DB_MASTER;
import static io.charmkit.examples.temporal.TemporalFixtures.STATE_KEY;
import static io.charmkit.examples.temporal.TemporalFixtures.VISIBILITY_MASTER;
import static io.charmkit.examples.temporal.TemporalFixtures.connected;
import static io.charmkit.examples.temporal.TemporalFixtures.context;
import static io.charmkit.examples.temporal.TemporalFixtures.pgsql;
import static io.charmkit.examples.temporal.TemporalFixtures.pgsqlAnswered;
import static io.charmkit.examples.temporal.TemporalFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.examples.temporal.relations.DatabaseConnections;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.state.Notice;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin relation: the server hands over its connections, the admin charm's answer becomes a
 * {@code schemaChanged} event, and that event survives deferral with its payload.
 */
class AdminRelationTest {
  private static final String SCHEMA_CHANGED = "TemporalCharm/Admin[admin]/on/schema_changed";

  private final Juju36Context ctx = context();

  private static Relation admin() {
    return Relation.of("admin").withRemoteApp("temporal-admin");
  }

  private static ServerState stored(Outcome out) {
    return out.state().storedState(STATE_KEY, ServerState.class).orElseThrow();
  }

  private static State.Builder connectedLeader(Relation admin) {
    return State.builder()
        .leader(true)
        .relation(pgsql("db"))
        .relation(pgsql("visibility"))
        .relation(admin)
        .storedState(STATE_KEY, connected(false))
        .container(workload());
  }

  @Test
  void theConnectionsAreWrittenExactlyAsThePythonCharmWritesThem() {
    DatabaseConnections conns =
        new DatabaseConnections(
            TemporalFixtures.dbConnection(), TemporalFixtures.visibilityConnection());

    assertThat(conns.toJson()).isEqualTo(DATABASE_CONNECTIONS_RAW);
  }

  @Test
  void onAdminJoinedTheLeaderWritesTheConnections() {
    Relation admin = admin();

    Outcome out = ctx.run(Event.relationJoined(admin), connectedLeader(admin).build());

    assertThat(out.state().relation(admin.id()).orElseThrow().localAppData())
        .isEqualTo(Map.of("database_connections", DATABASE_CONNECTIONS_RAW));
    assertThat(out.unitStatus())
        .isEqualTo(Status.waiting("admin:temporal relation: schema is not ready"));
  }

  @Test
  void theSecondMasterCompletesTheConnectionsAndTheyAreHandedOverAtOnce() {
    Relation admin = admin();
    Relation db = pgsqlAnswered("db", DB_MASTER);
    Relation visibility = pgsqlAnswered("visibility", VISIBILITY_MASTER);
    State state =
        State.builder().leader(true).relation(db).relation(visibility).relation(admin).build();

    Outcome first = ctx.run(Event.relationChanged(db), state);
    Outcome out = ctx.run(Event.relationChanged(visibility), first.state());

    assertThat(first.state().relation(admin.id()).orElseThrow().localAppData()).isEmpty();
    assertThat(out.state().relation(admin.id()).orElseThrow().localAppData())
        .containsEntry("database_connections", DATABASE_CONNECTIONS_RAW);
  }

  @Test
  void aNonLeaderNeverWritesTheConnections() {
    Relation admin = admin();

    Outcome out =
        ctx.run(Event.relationJoined(admin), connectedLeader(admin).leader(false).build());

    assertThat(out.state().relation(admin.id()).orElseThrow().localAppData()).isEmpty();
    assertThat(out.callsOf("relation-set")).isEmpty();
  }

  @Test
  void schemaStatusReadyStartsTheServer() {
    Relation admin = admin().withRemoteAppData(Map.of("schema_status", "ready"));

    Outcome out = ctx.run(Event.relationChanged(admin), connectedLeader(admin).build());

    assertThat(out.emittedEvents()).contains(SCHEMA_CHANGED);
    assertThat(out.unitStatusHistory()).contains(Status.waiting("handling schema ready change"));
    assertThat(stored(out).schemaReady()).isTrue();
    assertThat(out.unitStatus()).isEqualTo(Status.active());
    assertThat(out.state().container("temporal").orElseThrow().plan().services())
        .containsKey("temporal");
  }

  @Test
  void onlyThePlainTextReadyCounts() {
    Relation admin = admin().withRemoteAppData(Map.of("schema_status", "\"ready\""));

    Outcome out = ctx.run(Event.relationChanged(admin), connectedLeader(admin).build());

    assertThat(stored(out).schemaReady()).isFalse();
    assertThat(out.unitStatus())
        .isEqualTo(Status.waiting("admin:temporal relation: schema is not ready"));
  }

  @Test
  void aNonLeaderAlsoLearnsThatTheSchemaIsReady() {
    Relation admin = admin().withRemoteAppData(Map.of("schema_status", "ready"));

    Outcome out =
        ctx.run(Event.relationChanged(admin), connectedLeader(admin).leader(false).build());

    assertThat(stored(out).schemaReady()).isTrue();
    assertThat(out.unitStatus()).isEqualTo(Status.active());
  }

  @Test
  void schemaChangedIsDeferredWhilePebbleIsAwayAndComesBackWithItsPayload() {
    Relation admin = admin().withRemoteAppData(Map.of("schema_status", "ready"));
    State away = connectedLeader(admin).container(workload().withCanConnect(false)).build();

    Outcome deferred = ctx.run(Event.relationChanged(admin), away);

    assertThat(deferred.unitStatus())
        .isEqualTo(Status.waiting("waiting for the temporal container"));
    assertThat(stored(deferred).schemaReady()).isFalse();
    Notice notice = deferred.state().deferred().get(0);
    assertThat(notice.eventPath()).isEqualTo(SCHEMA_CHANGED);
    assertThat(notice.snapshot()).isEqualTo(Map.of("schemaReady", true));

    // The admin bag no longer says ready: only the stored payload can start the server now.
    State back =
        deferred.state().toBuilder()
            .relation(
                deferred.state().relation(admin.id()).orElseThrow().withRemoteAppData(Map.of()))
            .container(workload())
            .build();
    Outcome out = ctx.run(Event.pebbleReady(workload()), back);

    assertThat(out.emittedEvents().get(0)).isEqualTo(SCHEMA_CHANGED);
    assertThat(stored(out).schemaReady()).isTrue();
    assertThat(out.state().deferred()).isEmpty();
    assertThat(out.unitStatus()).isEqualTo(Status.active());
  }

  @Test
  void removingTheAdminRelationResetsTheSchemaAndBlocks() {
    Relation admin = admin();
    State ready = connectedLeader(admin).storedState(STATE_KEY, connected(true)).build();

    Outcome out = ctx.run(Event.relationBroken(admin), ready);

    assertThat(stored(out).schemaReady()).isFalse();
    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("admin:temporal relation: not available"));
  }
}
