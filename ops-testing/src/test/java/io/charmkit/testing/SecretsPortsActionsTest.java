package io.charmkit.testing;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.ops.Charm;
import io.charmkit.ops.event.ActionEvent;
import io.charmkit.ops.event.SecretEvent;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.model.Status;
import io.charmkit.testing.junit.CharmTest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Secrets, ports and actions through state transitions. */
@CharmTest(charm = SecretsPortsActionsTest.Keeper.class, metadata = "/charms/demo")
class SecretsPortsActionsTest {

  /** Creates and shares a password, follows a granted secret, opens its port, backs up. */
  static final class Keeper extends Charm {
    Keeper(Framework framework) {
      super(framework);
      observe(
          on().relationJoined("website"),
          e -> {
            var secret =
                app()
                    .addSecret(
                        Map.of("password", "s3cret"),
                        SecretOptions.application().withLabel("admin"));
            secret.grant(e.relation());
            e.relation().localAppData().put("secret-id", secret.id().orElseThrow());
          });
      observe(on().secretChanged(), this::onSecretChanged);
      observe(
          on().configChanged(),
          e ->
              unit().setPorts(Set.of(Port.tcp(config().integer("port").orElseThrow().intValue()))));
      observe(on().action("backup"), this::onBackup);
    }

    private void onSecretChanged(SecretEvent e) {
      var secret = model().secret(e.secretId());
      String before = secret.content().get("token");
      String after = secret.refresh().get("token");
      unit().setStatus(Status.active(before + " -> " + after));
    }

    private void onBackup(ActionEvent e) {
      String target = e.param("target").orElseThrow();
      e.log("backing up to " + target);
      if (target.startsWith("/forbidden")) {
        e.fail("cannot write to " + target);
        return;
      }
      if (target.equals("/crash")) {
        throw new IllegalStateException("disk on fire");
      }
      e.setResults(
          Map.of(
              "backup",
              Map.of("path", target, "compressed", e.params().getOrDefault("compress", false))));
    }
  }

  @Test
  void theLeaderCreatesASecretAndGrantsItToTheRelation(Context ctx) {
    Relation website = Relation.of("website").withRemoteApp("browser");

    Outcome out =
        ctx.run(
            Event.relationJoined(website), State.builder().leader(true).relation(website).build());

    Secret created = out.state().secret("admin").orElseThrow();
    assertThat(created.owner()).contains("application");
    assertThat(created.latestContent()).containsExactly(Map.entry("password", "s3cret"));
    assertThat(created.grants()).containsExactly(Map.entry(website.id(), Set.of("browser")));
    assertThat(out)
        .relation(website.id())
        .localAppData()
        .containsExactly(Map.entry("secret-id", created.id()));
    assertThat(out)
        .calls("secret-add")
        .containsExactly(
            "secret-add --label admin --owner application password#file=<private file>");
  }

  @Test
  void aNonLeaderCannotCreateAnApplicationSecret(Context ctx) {
    Relation website = Relation.of("website");
    State in = State.builder().leader(false).relation(website).build();

    UncaughtCharmException e =
        catchThrowableOfType(
            UncaughtCharmException.class, () -> ctx.run(Event.relationJoined(website), in));

    assertThat(e.getCause()).hasMessageContaining("is not leader and cannot create secrets");
    assertThat(e.outcome().state().secrets()).isEmpty();
  }

  @Test
  void aConsumerReadsItsTrackedRevisionUntilItRefreshes(Context ctx) {
    Secret token = Secret.granted(Map.of("token", "v1")).withNewRevision(Map.of("token", "v2"));

    Outcome out = ctx.run(Event.secretChanged(token), State.builder().secret(token).build());

    assertThat(out).unitStatus().isEqualTo(Status.active("v1 -> v2"));
    assertThat(out.state().secret(token.id()).orElseThrow().trackedContent())
        .containsExactly(Map.entry("token", "v2"));
    assertThat(out)
        .calls("secret-get")
        .containsExactly(
            "secret-get --format=json " + token.id(),
            "secret-get --format=json " + token.id() + " --refresh");
  }

  @Test
  void setPortsClosesWhatIsNotWantedAndOpensWhatIsMissing(Context ctx) {
    State in =
        State.builder()
            .config("port", 9000)
            .openedPort(Port.tcp(8080))
            .openedPort(Port.udp(53))
            .build();

    Outcome out = ctx.run(Event.configChanged(), in);

    assertThat(out.state().openedPorts()).containsExactly(Port.tcp(9000));
    assertThat(out).calls("close-port").containsExactly("close-port 8080/tcp", "close-port 53/udp");
    assertThat(out).calls("open-port").containsExactly("open-port 9000/tcp");
  }

  @Test
  void unchangedPortsMakeNoCalls(Context ctx) {
    Outcome out =
        ctx.run(Event.configChanged(), State.builder().openedPort(Port.tcp(8080)).build());

    assertThat(out).madeNoCall("open-port").madeNoCall("close-port");
  }

  @Test
  void anActionReportsResultsAndLogsWithDefaultsFromActionsYaml(Context ctx) {
    Outcome out =
        ctx.run(Event.action("backup", Map.of("compress", true)), State.builder().build());

    assertThat(out.action().results())
        .containsExactly(
            Map.entry("backup.compressed", "true"), Map.entry("backup.path", "/backup"));
    assertThat(out.action().logs()).containsExactly("backing up to /backup");
    assertThat(out.action().failed()).isFalse();
  }

  @Test
  void aFailedActionSaysWhyAndTheHookStillSucceeds(Context ctx) {
    Outcome out =
        ctx.run(Event.action("backup", Map.of("target", "/forbidden/x")), State.builder().build());

    assertThat(out.action().failure()).isEqualTo(Optional.of("cannot write to /forbidden/x"));
    assertThat(out.action().results()).isEmpty();
  }

  @Test
  void anActionThatThrowsKeepsItsLogs(Context ctx) {
    UncaughtCharmException e =
        catchThrowableOfType(
            UncaughtCharmException.class,
            () ->
                ctx.run(
                    Event.action("backup", Map.of("target", "/crash")), State.builder().build()));

    assertThat(e).hasMessageContaining("action backup").hasRootCauseMessage("disk on fire");
    assertThat(e.outcome().action().logs()).containsExactly("backing up to /crash");
  }
}
