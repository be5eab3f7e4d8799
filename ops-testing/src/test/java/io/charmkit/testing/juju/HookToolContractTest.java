package io.charmkit.testing.juju;

import static io.charmkit.testing.juju.TestCharms.charm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.hooktools.HookToolException;
import io.charmkit.ops.hooktools.HookTools;
import io.charmkit.ops.hooktools.PermissionDeniedException;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.hooktools.ProcessHookTools;
import io.charmkit.ops.hooktools.RelationNotFoundException;
import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.hooktools.SecretNotFoundException;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.hooktools.StatusReading;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Event;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hook-tool contract: the same cases, through the production {@link ProcessHookTools}, against
 * both front ends of the one simulated Juju model: in process (what {@code Context.run} uses) and
 * the embedded Juju's real shim executables and tool server. Both worlds hold the {@code contract}
 * test charm with two units ({@code contract/0} leads), its peer relation (id 0) and a {@code db}
 * relation (id 1) to one {@code consumer} unit.
 */
class HookToolContractTest {
  private static final RelationRef PEERS = RelationRef.of("cluster", 0);
  private static final RelationRef DB = RelationRef.of("db", 1);
  private static final String DEFAULT = "default";

  private static final Map<String, EmbeddedJuju> EMBEDDED = new HashMap<>();

  @TempDir static Path scratch;

  /** Opens the hook tools of the leader or the other unit, for a Juju version. */
  interface FrontEnd {
    HookTools open(boolean leader, String version);
  }

  static Stream<FrontEnd> frontEnds() {
    return Stream.of(new InProcess(), new Embedded());
  }

  @AfterAll
  static void closeEmbedded() throws IOException {
    for (EmbeddedJuju juju : EMBEDDED.values()) {
      juju.close();
    }
    EMBEDDED.clear();
  }

  /** The in-process transport over a model built from a state, as {@code Context.run} does. */
  static final class InProcess implements FrontEnd {
    @Override
    public HookTools open(boolean leader, String version) {
      int unit = leader ? 0 : 1;
      State state =
          State.builder()
              .leader(leader)
              .relation(
                  new Relation(
                      "cluster",
                      0,
                      true,
                      "",
                      Map.of(),
                      Map.of(),
                      Map.of(),
                      Map.of(1 - unit, Map.of())))
              .relation(
                  new Relation(
                      "db",
                      1,
                      false,
                      "consumer",
                      Map.of(),
                      Map.of(),
                      Map.of(),
                      Map.of(0, Map.of())))
              .build();
      StateModel model =
          StateModel.of(
              state,
              CharmMetadata.load(charm("contract")),
              "contract",
              unit,
              Event.updateStatus(),
              // Both front ends emulate the same agent: by default the embedded Juju's version.
              Optional.of(version.equals(DEFAULT) ? EmbeddedJuju.JUJU_VERSION : version),
              scratch);
      return new ProcessHookTools(model.transport());
    }

    @Override
    public String toString() {
      return "in process";
    }
  }

  /** Real shim processes talking to the embedded Juju's tool server. */
  static final class Embedded implements FrontEnd {
    @Override
    public HookTools open(boolean leader, String version) {
      EmbeddedJuju juju = EMBEDDED.computeIfAbsent(version, Embedded::start);
      Map<String, String> env =
          new HashMap<>(
              juju.openHookContext(leader ? "contract/0" : "contract/1", "update-status"));
      // Without JUJU_VERSION the client does not refuse tools the version lacks, so what is
      // tested is the simulated agent: a missing tool has no shim on PATH.
      env.remove("JUJU_VERSION");
      return new ProcessHookTools(env);
    }

    private static EmbeddedJuju start(String version) {
      try {
        EmbeddedJuju.Builder builder = EmbeddedJuju.builder();
        if (!version.equals(DEFAULT)) {
          builder.jujuVersion(version);
        }
        EmbeddedJuju juju = builder.build();
        juju.deploy("contract", charm("contract"), 2, Map.of());
        juju.deploy("consumer", charm("consumer"), 1, Map.of());
        juju.relate("contract:db", "consumer:db");
        juju.settle();
        assertThat(juju.leader("contract")).isEqualTo("contract/0");
        return juju;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return "embedded";
    }
  }

  // ---------------------------------------------------------------- relations

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void relationsAreListedWithTheirRemoteUnitsAndApp(FrontEnd juju) {
    HookTools tools = juju.open(true, DEFAULT);

    assertThat(tools.relationIds("db")).containsExactly(1);
    assertThat(tools.relationIds("cluster")).containsExactly(0);
    assertThat(tools.relationList(DB)).containsExactly("consumer/0");
    assertThat(tools.relationList(PEERS)).containsExactly("contract/1");
    assertThat(tools.relationRemoteApp(DB)).isEqualTo("consumer");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void aNonLeaderNeitherReadsNorWritesItsOwnAppBag(FrontEnd juju) {
    HookTools tools = juju.open(false, DEFAULT);

    assertThatThrownBy(() -> tools.relationGet(DB, "contract", true))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> assertThat(e.stderr()).isEqualTo("ERROR permission denied\n"));
    assertThatThrownBy(() -> tools.relationSet(DB, true, Map.of("k", "v")))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> {
              assertThat(e.stderr()).isEqualTo("ERROR cannot write relation settings\n");
              assertThat(e.argv())
                  .containsExactly("relation-set", "-r", "db:1", "--app", "--file", "-");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void everyPeerReadsThePeerAppBagButOnlyTheLeaderWritesIt(FrontEnd juju) {
    HookTools follower = juju.open(false, DEFAULT);
    assertThat(follower.relationGet(PEERS, "contract", true)).isNotNull();
    assertThatThrownBy(() -> follower.relationSet(PEERS, true, Map.of("k", "v")))
        .isInstanceOf(PermissionDeniedException.class);

    HookTools leader = juju.open(true, DEFAULT);
    leader.relationSet(PEERS, true, Map.of("members", "2"));
    assertThat(leader.relationGet(PEERS, "contract", true)).containsEntry("members", "2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void theLeaderSeesItsOwnWritesAndAnEmptyValueDeletes(FrontEnd juju) {
    HookTools tools = juju.open(true, DEFAULT);

    tools.relationSet(DB, true, Map.of("endpoint", "db:5432", "gone", "x"));
    tools.relationSet(DB, true, Map.of("gone", ""));
    tools.relationSet(DB, false, Map.of("ready", "true"));

    assertThat(tools.relationGet(DB, "contract", true))
        .containsEntry("endpoint", "db:5432")
        .doesNotContainKey("gone");
    assertThat(tools.relationGet(DB, "contract/0", false))
        .containsEntry("ready", "true")
        .containsKey("private-address")
        .containsKey("ingress-address");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void aRelationThatIsNotThereIsRelationNotFound(FrontEnd juju) {
    HookTools tools = juju.open(true, DEFAULT);
    RelationRef missing = RelationRef.of("db", 99);

    assertThatThrownBy(() -> tools.relationGet(missing, "contract", true))
        .isInstanceOfSatisfying(
            RelationNotFoundException.class,
            e ->
                assertThat(e.stderr())
                    .isEqualTo(
                        "ERROR invalid value \"db:99\" for option -r: relation not found\n"));
    assertThatThrownBy(() -> tools.networkGet("db", Optional.of(99)))
        .isInstanceOf(RelationNotFoundException.class);
    assertThatThrownBy(() -> tools.relationGet(DB, "stranger/0", false))
        .isInstanceOf(HookToolException.class)
        .hasMessageContaining("settings not found");
  }

  // ---------------------------------------------------------------- config, leadership, status

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void configHasTheDefaultsAndLeadershipIsReported(FrontEnd juju) {
    assertThat(juju.open(true, DEFAULT).configGet()).isEqualTo(Map.of("port", 8080));
    assertThat(juju.open(true, DEFAULT).isLeader()).isTrue();
    assertThat(juju.open(false, DEFAULT).isLeader()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void onlyTheLeaderReadsAndSetsTheApplicationStatus(FrontEnd juju) {
    HookTools follower = juju.open(false, DEFAULT);
    assertThatThrownBy(() -> follower.statusSet("active", "", true))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("not the leader");
    assertThatThrownBy(() -> follower.statusGet(true))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("not the leader");

    HookTools leader = juju.open(true, DEFAULT);
    leader.statusSet("blocked", "needs a database", true);
    leader.statusSet("maintenance", "installing", false);
    assertThat(leader.statusGet(true)).isEqualTo(new StatusReading("blocked", "needs a database"));
    assertThat(leader.statusGet(false)).isEqualTo(new StatusReading("maintenance", "installing"));
    assertThatThrownBy(() -> leader.statusSet("error", "", false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- secrets

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void secretsFollowOwnershipAndReportNotFound(FrontEnd juju) {
    HookTools follower = juju.open(false, DEFAULT);
    assertThatThrownBy(
            () -> follower.secretAdd(Map.of("password", "pw"), SecretOptions.application()))
        .isInstanceOf(PermissionDeniedException.class);

    HookTools leader = juju.open(true, DEFAULT);
    String uri = leader.secretAdd(Map.of("password", "pw"), SecretOptions.application());
    assertThat(uri).startsWith("secret:");
    assertThat(leader.secretGet(Optional.of(uri), Optional.empty(), false, false))
        .isEqualTo(Map.of("password", "pw"));
    assertThat(leader.secretIds()).contains(uri);
    leader.secretGrant(uri, 1, Optional.empty());
    assertThatThrownBy(() -> leader.secretGrant(uri, 99, Optional.empty()))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("relation not found");
    assertThatThrownBy(
            () -> leader.secretGet(Optional.of("secret:nope"), Optional.empty(), false, false))
        .isInstanceOf(SecretNotFoundException.class);
    assertThatThrownBy(() -> leader.secretAdd(Map.of("PW", "x"), SecretOptions.application()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret key 'PW' is invalid");
  }

  // ---------------------------------------------------------------- ports, state, actions, network

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void portsOpenAndClose(FrontEnd juju) {
    HookTools tools = juju.open(true, DEFAULT);

    tools.openPort(Port.tcp(8080));
    tools.openPort(Port.udp(53));
    tools.closePort(Port.udp(53));

    assertThat(tools.openedPorts()).containsExactly(Port.tcp(8080));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void charmStateIsSetReadAndDeleted(FrontEnd juju) {
    HookTools tools = juju.open(false, DEFAULT);

    tools.stateSet(Map.of("a", "1", "b", "2"));
    tools.stateDelete("b");

    assertThat(tools.stateGet()).isEqualTo(Map.of("a", "1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void actionToolsOutsideAnActionFail(FrontEnd juju) {
    HookTools tools = juju.open(true, DEFAULT);

    assertThatThrownBy(tools::actionGet)
        .isExactlyInstanceOf(HookToolException.class)
        .satisfies(
            e ->
                assertThat(((HookToolException) e).stderr())
                    .isEqualTo("ERROR not running an action\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void networkGetKnowsTheCharmsBindingsOnly(FrontEnd juju) {
    HookTools tools = juju.open(true, DEFAULT);

    assertThat(tools.networkGet("db", Optional.empty()).ingressAddresses()).hasSize(1);
    assertThat(tools.networkGet("juju-info", Optional.empty()).bindAddresses()).hasSize(1);
    assertThatThrownBy(() -> tools.networkGet("nope", Optional.empty()))
        .isExactlyInstanceOf(HookToolException.class)
        .hasMessageContaining("no network config found for binding \"nope\"");
  }

  // ---------------------------------------------------------------- tool sets by Juju version

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void juju36HasNoLegacyLeadershipTools(FrontEnd juju) {
    HookTools tools = juju.open(true, "3.6.14");

    for (Runnable call :
        List.<Runnable>of(() -> tools.leaderGet("k"), () -> tools.leaderSet(Map.of("k", "v")))) {
      assertThatThrownBy(call::run)
          .isExactlyInstanceOf(HookToolException.class)
          .hasMessageContaining("is not on PATH")
          .satisfies(e -> assertThat(((HookToolException) e).exitCode()).isEqualTo(-1));
    }
    assertThat(tools.isLeader()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frontEnds")
  void juju29HasLeaderSettingsThatOnlyTheLeaderWrites(FrontEnd juju) {
    HookTools leader = juju.open(true, "2.9.51");
    leader.leaderSet(Map.of("k", "v"));
    assertThat(leader.leaderGet("k")).contains("v");
    assertThat(leader.leaderGet("other")).isEmpty();

    HookTools follower = juju.open(false, "2.9.51");
    assertThatThrownBy(() -> follower.leaderSet(Map.of("k", "w")))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("k=<redacted>");
  }
}
