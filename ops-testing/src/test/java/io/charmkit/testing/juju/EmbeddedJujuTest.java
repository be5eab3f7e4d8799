package io.charmkit.testing.juju;

import static io.charmkit.testing.juju.TestCharms.charm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded Juju running the shell test charms {@code provider}, {@code consumer} and {@code
 * flapper} (src/test/resources/juju/charms) as real processes.
 */
class EmbeddedJujuTest {
  private EmbeddedJuju juju;

  @BeforeEach
  void start() throws IOException {
    juju = EmbeddedJuju.builder().modelName("test").hookBound(200).build();
  }

  @AfterEach
  void stop() throws IOException {
    juju.close();
  }

  private int deployPair(int providers) {
    juju.deploy("provider", charm("provider"), providers, Map.of());
    juju.deploy("consumer", charm("consumer"), 1, Map.of());
    int rel = juju.relate("consumer:db", "provider:db");
    assertThat(juju.settle().failed()).isEmpty();
    return rel;
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file);
  }

  private Map<String, String> env(String unit, String hook) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : lines(juju.unitDir(unit).resolve("charm/env-" + hook))) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }

  @Test
  void relationDataIsCommittedWhenTheHookSucceeds() {
    int rel = deployPair(1);

    assertThat(juju.unitData(rel, "consumer/0")).containsEntry("request", "db-for-consumer/0");
    assertThat(juju.unitData(rel, "provider/0"))
        .containsEntry("ready", "true")
        .containsEntry("private-address", "10.1.0.1")
        .containsEntry("ingress-address", "10.1.0.1")
        .containsEntry("egress-subnets", "10.1.0.1/32");
    assertThat(juju.appData(rel, "provider")).containsEntry("endpoint", "provider.svc:5432");
    assertThat(juju.unitStatus("consumer/0"))
        .isEqualTo(new WorkloadStatus("active", "connected to provider.svc:5432"));
  }

  @Test
  void nothingIsCommittedWhenTheHookFailsAndTheUnitIsHeldInError() {
    juju.deploy("provider", charm("provider"), 1, Map.of("fail-on", "db-relation-changed"));
    juju.deploy("consumer", charm("consumer"), 1, Map.of());
    int rel = juju.relate("consumer:db", "provider:db");

    SettleReport report = juju.settle();

    assertThat(report.failed())
        .extracting(HookRun::unit, HookRun::hook, HookRun::exitCode)
        .containsExactly(tuple("provider/0", "db-relation-changed", 1));
    assertThat(juju.unitData(rel, "provider/0")).doesNotContainKey("ready");
    assertThat(juju.appData(rel, "provider")).doesNotContainKeys("endpoint", "password-secret");
    assertThat(juju.secrets("provider")).isEmpty();
    assertThat(juju.unitStatus("provider/0"))
        .isEqualTo(new WorkloadStatus("error", "hook failed: \"db-relation-changed\""));
    assertThat(juju.log("provider/0"))
        .contains(
            "WARNING unit.provider/0.db-relation-changed: failing db-relation-changed on purpose");

    // The fix: clear the option, then `juju resolve` retries the failed hook first.
    juju.config("provider", Map.of("fail-on", ""));
    juju.resolve("provider/0", true);
    SettleReport retry = juju.settle();

    assertThat(retry.failed()).isEmpty();
    assertThat(retry.runs().get(0).hook()).isEqualTo("db-relation-changed");
    assertThat(juju.unitData(rel, "provider/0")).containsEntry("ready", "true");
    assertThat(juju.appData(rel, "provider")).containsKey("password-secret");
    assertThat(juju.unitStatus("provider/0"))
        .isEqualTo(new WorkloadStatus("active", "serving 1 units"));
  }

  @Test
  void onlyTheLeaderWritesTheApplicationBag() {
    int rel = deployPair(2);

    assertThat(juju.leader("provider")).isEqualTo("provider/0");
    assertThat(juju.log("provider/1"))
        .contains(
            "WARNING unit.provider/1.juju-log: app write refused: ERROR cannot write relation settings");
    assertThat(juju.appData(rel, "provider")).containsEntry("endpoint", "provider.svc:5432");
  }

  @Test
  void relatingRunsCreatedThenJoinedAndChangedInJujusOrder() {
    juju.deploy("provider", charm("provider"), 1, Map.of());
    juju.deploy("consumer", charm("consumer"), 1, Map.of());
    assertThat(juju.settle().failed()).isEmpty();

    juju.relate("consumer:db", "provider:db");
    SettleReport report = juju.settle();

    assertThat(report.runs())
        .extracting(HookRun::unit, HookRun::hook, HookRun::remote)
        .containsExactly(
            tuple("consumer/0", "db-relation-created", "provider"),
            tuple("provider/0", "db-relation-created", "consumer"),
            tuple("consumer/0", "db-relation-joined", "provider/0"),
            tuple("consumer/0", "db-relation-changed", "provider/0"),
            tuple("provider/0", "db-relation-joined", "consumer/0"),
            // consumer/0's request (written in relation-created) is already in this one.
            tuple("provider/0", "db-relation-changed", "consumer/0"),
            // provider/0 committed its unit and app bags: one changed on the other side.
            tuple("consumer/0", "db-relation-changed", "provider/0"));
  }

  @Test
  void deployRunsTheStartUpHooksInJujusOrder() {
    juju.deploy("provider", charm("provider"), 2, Map.of());
    juju.deploy("consumer", charm("consumer"), 1, Map.of());

    SettleReport report = juju.settle();

    assertThat(report.runs())
        .extracting(r -> r.unit() + " " + r.hook())
        .containsExactly(
            "provider/0 install",
            "provider/0 cluster-relation-created",
            "provider/0 leader-elected",
            "provider/0 config-changed",
            "provider/0 start",
            "provider/1 install",
            "provider/1 cluster-relation-created",
            "provider/1 leader-settings-changed",
            "provider/1 config-changed",
            "provider/1 start",
            "provider/1 cluster-relation-joined",
            "provider/1 cluster-relation-changed",
            "provider/0 cluster-relation-joined",
            "provider/0 cluster-relation-changed",
            "consumer/0 install",
            "consumer/0 leader-elected",
            "consumer/0 config-changed",
            "consumer/0 start",
            "consumer/0 workload-pebble-ready");
  }

  @Test
  void anApplicationBagChangeFiresChangedWithNoRemoteUnit() throws IOException {
    int rel = deployPair(2);

    juju.electLeader("provider/1");
    SettleReport report = juju.settle();

    assertThat(report.runs())
        .extracting(HookRun::unit, HookRun::hook, HookRun::remote)
        .containsExactly(
            tuple("provider/1", "leader-elected", ""),
            tuple("provider/0", "leader-settings-changed", ""),
            tuple("consumer/0", "db-relation-changed", "provider"));
    assertThat(juju.appData(rel, "provider")).containsEntry("leader", "provider/1");
    Map<String, String> env = env("consumer/0", "db-relation-changed");
    assertThat(env)
        .containsEntry("JUJU_REMOTE_APP", "provider")
        .containsEntry("JUJU_REMOTE_UNIT", "")
        .containsEntry("JUJU_RELATION_ID", "db:" + rel);
  }

  @Test
  void flappingDatabagsExceedTheHookBound() throws IOException {
    try (EmbeddedJuju small = EmbeddedJuju.builder().hookBound(30).build()) {
      small.deploy("f1", charm("flapper"), 1, Map.of());
      small.deploy("f2", charm("flapper"), 1, Map.of());
      small.relate("f1:out", "f2:in");

      assertThatThrownBy(small::settle)
          .isInstanceOf(SettleBoundExceededException.class)
          .hasMessageContaining("did not settle within 30 hooks")
          .hasMessageContaining("f1/0 out-relation-changed: 9 runs")
          .hasMessageNotContaining("install")
          .hasMessageContaining("f2/0 in-relation-changed")
          .hasMessageContaining("out:0 f1/0 counter: 9 changes")
          .satisfies(
              e -> assertThat(((SettleBoundExceededException) e).report().runs()).hasSize(30));
    }
  }

  @Test
  void aRemovedUnitDepartsAndItsDataIsGoneFromTheOtherSide() throws IOException {
    int rel = deployPair(2);
    assertThat(juju.unitData(rel, "provider/1")).containsEntry("ready", "true");

    juju.removeUnit("provider/1");
    SettleReport report = juju.settle();

    assertThat(withRemotes(report))
        .containsExactly(
            "provider/0 cluster-relation-departed provider/1",
            "provider/1 cluster-relation-departed provider/0",
            "provider/1 cluster-relation-broken provider",
            "consumer/0 db-relation-departed provider/1",
            "provider/1 db-relation-departed consumer/0",
            "provider/1 db-relation-broken consumer",
            "provider/1 stop ",
            "provider/1 remove ");
    assertThat(juju.unitData(rel, "provider/1")).isEmpty();
    assertThat(juju.units("provider")).containsExactly("provider/0");
    assertThat(juju.log("consumer/0")).contains("departed provider/1; remaining: [\"provider/0\"]");
    assertThat(env("consumer/0", "db-relation-departed"))
        .containsEntry("JUJU_REMOTE_UNIT", "provider/1")
        .containsEntry("JUJU_DEPARTING_UNIT", "provider/1");
  }

  @Test
  void removingTheLeaderElectsTheNextUnit() {
    deployPair(2);

    juju.removeUnit("provider/0");
    SettleReport report = juju.settle();

    assertThat(juju.leader("provider")).isEqualTo("provider/1");
    assertThat(report.runs())
        .extracting(r -> r.unit() + " " + r.hook())
        .contains("provider/1 leader-elected");
  }

  @Test
  void addingAUnitJoinsItToExistingRelations() {
    int rel = deployPair(1);

    assertThat(juju.addUnit("provider")).isEqualTo("provider/1");
    SettleReport report = juju.settle();

    assertThat(report.failed()).isEmpty();
    assertThat(withRemotes(report))
        .contains(
            "provider/1 db-relation-joined consumer/0",
            "consumer/0 db-relation-joined provider/1",
            "consumer/0 db-relation-changed provider/1");
    assertThat(juju.unitData(rel, "provider/1")).containsEntry("ready", "true");
  }

  @Test
  void removingARelationRunsDepartedThenBrokenOnBothSides() {
    int rel = deployPair(1);

    juju.removeRelation(rel);
    SettleReport report = juju.settle();

    assertThat(report.runs())
        .extracting(r -> r.unit() + " " + r.hook())
        .containsExactly(
            "consumer/0 db-relation-departed",
            "consumer/0 db-relation-broken",
            "provider/0 db-relation-departed",
            "provider/0 db-relation-broken");
    assertThat(juju.unitStatus("consumer/0"))
        .isEqualTo(new WorkloadStatus("blocked", "no database"));
    assertThat(juju.status()).doesNotContain("consumer:db");
    assertThatThrownBy(() -> juju.appData(rel, "provider"))
        .isInstanceOf(EmbeddedJujuException.class)
        .hasMessageContaining("no relation with id " + rel);
  }

  @Test
  void theDefaultModelUuidHasTheShapeOfJujusVersion4Uuids() throws IOException {
    deployPair(1);
    assertThat(env("consumer/0", "install").get("JUJU_MODEL_UUID"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void eachUnitIsGivenThePodFqdnItWouldHaveOnKubernetes() throws IOException {
    deployPair(2);
    assertThat(env("provider/1", "install").get("CHARMKIT_UNIT_FQDN"))
        .isEqualTo("provider-1.provider-endpoints.test.svc.cluster.local");
  }

  @Test
  void removingAnApplicationBreaksItsRelationsThenRemovesItsUnits() {
    int rel = deployPair(2);

    juju.removeApplication("consumer");
    SettleReport report = juju.settle();

    assertThat(report.failed()).isEmpty();
    assertThat(withRemotes(report))
        .containsExactly(
            "consumer/0 db-relation-departed provider/0",
            "consumer/0 db-relation-departed provider/1",
            "consumer/0 db-relation-broken provider",
            "provider/0 db-relation-departed consumer/0",
            "provider/0 db-relation-broken consumer",
            "provider/1 db-relation-departed consumer/0",
            "provider/1 db-relation-broken consumer",
            "consumer/0 stop ",
            "consumer/0 remove ");
    assertThat(juju.status()).doesNotContain("consumer");
    assertThatThrownBy(() -> juju.units("consumer"))
        .isInstanceOf(EmbeddedJujuException.class)
        .hasMessageContaining("no application \"consumer\"");
    assertThatThrownBy(() -> juju.appData(rel, "provider"))
        .isInstanceOf(EmbeddedJujuException.class);
  }

  @Test
  void secretsAreSharedOverTheRelationAndNewRevisionsFireSecretChanged() {
    int rel = deployPair(1);
    String uri = juju.appData(rel, "provider").get("password-secret");

    assertThat(uri).startsWith("secret:");
    assertThat(juju.secrets("provider")).containsEntry(uri, Map.of("password", "s3cret"));
    assertThat(juju.log("consumer/0")).contains("password {\"password\":\"s3cret\"}");

    juju.config("provider", Map.of("password", "n3w"));
    SettleReport report = juju.settle();

    assertThat(report.runs())
        .extracting(r -> r.unit() + " " + r.hook())
        .containsExactly("provider/0 config-changed", "consumer/0 secret-changed");
    assertThat(juju.secrets("provider")).containsEntry(uri, Map.of("password", "n3w"));
    assertThat(juju.log("consumer/0")).contains("password changed {\"password\":\"n3w\"}");
  }

  @Test
  void eachHookGetsAFreshJujuEnvironment() throws IOException {
    int rel = deployPair(1);
    Path unitDir = juju.unitDir("consumer/0");

    Map<String, String> changed = env("consumer/0", "db-relation-changed");
    assertThat(changed)
        .containsEntry("JUJU_UNIT_NAME", "consumer/0")
        .containsEntry("JUJU_MODEL_NAME", "test")
        .containsEntry("JUJU_VERSION", "3.6.14")
        .containsEntry("JUJU_HOOK_NAME", "db-relation-changed")
        .containsEntry("JUJU_DISPATCH_PATH", "hooks/db-relation-changed")
        .containsEntry("JUJU_CHARM_DIR", unitDir.resolve("charm").toString())
        .containsEntry("JUJU_RELATION", "db")
        .containsEntry("JUJU_RELATION_ID", "db:" + rel)
        .containsEntry("JUJU_REMOTE_APP", "provider")
        .containsEntry("JUJU_REMOTE_UNIT", "provider/0")
        .containsEntry("CHARMKIT_CONTAINERS_DIR", unitDir.resolve("containers").toString())
        .containsKey("JUJU_MODEL_UUID")
        .containsKey("JUJU_CONTEXT_ID");
    assertThat(changed.get("PATH")).matches(".*/tools:.*");
    assertThat(changed.keySet())
        .allMatch(
            k ->
                k.startsWith("JUJU_")
                    || List.of(
                            "CHARM_DIR",
                            "CHARMKIT_CONTAINERS_DIR",
                            "CHARMKIT_UNIT_FQDN",
                            "PATH",
                            "PWD",
                            "LANG",
                            "JAVA_HOME",
                            "DEBIAN_FRONTEND",
                            "APT_LISTCHANGES_FRONTEND")
                        .contains(k),
            "only what Juju sets");

    Map<String, String> install = env("consumer/0", "install");
    assertThat(install).doesNotContainKeys("JUJU_RELATION", "JUJU_REMOTE_UNIT");
    assertThat(install.get("JUJU_CONTEXT_ID")).isNotEqualTo(changed.get("JUJU_CONTEXT_ID"));
    assertThat(env("consumer/0", "workload-pebble-ready"))
        .containsEntry("JUJU_WORKLOAD_NAME", "workload");
    assertThat(unitDir.resolve("containers/workload")).isDirectory();
    assertThat(env("provider/0", "db-relation-changed").get("JUJU_CHARM_DIR"))
        .isEqualTo(juju.unitDir("provider/0").resolve("charm").toString())
        .isNotEqualTo(changed.get("JUJU_CHARM_DIR"));
  }

  @Test
  void updateStatusRunsOnEveryUnitAndHookFiguresCountToolCalls() {
    deployPair(1);

    juju.updateStatus();
    SettleReport report = juju.settle();

    assertThat(report.runs())
        .extracting(r -> r.unit() + " " + r.hook())
        .containsExactly("provider/0 update-status", "consumer/0 update-status");
    HookRun providerRun = report.runs().get(0);
    assertThat(providerRun.toolCalls())
        .containsEntry("is-leader", 1)
        .containsEntry("config-get", 1);
    assertThat(providerRun.totalToolCalls()).isEqualTo(2);
    assertThat(juju.figures())
        .startsWith("Hook ")
        .containsPattern("(?m)^update-status +2 +0 ")
        .contains("is-leader=");
  }

  @Test
  void statusLooksLikeJujuStatus() {
    deployPair(2);
    juju.deploy("broken", charm("provider"), 1, Map.of("fail-on", "install"));
    juju.settle();

    assertThat(juju.status())
        .isEqualTo(
            """
            Model  Controller  Cloud/Region    Version
            test   embedded    embedded/local  3.6.14

            App       Version  Status  Scale  Charm     Rev  Message
            provider           active  2      provider  0    serving 1 units
            consumer           active  1      consumer  0    connected to provider.svc:5432
            broken             error   1      provider  0    hook failed: "install"

            Unit         Workload  Agent  Address   Message
            provider/0*  active    idle   10.1.0.1  serving 1 units
            provider/1   active    idle   10.1.0.2  serving 1 units
            consumer/0*  active    idle   10.1.0.3  connected to provider.svc:5432
            broken/0*    error     idle   10.1.0.4  hook failed: "install"

            Integration provider  Requirer          Interface         Type
            provider:cluster      provider:cluster  provider-cluster  peer
            provider:db           consumer:db       dbi               regular
            broken:cluster        broken:cluster    provider-cluster  peer
            """);
  }

  @Test
  void dumpShowsRawDatabags() {
    int rel = deployPair(1);

    assertThat(juju.dump())
        .contains("relation " + rel + " (consumer:db provider:db, dbi)")
        .contains("  unit consumer/0:\n")
        .contains("    request: \"db-for-consumer/0\"\n")
        .contains("  app consumer:\n    (empty)\n");
  }

  @Test
  void badRequestsGetClearMessages() {
    juju.deploy("provider", charm("provider"), 1, Map.of());
    juju.deploy("consumer", charm("consumer"), 1, Map.of());

    assertThatThrownBy(() -> juju.relate("consumer:nope", "provider:db"))
        .isInstanceOf(EmbeddedJujuException.class)
        .hasMessage("application \"consumer\" has no endpoint \"nope\" (endpoints: [db])");
    assertThatThrownBy(() -> juju.relate("provider:db", "provider:cluster"))
        .isInstanceOf(EmbeddedJujuException.class)
        .hasMessageContaining("an application to itself");
    assertThatThrownBy(() -> juju.config("provider", Map.of("colour", "red")))
        .isInstanceOf(EmbeddedJujuException.class)
        .hasMessageContaining("config option 'colour' is not declared in config.yaml");
    assertThatThrownBy(() -> juju.deploy("x", Path.of("/nonexistent"), 1, Map.of()))
        .isInstanceOf(EmbeddedJujuException.class)
        .hasMessageContaining("does not exist");
    juju.relate("consumer", "provider");
    assertThatThrownBy(() -> juju.relate("consumer:db", "provider:db"))
        .isInstanceOf(EmbeddedJujuException.class)
        .hasMessageContaining("already exists");
  }

  /** Each run as {@code unit hook remote}. */
  private static List<String> withRemotes(SettleReport report) {
    return report.runs().stream().map(r -> r.unit() + " " + r.hook() + " " + r.remote()).toList();
  }
}
