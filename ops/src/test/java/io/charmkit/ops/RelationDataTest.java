package io.charmkit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.RelationDataAccessException;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Juju's databag rules (JUJU.md §9) and the cost rules: lazy reads, buffered minimal writes. */
class RelationDataTest {
  private FakeTools tools;
  private Fixture.MemoryStore store;

  /** A charm whose whole behaviour is the lambda a test hands it, run on db-relation-changed. */
  static final class Probe extends Charm {
    Probe(Framework framework, Consumer<Relation> body) {
      super(framework);
      observe(on().relationChanged("db"), e -> body.accept(e.relation()));
    }
  }

  @BeforeEach
  void setUp() {
    tools = new FakeTools();
    store = new Fixture.MemoryStore();
    tools.relation("db", 3, "postgresql/0");
    tools.relation("replicas", 1, "demo/1");
  }

  private DispatchResult changed(Consumer<Relation> body) {
    return Fixture.run(
        Fixture.relationEnv("relation-changed", "db", 3, "postgresql", "postgresql/0"),
        tools,
        store,
        fw -> new Probe(fw, body));
  }

  @Test
  void writesNothingWhenNothingChanged() {
    tools.bag(3, "demo/0").put("address", "a.example");
    DispatchResult result = changed(r -> r.localUnitData().put("address", "a.example"));
    assertThat(result.succeeded()).isTrue();
    assertThat(tools.callsOf("relation-set")).isEmpty();
  }

  @Test
  void flushesOneRelationSetPerChangedBagWithOnlyTheChangedKeys() {
    tools.bag(3, "demo/0").putAll(Map.of("address", "a.example", "role", "all"));
    changed(
        r -> {
          r.localUnitData().put("address", "a.example");
          r.localUnitData().put("role", "querier");
          r.localUnitData().put("new", "x");
          r.localUnitData().put("role", "ingester");
          r.localAppData().put("config", "{}");
        });
    assertThat(tools.callsOf("relation-set"))
        .containsExactlyInAnyOrder(
            "relation-set db:3 {new=x, role=ingester}", "relation-set db:3 --app {config={}}");
  }

  @Test
  void anApplicationBagJujuRefusesBeforeInstallIsLeftForALaterEvent() {
    tools.refuseAppWrites = true;
    DispatchResult result =
        changed(
            r -> {
              r.localUnitData().put("address", "a.example");
              r.localAppData().put("role", "\"all\"");
            });

    assertThat(result.succeeded()).isTrue();
    assertThat(tools.callsOf("relation-set"))
        .containsExactlyInAnyOrder(
            "relation-set db:3 {address=a.example}", "relation-set db:3 --app {role=\"all\"}");
  }

  @Test
  void aRefusedUnitBagWriteStillFailsTheHook() {
    tools.refuseUnitWrites = true;
    DispatchResult result = changed(r -> r.localUnitData().put("address", "a.example"));

    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void deletingAMissingKeyWritesNothingButDeletingAPresentOneWritesEmpty() {
    tools.bag(3, "demo/0").put("old", "1");
    changed(
        r -> {
          r.localUnitData().remove("old");
          r.localUnitData().remove("never-there");
        });
    assertThat(tools.callsOf("relation-set")).containsExactly("relation-set db:3 {old=}");
  }

  @Test
  void theUnitSeesItsOwnWritesAtOnce() {
    changed(
        r -> {
          r.localUnitData().put("k", "v");
          assertThat(r.localUnitData().get("k")).contains("v");
          r.localUnitData().remove("k");
          assertThat(r.localUnitData().asMap()).doesNotContainKey("k");
        });
  }

  @Test
  void readsEachBagOnceAndIsLeaderOnce() {
    tools.bag(3, "postgresql/0").put("master", "dbname=x");
    changed(
        r -> {
          for (int i = 0; i < 3; i++) {
            r.data(r.units().iterator().next()).get("master");
            r.localAppData().put("k", "v" + i);
          }
        });
    assertThat(tools.callsOf("relation-get"))
        .containsOnlyOnce("relation-get db:3 postgresql/0", "relation-get db:3 --app demo");
    assertThat(tools.callsOf("relation-list")).hasSize(1);
    assertThat(tools.callsOf("is-leader")).hasSize(1);
  }

  @Test
  void aNonLeaderCannotWriteItsAppBag() {
    tools.leader = false;
    DispatchResult result = changed(r -> r.localAppData().put("k", "v"));
    assertThat(result.failure())
        .get()
        .isInstanceOf(RelationDataAccessException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .contains("demo/0 is not leader and cannot write its application databag");
    assertThat(tools.callsOf("relation-set")).isEmpty();
  }

  @Test
  void aNonLeaderCannotReadItsAppBagExceptOnPeers() {
    tools.leader = false;
    DispatchResult result = changed(r -> r.localAppData().asMap());
    assertThat(result.failure())
        .get()
        .extracting(Throwable::getMessage)
        .asString()
        .isEqualTo("demo/0 is not leader and cannot read its own application databag");
    assertThat(tools.callsOf("relation-get")).as("checked before any tool runs").isEmpty();

    tools.bag(1, "demo").put("shared", "yes");
    DispatchResult peer =
        changed(
            r ->
                assertThat(
                        r.model().relation("replicas").orElseThrow().localAppData().get("shared"))
                    .contains("yes"));
    assertThat(peer.succeeded()).isTrue();
  }

  @Test
  void remoteBagsAndOtherUnitsBagsAreReadOnly() {
    DispatchResult remoteApp = changed(r -> r.remoteAppData().orElseThrow().put("k", "v"));
    assertThat(remoteApp.failure())
        .get()
        .extracting(Throwable::getMessage)
        .asString()
        .contains("application databag of postgresql", "read-only");

    DispatchResult remoteUnit =
        changed(r -> r.data(r.model().unitNamed("postgresql/0")).put("k", "v"));
    assertThat(remoteUnit.failure())
        .get()
        .extracting(Throwable::getMessage)
        .asString()
        .contains("cannot write the databag of unit postgresql/0");
    assertThat(tools.callsOf("relation-set")).isEmpty();
  }

  @Test
  void peerDataIsOutOfReachDuringInstall() {
    final class Installer extends Charm {
      Installer(Framework fw) {
        super(fw);
        observe(
            on().install(),
            e -> model().relation("replicas").orElseThrow().localUnitData().put("k", "v"));
      }
    }
    DispatchResult result = Fixture.run(Fixture.env("hooks/install"), tools, store, Installer::new);
    assertThat(result.failure())
        .get()
        .isInstanceOf(RelationDataAccessException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .contains("during install");
  }

  @Test
  void theBrokenRelationIsLeftOutOfTheEndpointsRelations() {
    final class Breaker extends Charm {
      int seen = -1;
      boolean active = true;

      Breaker(Framework fw) {
        super(fw);
        observe(
            on().relationBroken("db"),
            e -> {
              seen = model().relations("db").size();
              active = e.relation().isActive();
            });
      }
    }
    Breaker[] charm = new Breaker[1];
    Fixture.run(
        Fixture.relationEnv("relation-broken", "db", 3, "postgresql", null),
        tools,
        store,
        fw -> charm[0] = new Breaker(fw));
    assertThat(charm[0].seen).isZero();
    assertThat(charm[0].active).isFalse();
  }
}
