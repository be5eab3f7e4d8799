package io.charmkit.testing.juju;

import static io.charmkit.testing.juju.TestCharms.charm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.hooktools.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook tools' argv, output bytes and failures (JUJU.md §7–§9), called directly against a model
 * whose hooks are opened by hand (no processes).
 */
class HookToolSetTest {
  @TempDir Path work;

  private Model model;
  private HookToolSet tools;
  private int rel;
  private int peers;

  @BeforeEach
  void deploy() {
    model =
        new Model(
            "test",
            "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4",
            work,
            WorkloadContainers.directoriesOnly());
    tools = HookToolSet.all();
    model.deploy("provider", charm("provider"), 2, Map.of());
    model.deploy("consumer", charm("consumer"), 1, Map.of());
    peers = 0;
    rel = model.relate("consumer:db", "provider:db");
    // Every unit has joined every remote unit, as after a settle.
    for (Unit u : model.units.values()) {
      for (Relation r : model.relationsOf(u)) {
        for (Unit other : model.units.values()) {
          if (other != u && r.involves(other.app.name) && (r.isPeer() || other.app != u.app)) {
            r.membersOf(u.name).add(other.name);
          }
        }
      }
    }
    model.queue.clear();
  }

  private HookContext hook(String unit, String hook, Integer relationId, String remoteUnit) {
    String remoteApp = remoteUnit == null ? null : remoteUnit.substring(0, remoteUnit.indexOf('/'));
    PendingHook h =
        PendingHook.relation(
            unit, hook, relationId == null ? -1 : relationId, remoteApp, remoteUnit, null);
    if (relationId == null) {
      h = PendingHook.simple(unit, hook);
    }
    return model.begin(h, unit + "-" + hook);
  }

  private ToolResult call(HookContext ctx, String tool, String... args) {
    return tools.run(ctx, tool, List.of(args), "");
  }

  private ToolResult peerAppBag(HookContext ctx) {
    return call(
        ctx, "relation-get", "--format=json", "-r", "cluster:" + peers, "--app", "-", "provider");
  }

  private ToolResult callWithStdin(HookContext ctx, String stdin, String tool, String... args) {
    return tools.run(ctx, tool, List.of(args), stdin);
  }

  @Test
  void relationIdsAndListAnswerInJujusJson() {
    HookContext ctx = hook("consumer/0", "update-status", null, null);

    assertThat(call(ctx, "relation-ids", "db", "--format=json").stdout())
        .isEqualTo("[\"db:" + rel + "\"]\n");
    assertThat(call(ctx, "relation-list", "--format=json", "-r", "db:" + rel).stdout())
        .isEqualTo("[\"provider/0\",\"provider/1\"]\n");
    assertThat(call(ctx, "relation-list", "--format=json", "--app", "-r", "db:" + rel).stdout())
        .isEqualTo("\"provider\"\n");
    assertThat(call(ctx, "relation-ids", "nothing", "--format=json").stdout()).isEqualTo("[]\n");
  }

  @Test
  void relationGetPrintsWholeBagsAndSingleKeys() {
    HookContext ctx = hook("consumer/0", "db-relation-changed", rel, "provider/0");

    assertThat(
            call(ctx, "relation-get", "--format=json", "-r", "db:" + rel, "-", "provider/0")
                .stdout())
        .isEqualTo(
            "{\"egress-subnets\":\"10.1.0.1/32\",\"ingress-address\":\"10.1.0.1\","
                + "\"private-address\":\"10.1.0.1\"}\n");
    assertThat(call(ctx, "relation-get", "--format=json", "private-address").stdout())
        .as("-r and the unit default to the hook's relation and remote unit")
        .isEqualTo("\"10.1.0.1\"\n");
    assertThat(
            call(ctx, "relation-get", "--format=json", "-r", "" + rel, "missing", "provider/0")
                .stdout())
        .isEqualTo("\"\"\n");
    assertThat(call(ctx, "relation-get", "-r", "db:" + rel, "--app", "-", "provider").stdout())
        .isEqualTo("{}\n");
    // The ops 2.x argument order.
    assertThat(
            call(
                    ctx,
                    "relation-get",
                    "-r",
                    "" + rel,
                    "-",
                    "provider/0",
                    "--app=false",
                    "--format=json")
                .exitCode())
        .isZero();
  }

  @Test
  void writesAreVisibleToTheWriterAtOnceAndToOthersOnlyAfterCommit() {
    HookContext writer = hook("consumer/0", "db-relation-changed", rel, "provider/0");

    ToolResult set =
        callWithStdin(
            writer,
            "{\"b\": \"2\", \"a\": \"1\"}",
            "relation-set",
            "-r",
            "db:" + rel,
            "--file",
            "-");

    assertThat(set).isEqualTo(new ToolResult(0, "", ""));
    assertThat(
            call(writer, "relation-get", "--format=json", "-r", "db:" + rel, "a", "consumer/0")
                .stdout())
        .isEqualTo("\"1\"\n");
    HookContext reader = hook("provider/0", "update-status", null, null);
    assertThat(
            call(reader, "relation-get", "--format=json", "-r", "db:" + rel, "a", "consumer/0")
                .stdout())
        .isEqualTo("\"\"\n");

    model.finish(writer, 0);

    HookContext later = hook("provider/1", "update-status", null, null);
    assertThat(
            call(later, "relation-get", "--format=json", "-r", "db:" + rel, "a", "consumer/0")
                .stdout())
        .isEqualTo("\"1\"\n");
    assertThat(model.queue)
        .extracting(PendingHook::describe)
        .containsExactly(
            "provider/0 db-relation-changed (remote consumer/0)",
            "provider/1 db-relation-changed (remote consumer/0)");
  }

  @Test
  void anEmptyValueDeletesAKeyAndFailedHooksLeaveNothing() {
    HookContext first = hook("consumer/0", "update-status", null, null);
    call(first, "relation-set", "-r", "db:" + rel, "a=1", "b=2");
    model.finish(first, 0);
    HookContext second = hook("consumer/0", "update-status", null, null);
    call(second, "relation-set", "-r", "db:" + rel, "a=");
    call(second, "state-set", "k=v");
    model.finish(second, 1);

    assertThat(model.relation(rel).bags.get("consumer/0"))
        .containsEntry("a", "1")
        .containsEntry("b", "2");
    assertThat(model.unit("consumer/0").state).isEmpty();
  }

  @Test
  void applicationBagsFollowJujusPermissions() {
    HookContext follower = hook("provider/1", "update-status", null, null);

    assertThat(call(follower, "relation-set", "-r", "db:" + rel, "--app", "x=y"))
        .isEqualTo(new ToolResult(1, "", "ERROR cannot write relation settings\n"));
    assertThat(call(follower, "relation-get", "-r", "db:" + rel, "--app", "-", "provider").stderr())
        .isEqualTo("ERROR permission denied\n");
    assertThat(peerAppBag(follower).exitCode()).as("peers may read their own app bag").isZero();
    assertThat(call(follower, "relation-set", "-r", "cluster:" + peers, "--app", "x=y").stderr())
        .isEqualTo("ERROR cannot write relation settings\n");
    assertThat(
            call(
                    follower,
                    "relation-get",
                    "--format=json",
                    "-r",
                    "db:" + rel,
                    "--app",
                    "-",
                    "consumer")
                .exitCode())
        .as("any unit may read the remote app bag")
        .isZero();

    HookContext leader = hook("provider/0", "update-status", null, null);
    assertThat(call(leader, "relation-set", "-r", "db:" + rel, "--app", "x=y").exitCode()).isZero();
  }

  @Test
  void unknownRelationsAndUnitsFailTheWayOpsMapsThem() {
    HookContext ctx = hook("consumer/0", "update-status", null, null);

    assertThat(call(ctx, "relation-get", "-r", "db:99", "-", "provider/0").stderr())
        .isEqualTo("ERROR invalid value \"db:99\" for option -r: relation not found\n");
    assertThat(call(ctx, "relation-get", "-r", "cluster:" + peers, "-", "provider/0").stderr())
        .as("another application's peer relation")
        .contains("relation not found");
    assertThat(call(ctx, "relation-get", "-r", "db:" + rel, "-", "provider/7").stderr())
        .isEqualTo(
            "ERROR cannot read settings for unit \"provider/7\" in relation \"consumer:db provider:db\":"
                + " unit \"provider/7\": settings not found\n");
    assertThat(call(ctx, "relation-get", "-").stderr())
        .isEqualTo("ERROR no relation id specified\n");
    assertThat(call(ctx, "relation-get", "--bogus"))
        .isEqualTo(new ToolResult(2, "", "ERROR flag provided but not defined: --bogus\n"));
    assertThat(call(ctx, "no-such-tool").stderr()).contains("unknown hook tool");
  }

  @Test
  void configLeadershipStatusAndNetworkAnswerInJujusFormats() {
    HookContext ctx = hook("provider/0", "update-status", null, null);

    assertThat(call(ctx, "config-get", "--format=json").stdout())
        .isEqualTo("{\"fail-on\":\"\",\"password\":\"s3cret\"}\n");
    assertThat(call(ctx, "config-get", "password").stdout()).isEqualTo("s3cret\n");
    assertThat(call(ctx, "is-leader", "--format=json").stdout()).isEqualTo("true\n");
    assertThat(call(hook("provider/1", "x", null, null), "is-leader", "--format=json").stdout())
        .isEqualTo("false\n");

    assertThat(
            call(ctx, "status-set", "--application=False", "blocked", "--", "-needs a database")
                .exitCode())
        .isZero();
    assertThat(
            call(ctx, "status-get", "--include-data", "--format=json", "--application=false")
                .stdout())
        .isEqualTo(
            "{\"message\":\"-needs a database\",\"status\":\"blocked\",\"status-data\":{}}\n");
    assertThat(call(ctx, "status-set", "--application=True", "active", "all good").exitCode())
        .isZero();
    assertThat(
            call(ctx, "status-get", "--include-data", "--format=json", "--application=true")
                .stdout())
        .isEqualTo(
            "{\"application-status\":{\"message\":\"all good\",\"status\":\"active\",\"status-data\":{}},"
                + "\"units\":{\"provider/0\":{\"message\":\"-needs a database\",\"status\":\"blocked\",\"status-data\":{}},"
                + "\"provider/1\":{\"message\":\"\",\"status\":\"unknown\",\"status-data\":{}}}}\n");
    assertThat(call(ctx, "status-set", "error", "no").stderr())
        .isEqualTo(
            "ERROR invalid status \"error\", expected one of [maintenance blocked waiting active]\n");
    assertThat(
            call(hook("provider/1", "y", null, null), "status-set", "--application=True", "active")
                .stderr())
        .contains("not the leader");

    assertThat(call(ctx, "network-get", "--format=json", "db").stdout())
        .isEqualTo(
            "{\"bind-addresses\":[{\"addresses\":[{\"address\":\"10.1.0.1\",\"cidr\":\"10.1.0.0/24\","
                + "\"hostname\":\"provider-0.provider-endpoints.test.svc.cluster.local\",\"value\":\"10.1.0.1\"}],"
                + "\"interface-name\":\"eth0\",\"mac-address\":\"\"}],\"egress-subnets\":[\"10.1.0.1/32\"],"
                + "\"ingress-addresses\":[\"10.1.0.1\"]}\n");
    assertThat(call(ctx, "network-get", "--format=json", "nope").stderr())
        .isEqualTo("ERROR no network config found for binding \"nope\"\n");
    assertThat(call(ctx, "relation-model-get", "--format=json", "-r", "db:" + rel).stdout())
        .isEqualTo("{\"uuid\":\"6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4\"}\n");
  }

  @Test
  void jsonEscapesLikeGo() {
    HookContext ctx = hook("consumer/0", "update-status", null, null);
    call(ctx, "relation-set", "-r", "db:" + rel, "html=<a href=\"x\">&</a>");

    assertThat(
            call(ctx, "relation-get", "--format=json", "-r", "db:" + rel, "html", "consumer/0")
                .stdout())
        .isEqualTo("\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\"\n");
  }

  @Test
  void logsStateAndPorts() {
    HookContext ctx = hook("consumer/0", "update-status", null, null);

    call(ctx, "juju-log", "--log-level", "WARNING", "--", "two\nlines");
    callWithStdin(ctx, "{\"a\": \"1\"}\n", "state-set", "--file", "-");
    call(ctx, "open-port", "8080");
    call(ctx, "open-port", "9000-9010/udp");

    assertThat(model.unit("consumer/0").log.toString())
        .isEqualTo(
            "WARNING unit.consumer/0.juju-log: two\nWARNING unit.consumer/0.juju-log: lines\n");
    assertThat(call(ctx, "state-get", "a").stdout()).isEqualTo("1\n");
    assertThat(call(ctx, "state-get", "b").stdout()).isEmpty();
    assertThat(call(ctx, "opened-ports", "--format=json").stdout())
        .isEqualTo("[\"8080/tcp\",\"9000-9010/udp\"]\n");
    assertThat(call(ctx, "open-port", "http").stderr())
        .isEqualTo("ERROR invalid port range \"http\"\n");
    assertThat(model.unit("consumer/0").ports).as("ports commit with the hook").isEmpty();
    model.finish(ctx, 0);
    assertThat(model.unit("consumer/0").ports).containsExactly("8080/tcp", "9000-9010/udp");
    assertThat(model.unit("consumer/0").state).containsEntry("a", "1");
  }

  @Test
  void secretsAreGrantedOverRelationsAndReadByRevision(@TempDir Path files) throws IOException {
    Path value = Files.writeString(files.resolve("v"), "hunter2");
    HookContext owner = hook("provider/0", "update-status", null, null);
    String uri =
        call(
                owner,
                "secret-add",
                "--label",
                "pw",
                "--owner",
                "application",
                "password#file=" + value)
            .stdout()
            .strip();

    assertThat(uri).matches("secret:[0-9a-v]{20}");
    HookContext early = hook("consumer/0", "update-status", null, null);
    assertThat(call(early, "secret-get", uri, "--format=json").stderr())
        .as("not committed yet")
        .contains("not found");
    call(owner, "secret-grant", "--relation", "" + rel, uri);
    model.finish(owner, 0);
    model.finish(early, 0);

    HookContext consumer = hook("consumer/0", "update-status", null, null);
    assertThat(call(consumer, "secret-get", uri, "--label", "db-pw", "--format=json").stdout())
        .isEqualTo("{\"password\":\"hunter2\"}\n");
    assertThat(call(consumer, "secret-get", "--label", "db-pw", "--format=json").stdout())
        .isEqualTo("{\"password\":\"hunter2\"}\n");
    assertThat(call(consumer, "secret-info-get", "--format=json", uri).stderr())
        .contains("not found");
    model.finish(consumer, 0);

    HookContext follower = hook("provider/1", "update-status", null, null);
    assertThat(call(follower, "secret-set", uri, "password=x").stderr())
        .contains("permission denied");
    HookContext update = hook("provider/0", "update-status", null, null);
    assertThat(call(update, "secret-set", uri, "password=changed").exitCode()).isZero();
    assertThat(call(update, "secret-info-get", "--format=json", "--label", "pw").stdout())
        .isEqualTo(
            "{\""
                + uri.substring(7)
                + "\":{\"label\":\"pw\",\"owner\":\"application\",\"revision\":2,\"rotation\":\"never\"}}\n");
    model.finish(update, 0);

    assertThat(model.queue)
        .extracting(h -> h.unit() + " " + h.hook() + " " + h.secretId() + " " + h.secretLabel())
        .containsExactly("consumer/0 secret-changed " + uri + " db-pw");
    HookContext changed = hook("consumer/0", "secret-changed", null, null);
    assertThat(call(changed, "secret-get", uri, "--format=json").stdout())
        .as("still tracking revision 1")
        .isEqualTo("{\"password\":\"hunter2\"}\n");
    assertThat(call(changed, "secret-get", uri, "--peek", "--format=json").stdout())
        .isEqualTo("{\"password\":\"changed\"}\n");
    assertThat(call(changed, "secret-get", uri, "--refresh", "--format=json").stdout())
        .isEqualTo("{\"password\":\"changed\"}\n");

    HookContext revoke = hook("provider/0", "update-status", null, null);
    call(revoke, "secret-revoke", "--relation", "" + rel, uri);
    model.finish(revoke, 0);
    assertThat(call(hook("consumer/0", "z", null, null), "secret-get", uri).stderr())
        .isEqualTo("ERROR permission denied\n");
    assertThat(call(hook("consumer/0", "w", null, null), "secret-get", "secret:nope").stderr())
        .isEqualTo("ERROR secret \"nope\" not found\n");
  }

  @Test
  void leadershipSettingsAreForTheLeaderToWrite() {
    HookContext leader = hook("provider/0", "update-status", null, null);
    call(leader, "leader-set", "interface.pgsql=a: b");
    model.finish(leader, 0);

    HookContext follower = hook("provider/1", "update-status", null, null);
    assertThat(call(follower, "leader-get", "--format=json").stdout())
        .isEqualTo("{\"interface.pgsql\":\"a: b\"}\n");
    assertThat(call(follower, "leader-set", "k=v").stderr()).contains("not the leader");
    assertThat(model.queue)
        .extracting(PendingHook::describe)
        .containsExactly("provider/1 leader-settings-changed");
  }

  @Test
  void peerWritesFireChangedOnTheOtherPeersOnly() {
    HookContext leader = hook("provider/0", "update-status", null, null);
    call(leader, "relation-set", "-r", "cluster:" + peers, "--app", "k=v");
    call(leader, "relation-set", "-r", "cluster:" + peers, "u=1");
    model.finish(leader, 0);

    assertThat(model.queue)
        .extracting(PendingHook::describe)
        .containsExactly("provider/1 cluster-relation-changed (remote provider/0)");
    HookContext follower = hook("provider/1", "update-status", null, null);
    assertThat(peerAppBag(follower).stdout()).isEqualTo("{\"k\":\"v\"}\n");
  }

  @Test
  void anUnchangedBagFiresNothing() {
    HookContext ctx = hook("consumer/0", "update-status", null, null);
    call(ctx, "relation-set", "-r", "db:" + rel, "private-address=10.1.0.3");
    model.finish(ctx, 0);

    assertThat(model.queue).isEmpty();
  }

  @Test
  void theToolSetDependsOnTheJujuVersion() {
    assertThat(HookToolSet.forVersion("3.6.14").names())
        .contains("relation-get", "secret-add", "state-set")
        .doesNotContain("leader-get", "leader-set");
    assertThat(HookToolSet.forVersion("2.9.51").names())
        .contains("leader-get", "leader-set", "relation-get")
        .doesNotContain("secret-add", "relation-model-get");
    Set<String> juju36AndLeadership = new TreeSet<>(HookToolSet.forVersion("3.6.14").names());
    juju36AndLeadership.addAll(Set.of("leader-get", "leader-set"));
    assertThat(juju36AndLeadership).isEqualTo(HookToolSet.all().names());
    assertThat(
            HookToolSet.forVersion("3.6.14")
                .run(hook("consumer/0", "update-status", null, null), "leader-get", List.of(), ""))
        .isEqualTo(new ToolResult(1, "", "ERROR unknown hook tool \"leader-get\"\n"));
    assertThatThrownBy(() -> HookToolSet.forVersion("three"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'three' is not a Juju version");
  }
}
