package io.charmkit.examples.temporal;

import static io.charmkit.examples.temporal.TemporalFixtures.STATE_KEY;
import static io.charmkit.examples.temporal.TemporalFixtures.connected;
import static io.charmkit.examples.temporal.TemporalFixtures.context;
import static io.charmkit.examples.temporal.TemporalFixtures.pgsql;
import static io.charmkit.examples.temporal.TemporalFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.Service;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server says exactly what it waits for, in order, and starts only when nothing is missing. */
class TemporalStatusTest {
  private final Juju36Context ctx = context();

  private State.Builder everything(boolean schemaReady) {
    return State.builder()
        .leader(true)
        .relation(pgsql("db"))
        .relation(pgsql("visibility"))
        .relation(Relation.of("admin").withRemoteApp("temporal-admin"))
        .storedState(STATE_KEY, connected(schemaReady))
        .container(workload());
  }

  @Test
  void installSaysItIsInstalling() {
    Outcome out = ctx.run(Event.install(), State.builder().build());

    assertThat(out.unitStatus()).isEqualTo(Status.maintenance("installing temporal"));
  }

  @Test
  void withoutAnyRelationItIsBlockedOnTheDatabaseRelation() {
    Outcome out = ctx.run(Event.configChanged(), State.builder().container(workload()).build());

    assertThat(out.unitStatus()).isEqualTo(Status.blocked("db:pgsql relation: not available"));
  }

  @Test
  void withOnlyTheDbRelationItIsBlockedOnTheVisibilityRelation() {
    State state =
        State.builder()
            .relation(pgsql("db"))
            .storedState(
                STATE_KEY, new ServerState(false, Map.of("db", Map.of("a", "b")), Map.of()))
            .build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("visibility:pgsql relation: not available"));
  }

  @Test
  void aDatabaseRelationWithoutAnAnswerWaitsForTheConnection() {
    State state = State.builder().relation(pgsql("db")).relation(pgsql("visibility")).build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(out.unitStatus())
        .isEqualTo(Status.waiting("db:pgsql relation: no database connection available"));
  }

  @Test
  void withDatabasesButNoAdminRelationItIsBlockedOnTheAdminRelation() {
    State state =
        State.builder()
            .relation(pgsql("db"))
            .relation(pgsql("visibility"))
            .storedState(STATE_KEY, connected(false))
            .build();

    Outcome out = ctx.run(Event.configChanged(), state);

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("admin:temporal relation: not available"));
  }

  @Test
  void withTheAdminRelationButNoSchemaItWaitsForTheSchema() {
    Outcome out = ctx.run(Event.configChanged(), everything(false).build());

    assertThat(out.unitStatus())
        .isEqualTo(Status.waiting("admin:temporal relation: schema is not ready"));
    assertThat(out.state().container("temporal").orElseThrow().layers()).isEmpty();
  }

  @Test
  void anUnknownServiceInConfigBlocksBeforeAnythingElse() {
    Outcome out =
        ctx.run(
            Event.configChanged(), everything(true).config("services", "frontend,histroy").build());

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("error in services config: invalid service 'histroy'"));
  }

  @Test
  void whenPebbleIsNotReachableItWaitsAndDefersTheEvent() {
    Outcome out =
        ctx.run(
            Event.configChanged(),
            everything(true).container(workload().withCanConnect(false)).build());

    assertThat(out.unitStatus()).isEqualTo(Status.waiting("waiting for the temporal container"));
    assertThat(out.state().deferred())
        .singleElement()
        .satisfies(n -> assertThat(n.eventPath()).isEqualTo("TemporalCharm/on/config_changed"));
  }

  @Test
  void withEverythingReadyItWritesTheConfigAndStartsTheServer() {
    Outcome out = ctx.run(Event.pebbleReady(workload()), everything(true).build());

    assertThat(out.unitStatus()).isEqualTo(Status.active());
    var container = out.state().container("temporal").orElseThrow();
    Service service = container.plan().services().get("temporal");
    assertThat(service.command())
        .isEqualTo(
            "temporal-server --env charm start --service=frontend --service=history"
                + " --service=matching --service=worker");
    assertThat(service.startup()).isEqualTo("enabled");
    assertThat(service.override()).isEqualTo("replace");
    assertThat(service.environment()).containsOnlyKeys("CHARM_CONFIG_DIGEST");
    String config = container.files().get("/etc/temporal/config/charm.yaml");
    assertThat(config)
        .contains("databaseName: \"temporal-k8s_db\"")
        .contains("connectAddr: \"10.1.2.3:5432\"")
        .contains("password: \"s3cret2\"")
        .contains("databaseName: \"temporal-k8s_visibility\"");
  }

  @Test
  void aConfigChangeChangesTheLayerSoReplanRestartsTheServer() {
    Outcome first = ctx.run(Event.pebbleReady(workload()), everything(true).build());
    Outcome second =
        ctx.run(
            Event.configChanged(), first.state().toBuilder().config("log-level", "debug").build());

    String before =
        first
            .state()
            .container("temporal")
            .orElseThrow()
            .plan()
            .services()
            .get("temporal")
            .environment()
            .get("CHARM_CONFIG_DIGEST");
    String after =
        second
            .state()
            .container("temporal")
            .orElseThrow()
            .plan()
            .services()
            .get("temporal")
            .environment()
            .get("CHARM_CONFIG_DIGEST");
    assertThat(after).isNotEqualTo(before);
    assertThat(second.unitStatus()).isEqualTo(Status.active());
  }

  @Test
  void theRestartActionRestartsARunningServer() {
    Outcome started = ctx.run(Event.pebbleReady(workload()), everything(true).build());

    Outcome out = ctx.run(Event.action("restart"), started.state());

    assertThat(out.unitStatusHistory())
        .containsSubsequence(Status.maintenance("restarting temporal"), Status.active());
  }

  @Test
  void theRestartActionFailsCleanlyBeforeTheServerIsConfigured() {
    Outcome out = ctx.run(Event.action("restart"), everything(false).build());

    assertThat(out.action().failure())
        .hasValueSatisfying(m -> assertThat(m).contains("not configured"));
  }
}
