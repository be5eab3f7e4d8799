package io.charmkit.testing;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.ops.Charm;
import io.charmkit.ops.event.RelationEvent;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.PermissionDeniedException;
import io.charmkit.ops.hooktools.RelationNotFoundException;
import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.model.RawTools;
import io.charmkit.ops.model.RelationDataAccessException;
import io.charmkit.ops.model.Status;
import io.charmkit.testing.junit.CharmTest;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Juju's relation data rules, through whole dispatches of a tiny charm. */
@CharmTest(charm = RelationDataTest.Greeter.class, metadata = "/charms/demo")
class RelationDataTest {

  /** Answers greetings on {@code db}, publishes on {@code website}, counts peers. */
  static final class Greeter extends Charm {
    Greeter(Framework framework) {
      super(framework);
      observe(on().relationChanged("db"), this::onDbChanged);
      observe(on().relationChanged("website"), this::onWebsiteChanged);
      observe(on().relationChanged("replicas"), this::onPeersChanged);
      observe(on().relationDeparted("db"), e -> listUnits(e));
      observe(on().relationBroken("db"), e -> listUnits(e));
      observe(on().configChanged(), e -> publishGreeting());
      observe(on().updateStatus(), e -> rawAppWrite());
      observe(on().start(), e -> readMissingRelation());
    }

    private void onDbChanged(RelationEvent e) {
      var relation = e.relation();
      String greeting = relation.remoteAppData().orElseThrow().get("greeting").orElse("nothing");
      relation.localUnitData().put("seen", e.unit().map(u -> u.name()).orElse("the app"));
      if (unit().isLeader()) {
        relation.localAppData().put("reply", greeting + " back");
      }
    }

    private void onWebsiteChanged(RelationEvent e) {
      // Written regardless of leadership: the runtime must refuse it for a non-leader.
      e.relation().localAppData().put("url", "http://demo:8080");
    }

    private void onPeersChanged(RelationEvent e) {
      String members = e.relation().localAppData().get("members").orElse("none");
      unit().setStatus(Status.active("members: " + members));
    }

    private void listUnits(RelationEvent e) {
      String units =
          model().relations("db").stream()
              .flatMap(r -> r.units().stream())
              .map(u -> u.name())
              .sorted()
              .collect(Collectors.joining(","));
      unit().setStatus(Status.active("db units: [" + units + "]"));
    }

    private void publishGreeting() {
      for (var relation : model().relations("db")) {
        relation.localUnitData().put("greeting", config().string("greeting").orElseThrow());
      }
    }

    private void rawAppWrite() {
      var relation = model().relation("db").orElseThrow();
      RawTools.of(model()).relationSet(relation.ref(), true, Map.of("raw", "write"));
    }

    private void readMissingRelation() {
      try {
        RawTools.of(model()).relationGet(RelationRef.of("db", 99), "remote/0", false);
      } catch (RelationNotFoundException e) {
        unit().setStatus(Status.blocked(e.stderr().strip()));
      }
    }
  }

  private final Relation db =
      Relation.of("db").withRemoteApp("postgresql").withRemoteAppData(Map.of("greeting", "hi"));

  @Test
  void theLeaderAnswersInItsAppBagAndEveryUnitInItsOwnBag(Context ctx) {
    Outcome out =
        ctx.run(Event.relationChanged(db), State.builder().leader(true).relation(db).build());

    assertThat(out).relation(db.id()).localAppData().containsExactly(Map.entry("reply", "hi back"));
    assertThat(out).relation(db.id()).localUnitData().containsEntry("seen", "postgresql/0");
    assertThat(out)
        .calls("relation-set")
        .containsExactlyInAnyOrder(
            "relation-set -r db:" + db.id() + " --file -",
            "relation-set -r db:" + db.id() + " --app --file -");
    assertThat(out.callsOf("relation-set"))
        .extracting(c -> c.stdin().orElseThrow())
        .containsExactlyInAnyOrder("{\"seen\": \"postgresql/0\"}", "{\"reply\": \"hi back\"}");
  }

  @Test
  void aBagWhoseValuesDidNotChangeIsNotWritten(Context ctx) {
    Relation greeted = db.withLocalUnitData(Map.of("greeting", "hello"));
    Outcome out = ctx.run(Event.configChanged(), State.builder().relation(greeted).build());

    assertThat(out).madeNoCall("relation-set");
    assertThat(out.state()).isEqualTo(State.builder().relation(greeted).build());
  }

  @Test
  void onlyTheChangedKeysAreSent(Context ctx) {
    Relation greeted = db.withLocalUnitData(Map.of("greeting", "hello", "other", "kept"));
    Outcome out =
        ctx.run(
            Event.configChanged(),
            State.builder().config("greeting", "bonjour").relation(greeted).build());

    assertThat(out.callsOf("relation-set"))
        .singleElement()
        .extracting(c -> c.stdin().orElseThrow())
        .isEqualTo("{\"greeting\": \"bonjour\"}");
    assertThat(out)
        .relation(db.id())
        .localUnitData()
        .containsEntry("greeting", "bonjour")
        .containsEntry("other", "kept");
  }

  @Test
  void aNonLeaderCannotWriteItsAppBagAndNothingIsCommitted(Context ctx) {
    Relation website = Relation.of("website").withRemoteApp("browser");
    State in = State.builder().leader(false).relation(website).build();

    UncaughtCharmException e =
        catchThrowableOfType(
            UncaughtCharmException.class, () -> ctx.run(Event.relationChanged(website), in));

    assertThat(e.getCause())
        .isInstanceOf(RelationDataAccessException.class)
        .hasMessage(
            "demo/0 is not leader and cannot write its application databag in relation "
                + website.ref());
    assertThat(e.outcome().state()).isEqualTo(in);
    assertThat(e.outcome()).madeNoCall("relation-set");
  }

  @Test
  void jujuItselfRefusesANonLeaderAppWriteWithItsOwnText(Context ctx) {
    State in = State.builder().leader(false).relation(db).build();

    UncaughtCharmException e =
        catchThrowableOfType(UncaughtCharmException.class, () -> ctx.run(Event.updateStatus(), in));

    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            p -> {
              assertThat(p.stderr()).isEqualTo("ERROR cannot write relation settings\n");
              assertThat(p.argv())
                  .containsExactly("relation-set", "-r", db.ref(), "--app", "--file", "-");
            });
    assertThat(e.outcome().state()).isEqualTo(in);
  }

  @Test
  void readingARelationThatIsNotInTheStateFailsAsJujuDoes(Context ctx) {
    Outcome out = ctx.run(Event.start(), State.builder().build());

    assertThat(out)
        .unitStatus()
        .isEqualTo(
            Status.blocked("ERROR invalid value \"db:99\" for option -r: relation not found"));
  }

  @Test
  void everyUnitReadsThePeerAppBag(Context ctx) {
    Relation peers =
        Relation.peer("replicas")
            .withLocalAppData(Map.of("members", "3"))
            .withRemoteUnit(1, Map.of());

    Outcome out = ctx.run(Event.relationChanged(peers), State.builder().relation(peers).build());

    assertThat(out).unitStatus().isEqualTo(Status.active("members: 3"));
    assertThat(out)
        .calls("relation-get")
        .contains("relation-get --format=json -r " + peers.ref() + " --app - demo");
  }

  @Test
  void theDepartingUnitIsNoLongerListed(Context ctx) {
    Relation two = db.withRemoteUnit(1, Map.of());

    Outcome out = ctx.run(Event.relationDeparted(two, 1), State.builder().relation(two).build());

    assertThat(out).unitStatus().isEqualTo(Status.active("db units: [postgresql/0]"));
  }

  @Test
  void theBrokenRelationIsLeftOutOfTheEndpoint(Context ctx) {
    Outcome out = ctx.run(Event.relationBroken(db), State.builder().relation(db).build());

    assertThat(out).unitStatus().isEqualTo(Status.active("db units: []"));
  }
}
