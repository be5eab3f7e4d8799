package io.charmkit.testing.tour;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.model.Status;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.InconsistentStateException;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import io.charmkit.testing.junit.CharmTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's API tour, tests half: state-transition tests of {@link TourCharm} that read as its
 * specification. The text between {@code // tour:} markers is quoted verbatim in the README.
 */
// tour:test-wiring
@CharmTest(charm = TourCharm.class) // metadata.yaml of this module (or charmcraft.yaml)
class TourCharmTest {
  // tour:end

  // tour:test-pebble
  @Test
  void configuresAndStartsTheWebServerOnceTheDatabaseIsKnown(Context ctx) {
    Relation db = Relation.of("db").withRemoteAppData(Map.of("url", "postgres://db:5432"));
    Container web = Container.connected("web").withExecutables("/usr/bin/web");
    State state =
        State.builder().leader(true).config("port", 9000).relation(db).container(web).build();

    Outcome out = ctx.run(Event.pebbleReady(web), state);

    assertThat(out).container("web").service("web").isRunning().startsAutomatically();
    assertThat(out).container("web").service("web").environment().containsEntry("PORT", "9000");
    assertThat(out)
        .container("web")
        .file("/etc/web/web.conf")
        .hasContent("port: 9000\ndatabase: postgres://db:5432\n")
        .hasPermissions("640");
    assertThat(out).openedPorts().containsExactly(Port.tcp(9000));
    assertThat(out).relation(db.id()).localAppData().containsEntry("database", "tour");
    assertThat(out).unitStatus().isEqualTo(Status.active());
  }

  // tour:end

  // tour:test-status
  @Test
  void saysWhatItWaitsFor(Context ctx) {
    Outcome out = ctx.run(Event.configChanged(), State.builder().build());

    assertThat(out).unitStatus().isEqualTo(Status.blocked("needs a db relation"));
    assertThat(out).madeNoCall("open-port");
  }

  // tour:end

  // tour:test-actions
  @Test
  void createsAnAdminWhosePasswordIsASecret(Context ctx) {
    Outcome out =
        ctx.run(
            Event.action("create-admin", Map.of("user", "ada")),
            State.builder().leader(true).build());

    assertThat(out).action().succeeded().logs().containsExactly("created admin ada");
    assertThat(out).action().results().containsKey("secret-id");
    Map<String, String> content = out.state().secret("admin-ada").orElseThrow().latestContent();
    assertThat(content).containsEntry("username", "ada");
    assertThat(content.get("password")).hasSize(16); // actions.yaml's default length
  }

  @Test
  void onlyTheLeaderCreatesAdmins(Context ctx) {
    Outcome out =
        ctx.run(Event.action("create-admin", Map.of("user", "ada")), State.builder().build());

    assertThat(out).action().failedWith("only the leader creates admins");
  }

  @Test
  void juju_refusesTheActionWithoutItsRequiredParameter(Context ctx) {
    assertThatThrownBy(() -> ctx.run(Event.action("create-admin"), State.builder().build()))
        .isInstanceOf(InconsistentStateException.class)
        .hasMessageContaining("action 'create-admin': parameter 'user' is required but not given");
  }

  // tour:end
}
