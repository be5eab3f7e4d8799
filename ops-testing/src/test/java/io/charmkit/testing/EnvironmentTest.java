package io.charmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.metadata.CharmMetadata;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The environment a run gives the charm is the one Juju would set, parsed by production code. */
class EnvironmentTest {
  private static final CharmMetadata META =
      CharmMetadata.parse(
          "name: demo\nrequires:\n  db:\n    interface: pgsql\npeers:\n  replicas:\n"
              + "    interface: p\ncontainers:\n  workload: {}\n",
          null,
          "backup: {}\n");
  private final Context ctx = new Context(f -> null, META).withUnitId(2);

  private JujuContext parse(Event event) {
    // The event's relation is in the state, as Context.run's consistency check requires.
    State.Builder state = State.builder();
    event.relation().ifPresent(state::relation);
    Map<String, String> env = ctx.environment(event, state.build(), Path.of("/charm"));
    return JujuContext.fromEnvironment(env);
  }

  @Test
  void relationDepartedNamesTheRemoteAndDepartingUnits() {
    Relation db = Relation.of("db").withRemoteApp("pg").withRemoteUnit(1, Map.of());

    JujuContext c = parse(Event.relationDeparted(db, 1));

    assertThat(c.unitName()).isEqualTo("demo/2");
    assertThat(c.relation()).contains(RelationRef.of("db", db.id()));
    assertThat(c.remoteApp()).contains("pg");
    assertThat(c.remoteUnit()).contains("pg/1");
    assertThat(c.departingUnit()).contains("pg/1");
  }

  @Test
  void aPeerRelationsRemoteAppIsThisApplication() {
    Relation peers = Relation.peer("replicas").withRemoteUnit(0, Map.of());

    JujuContext c = parse(Event.relationJoined(peers));

    assertThat(c.remoteApp()).contains("demo");
    assertThat(c.remoteUnit()).contains("demo/0");
  }

  @Test
  void aRelationCreatedHookHasTheVariablesTheEmbeddedJujuSetsToo() {
    Relation db = Relation.of("db").withRemoteApp("pg");

    Map<String, String> env =
        ctx.environment(
            Event.relationCreated(db), State.builder().relation(db).build(), Path.of("/charm"));

    // One builder for both front ends: as Juju, an empty remote unit on created; the proxy and
    // locale variables; only the agent's address differs (a unix socket here).
    assertThat(env)
        .containsEntry("JUJU_RELATION_ID", "db:" + db.id())
        .containsEntry("JUJU_REMOTE_APP", "pg")
        .containsEntry("JUJU_REMOTE_UNIT", "")
        .containsEntry("JUJU_CHARM_HTTP_PROXY", "")
        .containsEntry("LANG", "C.UTF-8")
        .containsEntry("JUJU_AGENT_SOCKET_NETWORK", "unix")
        .containsEntry(
            "JUJU_AGENT_SOCKET_ADDRESS", "@/var/lib/juju/agents/unit-demo-2/agent.socket");
    assertThat(JujuContext.fromEnvironment(env).remoteUnit()).isEmpty();
  }

  @Test
  void actionsHaveAnEmptyHookNameAndAnId() {
    Map<String, String> env =
        ctx.environment(Event.action("backup"), State.builder().build(), Path.of("/charm"));

    assertThat(env).containsEntry("JUJU_HOOK_NAME", "").containsEntry("JUJU_ACTION_NAME", "backup");
    assertThat(JujuContext.fromEnvironment(env).actionUuid()).contains("1");
  }

  @Test
  void pebbleAndSecretEventsCarryTheirArguments() {
    JujuContext notice = parse(Event.pebbleCustomNotice(Container.connected("workload"), "a.io/b"));
    assertThat(notice.workloadName()).contains("workload");
    assertThat(notice.noticeKey()).contains("a.io/b");

    Secret secret = Secret.ownedByApp(Map.of("key", "v")).withLabel("tls");
    JujuContext expired = parse(Event.secretExpired(secret, 3));
    assertThat(expired.secretId()).contains(secret.id());
    assertThat(expired.secretLabel()).contains("tls");
    assertThat(expired.secretRevision()).isEqualTo(Optional.of(3));
  }
}
