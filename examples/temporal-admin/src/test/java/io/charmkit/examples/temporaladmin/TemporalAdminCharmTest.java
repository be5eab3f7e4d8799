package io.charmkit.examples.temporaladmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.hooktools.JujuToolSet;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.ExecResult;
import io.charmkit.testing.HookToolCall;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** temporal-admin-k8s: receiving connections, setting up the schema through Pebble, answering. */
class TemporalAdminCharmTest {
  private static final String CONNECTIONS =
      "{\"db\": {\"dbname\": \"temporal-k8s_db\", \"host\": \"10.1.2.3\", \"port\": \"5432\","
          + " \"user\": \"temporal_db_user\", \"password\": \"s3cret1\"}, \"visibility\":"
          + " {\"dbname\": \"temporal-k8s_visibility\", \"host\": \"10.1.2.3\", \"port\":"
          + " \"5432\", \"user\": \"temporal_vis_user\", \"password\": \"s3cret2\"}}";
  private static final List<String> TOOL = List.of("temporal-sql-tool");

  private final Juju36 ctx =
      new Juju36(
          new Context(
                  TemporalAdminCharm.class,
                  CharmMetadata.load(Path.of(System.getProperty("user.dir"))))
              .withAppName("temporal-admin-k8s")
              .withJujuVersion(Juju36.VERSION));

  /**
   * Runs the charm on a Juju 3.6 agent and fails the test when it called a hook tool that Juju 3.6
   * lacks (JUJU.md §7.1).
   *
   * @param context the context that runs the charm
   */
  private record Juju36(Context context) {
    static final String VERSION = "3.6.14";
    static final JujuToolSet TOOLS = JujuToolSet.forVersion(VERSION);

    Outcome run(Event event, State state) {
      Outcome out = context.run(event, state);
      assertThat(out.hookToolCalls())
          .as("hook tools called that Juju %s lacks", VERSION)
          .map(HookToolCall::tool)
          .allSatisfy(tool -> assertThat(TOOLS.whyAbsent(tool)).as(tool).isEmpty());
      return out;
    }
  }

  private static Relation admin(Map<String, String> serverBag) {
    return Relation.of("admin").withRemoteApp("temporal-k8s").withRemoteAppData(serverBag);
  }

  private static Container tools(ExecResult result) {
    return Container.connected("temporal-admin").withExec(result);
  }

  private static State leaderWith(Relation admin) {
    return State.builder()
        .leader(true)
        .relation(admin)
        .container(tools(ExecResult.ok(TOOL, "")))
        .build();
  }

  @Test
  void installSaysItIsInstallingTheTools() {
    Outcome out = ctx.run(Event.install(), State.builder().build());

    assertThat(out.unitStatus()).isEqualTo(Status.maintenance("installing temporal admin tools"));
  }

  @Test
  void withoutTheAdminRelationItIsBlocked() {
    Container c = tools(ExecResult.ok(TOOL, ""));

    Outcome out = ctx.run(Event.pebbleReady(c), State.builder().leader(true).container(c).build());

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("admin:temporal relation: not available"));
  }

  @Test
  void beforeTheServerSendsConnectionsItIsBlockedOnThem() {
    Relation admin = admin(Map.of());

    Outcome out = ctx.run(Event.relationChanged(admin), leaderWith(admin));

    assertThat(out.unitStatusHistory()).contains(Status.waiting("handling admin change"));
    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked("admin:temporal relation: database connections info not available"));
    assertThat(out.execHistory()).isEmpty();
  }

  @Test
  void theLeaderSetsUpBothSchemasAndAnswersReady() {
    Relation admin = admin(Map.of("database_connections", CONNECTIONS));

    Outcome out = ctx.run(Event.relationChanged(admin), leaderWith(admin));

    List<List<String>> commands =
        out.execs("temporal-admin").stream().map(ExecRequest::command).toList();
    List<String> db =
        List.of(
            "temporal-sql-tool",
            "--plugin",
            "postgres",
            "--endpoint",
            "10.1.2.3",
            "--port",
            "5432",
            "--database",
            "temporal-k8s_db",
            "--user",
            "temporal_db_user");
    List<String> vis =
        List.of(
            "temporal-sql-tool",
            "--plugin",
            "postgres",
            "--endpoint",
            "10.1.2.3",
            "--port",
            "5432",
            "--database",
            "temporal-k8s_visibility",
            "--user",
            "temporal_vis_user");
    assertThat(commands)
        .containsExactly(
            plus(db, "setup-schema", "-v", "0.0"),
            plus(
                db,
                "update-schema",
                "-d",
                "/etc/temporal/schema/postgresql/v96/temporal/versioned"),
            plus(vis, "setup-schema", "-v", "0.0"),
            plus(
                vis,
                "update-schema",
                "-d",
                "/etc/temporal/schema/postgresql/v96/visibility/versioned"));
    assertThat(out.execs("temporal-admin").get(0).environment())
        .isEqualTo(Map.of("SQL_PASSWORD", "s3cret1"));
    assertThat(commands).allSatisfy(c -> assertThat(c).doesNotContain("s3cret1", "s3cret2"));
    assertThat(out.state().relation(admin.id()).orElseThrow().localAppData())
        .isEqualTo(Map.of("schema_status", "ready"));
    assertThat(out.unitStatus()).isEqualTo(Status.active());
  }

  @Test
  void aSchemaSetUpForTheSameConnectionsIsNotSetUpAgain() {
    Relation admin = admin(Map.of("database_connections", CONNECTIONS));
    Outcome first = ctx.run(Event.relationChanged(admin), leaderWith(admin));

    Outcome out = ctx.run(Event.relationChanged(admin), first.state());

    assertThat(out.execHistory()).isEmpty();
    assertThat(out.unitStatus()).isEqualTo(Status.active());
  }

  @Test
  void aFailingToolBlocksAndAnswersNothing() {
    Relation admin = admin(Map.of("database_connections", CONNECTIONS));
    State state =
        State.builder()
            .leader(true)
            .relation(admin)
            .container(tools(ExecResult.failed(TOOL, 1, "connection refused")))
            .build();

    Outcome out = ctx.run(Event.relationChanged(admin), state);

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("error setting up schema. remove relation and try again."));
    assertThat(out.state().relation(admin.id()).orElseThrow().localAppData()).isEmpty();
    assertThat(out.execs("temporal-admin")).hasSize(1);
  }

  @Test
  void unreadableConnectionsBlockWithTheReasonAndWithoutThePassword() {
    Relation admin =
        admin(Map.of("database_connections", "{\"db\": {\"host\": \"h\", \"password\": \"pw\"}}"));

    Outcome out = ctx.run(Event.relationChanged(admin), leaderWith(admin));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "admin:temporal relation: invalid database_connections: 'db' has no dbname"));
    assertThat(out.execHistory()).isEmpty();
  }

  @Test
  void connectionsThatAreNotJsonBlock() {
    Relation admin = admin(Map.of("database_connections", "{'db': None}"));

    Outcome out = ctx.run(Event.relationChanged(admin), leaderWith(admin));

    assertThat(out.unitStatus().message())
        .startsWith("admin:temporal relation: invalid database_connections: not JSON");
  }

  @Test
  void aNonLeaderRunsNothingAndWritesNothing() {
    Relation admin = admin(Map.of("database_connections", CONNECTIONS));
    State state =
        State.builder()
            .leader(false)
            .relation(admin)
            .container(tools(ExecResult.ok(TOOL, "")))
            .build();

    Outcome out = ctx.run(Event.relationChanged(admin), state);

    assertThat(out.execHistory()).isEmpty();
    assertThat(out.callsOf("relation-set")).isEmpty();
    assertThat(out.unitStatus()).isEqualTo(Status.active());
  }

  @Test
  void whilePebbleIsAwayTheChangeIsDeferred() {
    Relation admin = admin(Map.of("database_connections", CONNECTIONS));
    State state =
        State.builder()
            .leader(true)
            .relation(admin)
            .container(Container.disconnected("temporal-admin"))
            .build();

    Outcome out = ctx.run(Event.relationChanged(admin), state);

    assertThat(out.unitStatus())
        .isEqualTo(Status.waiting("waiting for the temporal-admin container"));
    assertThat(out.state().deferred())
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.eventPath())
                    .isEqualTo("TemporalAdminCharm/on/admin_relation_changed"));
  }

  @Test
  void aBrokenRelationForgetsTheConnections() {
    Relation admin = admin(Map.of("database_connections", CONNECTIONS));
    Outcome first = ctx.run(Event.relationChanged(admin), leaderWith(admin));

    Outcome out = ctx.run(Event.relationBroken(admin), first.state());

    assertThat(out.unitStatus())
        .isEqualTo(Status.blocked("admin:temporal relation: not available"));
    assertThat(
            out.state()
                .storedState("TemporalAdminCharm/StoredState[state]", AdminState.class)
                .orElseThrow())
        .isEqualTo(AdminState.initial());
  }

  private static List<String> plus(List<String> base, String... more) {
    List<String> out = new java.util.ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }
}
