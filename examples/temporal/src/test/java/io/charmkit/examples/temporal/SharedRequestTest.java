package io.charmkit.examples.temporal;

import static io.charmkit.examples.temporal.TemporalFixtures.context;
import static io.charmkit.examples.temporal.TemporalFixtures.peer;
import static io.charmkit.examples.temporal.TemporalFixtures.peerSharing;
import static io.charmkit.examples.temporal.TemporalFixtures.pgsql;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.examples.temporal.pgsql.PgsqlRequirerAccess;
import io.charmkit.ops.model.Status;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How the pgsql requests reach every unit on Juju 3: the leader writes them to its app and unit
 * bags and shares them under {@code interface.pgsql} in the peer relation's application bag; a
 * non-leader mirrors its relation's shared entry into its unit bag. No leadership settings: every
 * run also fails on a tool Juju 3.6 lacks ({@link Juju36Context}).
 */
class SharedRequestTest {
  private static final String KEY = "interface.pgsql";

  private final Juju36Context ctx = context();

  private static Map<String, String> request(String database) {
    return Map.of("database", database, "roles", "", "extensions", "");
  }

  /** The shared value for relation id to request pairs. */
  private static String shared(Object... idsAndDatabases) {
    Map<Integer, Map<String, String>> all = new TreeMap<>();
    for (int i = 0; i < idsAndDatabases.length; i += 2) {
      all.put((Integer) idsAndDatabases[i], request((String) idsAndDatabases[i + 1]));
    }
    return PgsqlRequirerAccess.sharedYaml(all);
  }

  private static Relation after(Outcome out, Relation relation) {
    return out.state().relation(relation.id()).orElseThrow();
  }

  @Test
  void theSharedValueIsTheYamlMapOfRelationIdToRequest() {
    assertThat(shared(7, "temporal-k8s_db"))
        .isEqualTo("7:\n  database: 'temporal-k8s_db'\n  extensions: ''\n  roles: ''\n");
  }

  @Test
  void theLeaderAsksInItsAppAndUnitBagsAndSharesTheRequestInThePeerAppBag() {
    Relation db = pgsql("db");
    Relation peer = peer();

    Outcome out =
        ctx.run(
            Event.relationJoined(db),
            State.builder().leader(true).relation(db).relation(peer).build());

    assertThat(after(out, db).localAppData()).isEqualTo(Map.of("database", "temporal-k8s_db"));
    assertThat(after(out, db).localUnitData())
        .containsEntry("database", "temporal-k8s_db")
        .doesNotContainKeys("roles", "extensions");
    assertThat(after(out, peer).localAppData())
        .isEqualTo(Map.of(KEY, shared(db.id(), "temporal-k8s_db")));
    assertThat(out.callsOf("leader-get")).isEmpty();
    assertThat(out.callsOf("leader-set")).isEmpty();
  }

  @Test
  void theLeaderKeepsTheOtherEndpointsEntriesAndWritesNothingWhenNothingChanged() {
    Relation db = pgsql("db");
    Relation visibility = pgsql("visibility");
    Relation peer = peerSharing(shared(visibility.id(), "temporal-k8s_visibility"));
    State state =
        State.builder().leader(true).relation(db).relation(visibility).relation(peer).build();

    Outcome first = ctx.run(Event.relationCreated(db), state);
    Outcome again = ctx.run(Event.relationCreated(db), first.state());

    String both = shared(db.id(), "temporal-k8s_db", visibility.id(), "temporal-k8s_visibility");
    assertThat(after(first, peer).localAppData()).isEqualTo(Map.of(KEY, both));
    assertThat(again.callsOf("relation-set")).noneMatch(c -> c.argv().contains(peer.ref()));
    assertThat(after(again, peer).localAppData()).isEqualTo(Map.of(KEY, both));
  }

  @Test
  void beforeThePeerRelationExistsTheLeaderStillAsksAndSharesOnceItIsCreated() {
    Relation db = pgsql("db");

    Outcome created =
        ctx.run(Event.relationCreated(db), State.builder().leader(true).relation(db).build());

    assertThat(after(created, db).localAppData()).containsEntry("database", "temporal-k8s_db");
    assertThat(created.unitStatus())
        .isEqualTo(Status.waiting("db:pgsql relation: no database connection available"));

    Relation peer = peer();
    Outcome peered =
        ctx.run(Event.relationCreated(peer), created.state().toBuilder().relation(peer).build());

    assertThat(after(peered, peer).localAppData())
        .isEqualTo(Map.of(KEY, shared(db.id(), "temporal-k8s_db")));
  }

  @Test
  void aNewLeaderSharesTheRequestsOfEveryRelation() {
    Relation db = pgsql("db");
    Relation visibility = pgsql("visibility");
    Relation peer = peer();

    Outcome out =
        ctx.run(
            Event.leaderElected(),
            State.builder().leader(true).relation(db).relation(visibility).relation(peer).build());

    assertThat(after(out, peer).localAppData())
        .isEqualTo(
            Map.of(
                KEY,
                shared(db.id(), "temporal-k8s_db", visibility.id(), "temporal-k8s_visibility")));
    assertThat(after(out, visibility).localAppData())
        .containsEntry("database", "temporal-k8s_visibility");
  }

  @Test
  void aBrokenRelationLeavesTheSharedMap() {
    Relation db = pgsql("db");
    Relation visibility = pgsql("visibility");
    Relation peer =
        peerSharing(shared(db.id(), "temporal-k8s_db", visibility.id(), "temporal-k8s_visibility"));

    Outcome out =
        ctx.run(
            Event.relationBroken(db),
            State.builder().leader(true).relation(db).relation(visibility).relation(peer).build());

    assertThat(after(out, peer).localAppData())
        .isEqualTo(Map.of(KEY, shared(visibility.id(), "temporal-k8s_visibility")));
  }

  @Test
  void aNonLeaderMirrorsTheLeadersSharedRequestIntoItsUnitBagOnly() {
    Relation db = pgsql("visibility");
    // The leader's request wins, even where it differs from what this unit would ask (an upgrade
    // in progress): the provider must see one request from the whole application.
    Map<Integer, Map<String, String>> leaders =
        Map.of(
            db.id(),
            Map.of("database", "temporal-k8s_visibility", "roles", "admin", "extensions", ""));
    Relation peer = peerSharing(PgsqlRequirerAccess.sharedYaml(leaders));

    Outcome out =
        ctx.run(
            Event.relationJoined(db),
            State.builder().leader(false).relation(db).relation(peer).build());

    assertThat(after(out, db).localUnitData())
        .containsEntry("database", "temporal-k8s_visibility")
        .containsEntry("roles", "admin")
        .doesNotContainKey("extensions");
    assertThat(after(out, db).localAppData()).isEmpty();
    assertThat(after(out, peer).localAppData()).isEqualTo(peer.localAppData());
    assertThat(out.callsOf("relation-set")).noneMatch(c -> c.argv().contains("--app"));
  }

  @Test
  void aNonLeaderWaitsQuietlyUntilThePeerRelationExistsAndTheLeaderShared() {
    Relation db = pgsql("db");

    Outcome noPeer =
        ctx.run(Event.relationCreated(db), State.builder().leader(false).relation(db).build());

    assertThat(after(noPeer, db).localUnitData()).doesNotContainKey("database");
    assertThat(noPeer.unitStatus())
        .isEqualTo(Status.waiting("db:pgsql relation: no database connection available"));

    Relation peer = peer();
    Outcome notShared =
        ctx.run(Event.relationCreated(peer), noPeer.state().toBuilder().relation(peer).build());

    assertThat(after(notShared, db).localUnitData()).doesNotContainKey("database");

    Relation sharedPeer = peer.withLocalAppData(Map.of(KEY, shared(db.id(), "temporal-k8s_db")));
    Outcome mirrored =
        ctx.run(
            Event.relationChanged(sharedPeer),
            notShared.state().toBuilder().relation(sharedPeer).build());

    assertThat(after(mirrored, db).localUnitData()).containsEntry("database", "temporal-k8s_db");
  }

  @Test
  void installTimeNeedsNoRelationAndNoLeadershipSettings() {
    Outcome out = ctx.run(Event.install(), State.builder().leader(true).build());

    assertThat(out.unitStatus()).isEqualTo(Status.maintenance("installing temporal"));
    assertThat(out.hookToolCalls()).noneMatch(c -> c.tool().startsWith("leader-"));
  }
}
