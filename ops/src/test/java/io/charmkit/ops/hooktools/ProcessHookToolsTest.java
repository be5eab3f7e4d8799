package io.charmkit.ops.hooktools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The argv, stdin and output reading of every non-secret, non-action hook tool (JUJU.md §7.1). */
class ProcessHookToolsTest extends FakeToolsTestCase {

  @Nested
  class Relations {
    @Test
    void relationIdsPutsTheEndpointBeforeTheFormatAndReadsTheIdAfterTheColon() {
      fake.stdout("relation-ids", "[\"db:3\", \"db:12\"]\n");

      assertThat(tools.relationIds("db")).containsExactly(3, 12);
      assertThat(fake.onlyCall().args()).containsExactly("db", "--format=json");
    }

    @Test
    void relationIdsOfAnEndpointWithoutRelationsIsEmpty() {
      fake.stdout("relation-ids", "[]\n");

      assertThat(tools.relationIds("db")).isEmpty();
    }

    @Test
    void relationListPassesEndpointAndId() {
      fake.stdout("relation-list", "[\"pg/0\", \"pg/1\"]");

      assertThat(tools.relationList(DB)).containsExactly("pg/0", "pg/1");
      assertThat(fake.onlyCall().args()).containsExactly("--format=json", "-r", "db:3");
    }

    @Test
    void relationListUsesTheBareIdWhenTheEndpointIsUnknown() {
      fake.stdout("relation-list", "[]");

      tools.relationList(new RelationRef(null, 7));

      assertThat(fake.onlyCall().args()).containsExactly("--format=json", "-r", "7");
    }

    @Test
    void relationRemoteAppReadsAJsonString() {
      fake.stdout("relation-list", "\"postgresql\"\n");

      assertThat(tools.relationRemoteApp(DB)).isEqualTo("postgresql");
      assertThat(fake.onlyCall().args()).containsExactly("--format=json", "--app", "-r", "db:3");
    }

    @Test
    void relationGetReadsAWholeUnitBag() {
      fake.stdout(
          "relation-get", "{\"private-address\": \"10.0.0.5\", \"role\": \"\\\"all\\\"\"}\n");

      assertThat(tools.relationGet(DB, "pg/0", false))
          .containsExactly(Map.entry("private-address", "10.0.0.5"), Map.entry("role", "\"all\""));
      assertThat(fake.onlyCall().args())
          .containsExactly("--format=json", "-r", "db:3", "-", "pg/0");
    }

    @Test
    void relationGetOfAnAppBagAddsAppBeforeTheDash() {
      fake.stdout("relation-get", "{}");

      assertThat(tools.relationGet(DB, "postgresql", true)).isEmpty();
      assertThat(fake.onlyCall().args())
          .containsExactly("--format=json", "-r", "db:3", "--app", "-", "postgresql");
    }

    @Test
    void relationSetSendsPythonStyleJsonOnStdin() {
      Map<String, String> changes = new LinkedHashMap<>();
      changes.put("endpoint", "http://tempo:3200");
      changes.put("stale", "");
      changes.put("name", "caf\u00e9 \"quoted\"\n");

      tools.relationSet(DB, true, changes);

      FakeTools.Call call = fake.onlyCall();
      assertThat(call.args()).containsExactly("-r", "db:3", "--app", "--file", "-");
      assertThat(call.stdin())
          .isEqualTo(
              "{\"endpoint\": \"http://tempo:3200\", \"stale\": \"\","
                  + " \"name\": \"caf\\u00e9 \\\"quoted\\\"\\n\"}");
    }

    @Test
    void relationSetOfAUnitBagHasNoAppFlag() {
      tools.relationSet(DB, false, Map.of("k", "v"));

      assertThat(fake.onlyCall().args()).containsExactly("-r", "db:3", "--file", "-");
    }

    @Test
    void relationSetWithNothingToChangeRunsNoTool() {
      tools.relationSet(DB, false, Map.of());

      assertThat(fake.calls()).isEmpty();
      assertThat(tools.callCounts()).isEmpty();
    }
  }

  @Nested
  class ConfigLeadershipStatusLogs {
    @Test
    void configGetReadsTypedValues() {
      fake.stdout("config-get", "{\"retention\": 7, \"debug\": true, \"name\": \"t\", \"r\": 0.5}");

      assertThat(tools.configGet())
          .containsExactly(
              Map.entry("retention", 7),
              Map.entry("debug", true),
              Map.entry("name", "t"),
              Map.entry("r", 0.5));
      assertThat(fake.onlyCall().args()).containsExactly("--format=json");
    }

    @Test
    void isLeaderReadsAJsonBoolean() {
      fake.stdout("is-leader", "true\n");
      assertThat(tools.isLeader()).isTrue();
      fake.stdout("is-leader", "false\n");
      assertThat(tools.isLeader()).isFalse();
      assertThat(fake.argvs()).containsOnly(List.of("is-leader", "--format=json")).hasSize(2);
    }

    @Test
    void statusGetOfTheUnit() {
      fake.stdout(
          "status-get", "{\"status\": \"active\", \"message\": \"ready\", \"status-data\": {}}");

      assertThat(tools.statusGet(false)).isEqualTo(new StatusReading("active", "ready"));
      assertThat(fake.onlyCall().args())
          .containsExactly("--include-data", "--format=json", "--application=false");
    }

    @Test
    void statusGetOfTheApplicationReadsTheNestedApplicationStatus() {
      fake.stdout(
          "status-get",
          "{\"application-status\": {\"status\": \"blocked\", \"message\": \"no s3\","
              + " \"status-data\": {}}, \"units\": {\"t/0\": {\"status\": \"active\","
              + " \"message\": \"\", \"status-data\": {}}}}");

      assertThat(tools.statusGet(true)).isEqualTo(new StatusReading("blocked", "no s3"));
      assertThat(fake.onlyCall().args())
          .containsExactly("--include-data", "--format=json", "--application=true");
    }

    @Test
    void statusSetFormatsTheFlagThePythonWayAndGuardsTheMessage() {
      tools.statusSet("blocked", "-missing s3", false);
      tools.statusSet("active", "", true);
      tools.statusSet("waiting", null, false);

      assertThat(fake.argvs())
          .containsExactly(
              List.of("status-set", "--application=False", "blocked", "--", "-missing s3"),
              List.of("status-set", "--application=True", "active", "--", ""),
              List.of("status-set", "--application=False", "waiting"));
    }

    @Test
    void statusSetRejectsAStatusACharmCannotSetBeforeRunningAnything() {
      assertThatThrownBy(() -> tools.statusSet("error", "x", false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'error'")
          .hasMessageContaining("active, blocked, maintenance or waiting");
      assertThat(fake.calls()).isEmpty();
    }

    @Test
    void jujuLogPutsTheMessageAfterADoubleDash() {
      tools.jujuLog("WARNING", "--looks like a flag");

      assertThat(fake.onlyCall().args())
          .containsExactly("--log-level", "WARNING", "--", "--looks like a flag");
    }

    @Test
    void jujuLogOfAnEmptyMessageRunsNothing() {
      tools.jujuLog("INFO", "");

      assertThat(fake.calls()).isEmpty();
    }

    @Test
    void jujuLogOfExactlyTheLimitIsOneCall() {
      String message = "x".repeat(ProcessHookTools.MAX_LOG_LINE_LEN);

      tools.jujuLog("INFO", message);

      assertThat(fake.onlyCall().args()).containsExactly("--log-level", "INFO", "--", message);
    }

    @Test
    void jujuLogSplitsALongerMessageAfterANoticeAsOpsDoes() {
      int max = ProcessHookTools.MAX_LOG_LINE_LEN;
      String message = "a".repeat(max) + "b".repeat(max) + "c".repeat(5);

      tools.jujuLog("DEBUG", message);

      assertThat(fake.argvs())
          .containsExactly(
              List.of(
                  "juju-log",
                  "--log-level",
                  "DEBUG",
                  "--",
                  "Log string greater than 131071. Splitting into multiple chunks: "),
              List.of("juju-log", "--log-level", "DEBUG", "--", "a".repeat(max)),
              List.of("juju-log", "--log-level", "DEBUG", "--", "b".repeat(max)),
              List.of("juju-log", "--log-level", "DEBUG", "--", "ccccc"));
      assertThat(tools.callCounts()).containsExactly(Map.entry("juju-log", 4));
    }

    @Test
    void logChunksNeverSplitASurrogatePairAndStayWithinTheArgumentByteLimit() {
      String emoji = "\uD83D\uDE00"; // 4 bytes in UTF-8, 2 chars in Java, 1 code point
      String message = emoji.repeat(40000);

      List<String> chunks = ProcessHookTools.logChunks(message);

      assertThat(String.join("", chunks)).isEqualTo(message);
      assertThat(chunks)
          .allSatisfy(
              c -> {
                assertThat(c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(ProcessHookTools.MAX_LOG_LINE_LEN);
                assertThat(Character.isLowSurrogate(c.charAt(0))).isFalse();
              });
      assertThat(chunks).hasSize(2);
    }

    @Test
    void applicationVersionSetGuardsTheVersion() {
      tools.applicationVersionSet("2.9.1");

      assertThat(fake.onlyCall().args()).containsExactly("--", "2.9.1");
    }
  }

  @Nested
  class NetworkGoalStateResources {
    @Test
    void networkGetWithARelationIdPassesTheBareId() {
      fake.stdout(
          "network-get",
          """
          {"bind-addresses": [{"mac-address": "aa:bb", "interface-name": "eth0",
            "addresses": [{"hostname": "", "value": "10.1.2.3", "cidr": "10.1.2.0/24"}]}],
           "egress-subnets": ["10.1.2.3/32"], "ingress-addresses": ["10.1.2.3"]}
          """);

      NetworkInfo info = tools.networkGet("cluster", Optional.of(4));

      assertThat(fake.onlyCall().args()).containsExactly("--format=json", "-r", "4", "cluster");
      assertThat(info)
          .isEqualTo(
              new NetworkInfo(
                  List.of(
                      new NetworkInfo.BindAddress(
                          "aa:bb",
                          "eth0",
                          List.of(new NetworkInfo.Address("", "10.1.2.3", "10.1.2.0/24")))),
                  List.of("10.1.2.3/32"),
                  List.of("10.1.2.3")));
    }

    @Test
    void networkGetReadsThePre29AddressKeyAndMissingFields() {
      fake.stdout(
          "network-get",
          "{\"bind-addresses\": [{\"interface-name\": \"eth0\","
              + " \"addresses\": [{\"address\": \"10.0.0.9\", \"cidr\": \"10.0.0.0/8\"}]}]}");

      NetworkInfo info = tools.networkGet("juju-info", Optional.empty());

      assertThat(fake.onlyCall().args()).containsExactly("--format=json", "juju-info");
      assertThat(info.bindAddresses().get(0))
          .isEqualTo(
              new NetworkInfo.BindAddress(
                  "", "eth0", List.of(new NetworkInfo.Address("", "10.0.0.9", "10.0.0.0/8"))));
      assertThat(info.egressSubnets()).isEmpty();
      assertThat(info.ingressAddresses()).isEmpty();
    }

    @Test
    void goalStateReadsUnitsAndRelations() {
      fake.stdout(
          "goal-state",
          """
          {"units": {"t/0": {"status": "active", "since": "2025-01-01 10:00:00Z"},
                     "t/1": {"status": "dying", "since": "2025-01-01 11:00:00Z"}},
           "relations": {"cluster": {"w": {"status": "joined", "since": "s1"},
                                     "w/0": {"status": "active", "since": "s2"}}}}
          """);

      GoalState goal = tools.goalState();

      assertThat(fake.onlyCall().args()).containsExactly("--format=json");
      assertThat(goal.units())
          .containsExactly(
              Map.entry("t/0", new GoalState.Entry("active", "2025-01-01 10:00:00Z")),
              Map.entry("t/1", new GoalState.Entry("dying", "2025-01-01 11:00:00Z")));
      assertThat(goal.relations().get("cluster"))
          .containsExactly(
              Map.entry("w", new GoalState.Entry("joined", "s1")),
              Map.entry("w/0", new GoalState.Entry("active", "s2")));
    }

    @Test
    void goalStateWithoutRelationsHasAnEmptyMap() {
      fake.stdout("goal-state", "{\"units\": {}}");

      assertThat(tools.goalState()).isEqualTo(new GoalState(Map.of(), Map.of()));
    }

    @Test
    void resourceGetHasNoFormatAndReadsAPath() {
      fake.stdout("resource-get", "/var/lib/juju/agents/unit-t-0/resources/bin/tempo\n");

      assertThat(tools.resourceGet("bin"))
          .isEqualTo(Path.of("/var/lib/juju/agents/unit-t-0/resources/bin/tempo"));
      assertThat(fake.onlyCall().args()).containsExactly("bin");
    }
  }

  @Nested
  class StateLeaderPortsStorage {
    @Test
    void stateGetReadsAllState() {
      fake.stdout(
          "state-get", "{\"#notices#\": \"[]\", \"Charm/StoredStateData[_stored]\": \"a\"}");

      assertThat(tools.stateGet())
          .containsExactly(
              Map.entry("#notices#", "[]"), Map.entry("Charm/StoredStateData[_stored]", "a"));
      assertThat(fake.onlyCall().args()).containsExactly("--format=json");
    }

    @Test
    void stateGetReadsNullAndEmptyOutputAsNoState() {
      fake.stdout("state-get", "null\n");
      assertThat(tools.stateGet()).isEmpty();
      fake.stdout("state-get", "");
      assertThat(tools.stateGet()).isEmpty();
    }

    @Test
    void stateSetSendsJsonOnStdin() {
      Map<String, String> entries = new LinkedHashMap<>();
      entries.put("a", "1");
      entries.put("b", "line\nbreak");

      tools.stateSet(entries);

      assertThat(fake.onlyCall().args()).containsExactly("--file", "-");
      assertThat(fake.onlyCall().stdin()).isEqualTo("{\"a\": \"1\", \"b\": \"line\\nbreak\"}");
    }

    @Test
    void stateDeleteNamesTheKey() {
      tools.stateDelete("#notices#");

      assertThat(fake.onlyCall().args()).containsExactly("#notices#");
    }

    @Test
    void leaderGetReadsAStringOrNothing() {
      fake.stdout("leader-get", "\"{1: {database: x}}\"\n");
      assertThat(tools.leaderGet("interface.pgsql")).contains("{1: {database: x}}");
      fake.stdout("leader-get", "");
      assertThat(tools.leaderGet("interface.pgsql")).isEmpty();
      fake.stdout("leader-get", "null");
      assertThat(tools.leaderGet("interface.pgsql")).isEmpty();
      assertThat(fake.argvs())
          .containsOnly(List.of("leader-get", "--format=json", "interface.pgsql"));
    }

    @Test
    void leaderSetPassesAssignmentsAndRedactsTheirValuesInErrors() {
      fake.respond("leader-set", "", "ERROR cannot write leadership settings: boom", 1);
      Map<String, String> entries = new LinkedHashMap<>();
      entries.put("interface.pgsql", "password: hunter2");
      entries.put("other", "");

      assertThatThrownBy(() -> tools.leaderSet(entries))
          .isInstanceOfSatisfying(
              HookToolException.class,
              e -> {
                assertThat(e.argv())
                    .containsExactly(
                        "leader-set", "interface.pgsql=<redacted>", "other=<redacted>");
                assertThat(e.getMessage()).doesNotContain("hunter2");
              });
      assertThat(fake.onlyCall().args())
          .containsExactly("interface.pgsql=password: hunter2", "other=");
    }

    @Test
    void portsUseThePortArgument() {
      tools.openPort(Port.tcp(8080));
      tools.openPort(new Port("udp", 8000, 8999));
      tools.openPort(Port.icmp());
      tools.closePort(Port.tcp(80));

      assertThat(fake.argvs())
          .containsExactly(
              List.of("open-port", "8080/tcp"),
              List.of("open-port", "8000-8999/udp"),
              List.of("open-port", "icmp"),
              List.of("close-port", "80/tcp"));
    }

    @Test
    void openedPortsReadsEveryForm() {
      fake.stdout("opened-ports", "[\"80/tcp\", \"8000-8999/udp\", \"icmp\", \"443\"]");

      assertThat(tools.openedPorts())
          .containsExactly(Port.tcp(80), new Port("udp", 8000, 8999), Port.icmp(), Port.tcp(443));
      assertThat(fake.onlyCall().args()).containsExactly("--format=json");
    }

    @Test
    void openedPortsWithNothingOpenIsEmpty() {
      fake.stdout("opened-ports", "[]\n");

      assertThat(tools.openedPorts()).isEmpty();
    }

    @Test
    void storageListWithAndWithoutAName() {
      fake.stdout("storage-list", "[\"data/0\", \"data/1\"]");

      assertThat(tools.storageList(Optional.of("data"))).containsExactly("data/0", "data/1");
      tools.storageList(Optional.empty());

      assertThat(fake.argvs())
          .containsExactly(
              List.of("storage-list", "--format=json", "data"),
              List.of("storage-list", "--format=json"));
    }

    @Test
    void storageGetReadsKindAndLocation() {
      fake.stdout("storage-get", "{\"kind\": \"filesystem\", \"location\": \"/srv/data\"}");

      assertThat(tools.storageGet("data/0")).isEqualTo(new StorageInfo("filesystem", "/srv/data"));
      assertThat(fake.onlyCall().args()).containsExactly("--format=json", "-s", "data/0");
    }
  }

  @Test
  void toolsInheritTheGivenEnvironment() {
    tools.stateDelete("k");

    assertThat(fake.onlyCall().contextId()).isEqualTo("ctx-42");
  }

  @Test
  void toolsWithoutStdinSeeItClosed() {
    tools.stateDelete("k");

    assertThat(fake.onlyCall().stdin()).isEmpty();
  }

  @Test
  void callCountsCountEveryStartByTool() {
    fake.stdout("is-leader", "true");
    tools.isLeader();
    tools.isLeader();
    tools.stateDelete("k");

    assertThat(tools.callCounts())
        .containsExactly(Map.entry("is-leader", 2), Map.entry("state-delete", 1));
  }

  @Test
  void callTimesCoverEachToolsWholeRunByTool() throws Exception {
    // A lower bound only: the tool sleeps, so its recorded time cannot be shorter.
    Path slow = Files.createDirectories(dir.resolve("slow-tools"));
    Path isLeader = slow.resolve("is-leader");
    Files.writeString(isLeader, "#!/bin/sh\nsleep 0.2\necho true\n");
    Files.setPosixFilePermissions(isLeader, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessHookTools timed = new ProcessHookTools(Map.of("PATH", slow + ":/usr/bin:/bin"));

    assertThat(timed.callTimes()).isEmpty();
    timed.isLeader();
    assertThatThrownBy(() -> timed.relationIds("db")).isInstanceOf(HookToolException.class);

    assertThat(timed.callTimes()).containsOnlyKeys("is-leader", "relation-ids");
    assertThat(timed.callTimes().get("is-leader")).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(timed.callTimes().keySet()).isEqualTo(timed.callCounts().keySet());
  }
}
