package io.charmkit.testing.tour;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.model.Status;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import io.charmkit.testing.junit.CharmTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container, action and port assertions fail, saying what differs, when a charm misbehaves. */
@CharmTest(charm = TourCharm.class)
class AssertionsFailTest {
  private static Outcome configured(Context ctx, Container web) {
    Relation db = Relation.of("db").withRemoteAppData(Map.of("url", "postgres://db"));
    return ctx.run(
        Event.pebbleReady(web), State.builder().leader(true).relation(db).container(web).build());
  }

  @Test
  void aServiceWhoseProgramTheImageLacksIsNotRunning(Context ctx) {
    Outcome out = configured(ctx, Container.connected("web"));

    assertThatThrownBy(() -> assertThat(out).container("web").service("web").isRunning())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected service web in container web to be active, but it is");
    assertThatThrownBy(() -> assertThat(out).unitStatus().isEqualTo(Status.active()))
        .hasMessageContaining("the web server does not start");
  }

  @Test
  void fileServicePortAndActionAssertionsNameWhatDiffers(Context ctx) {
    Outcome out = configured(ctx, Container.connected("web").withExecutables("/usr/bin/web"));

    assertThatThrownBy(
            () -> assertThat(out).container("web").file("/etc/web/web.conf").hasPermissions("600"))
        .hasMessageContaining(
            "expected file /etc/web/web.conf in container web to have permissions 600, but it"
                + " has 640");
    assertThatThrownBy(() -> assertThat(out).container("web").file("/etc/web/other.conf"))
        .hasMessageContaining(
            "expected a file /etc/web/other.conf in container web, but its files"
                + " are [/etc/web/web.conf]");
    assertThatThrownBy(
            () -> assertThat(out).container("web").file("/etc/web/web.conf").contains("port: 80\n"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(out).container("web").service("web").hasCommand("/bin/web"))
        .hasMessageContaining("expected service web in container web to run");
    assertThatThrownBy(() -> assertThat(out).container("web").service("db"))
        .hasMessageContaining(
            "expected service db in the plan of container web, but the plan has [web]");
    assertThatThrownBy(() -> assertThat(out).container("web").hasNoService("web"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(out).openedPorts().containsExactly(Port.tcp(80)))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(out).action().failedWith("boom"))
        .hasMessageContaining("expected the action to fail with \"boom\", but it succeeded");
  }

  @Test
  void aFailedActionIsNotASuccess(Context ctx) {
    Outcome out =
        ctx.run(Event.action("create-admin", Map.of("user", "x")), State.builder().build());

    assertThatThrownBy(() -> assertThat(out).action().succeeded())
        .hasMessageContaining(
            "expected the action to succeed, but it failed: only the leader creates admins");
    assertThatThrownBy(() -> assertThat(out).action().failedWith("nope"))
        .hasMessageContaining("but it failed with");
  }
}
