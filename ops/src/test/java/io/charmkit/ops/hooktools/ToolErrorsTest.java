package io.charmkit.ops.hooktools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Non-zero exits become the exception types of JUJU.md §8, from real processes' stderr. */
class ToolErrorsTest extends FakeToolsTestCase {

  @Test
  void relationNotFoundFromARelationTool() {
    fake.respond("relation-get", "", "ERROR Relation Not Found\n", 2);

    assertThatThrownBy(() -> tools.relationGet(DB, "pg/0", false))
        .isInstanceOfSatisfying(
            RelationNotFoundException.class,
            e -> {
              assertThat(e.tool()).isEqualTo("relation-get");
              assertThat(e.argv())
                  .containsExactly("relation-get", "--format=json", "-r", "db:3", "-", "pg/0");
              assertThat(e.exitCode()).isEqualTo(2);
              assertThat(e.stderr()).isEqualTo("ERROR Relation Not Found\n");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "relation-get --format=json -r db:3 - pg/0 failed (exit 2):"
                          + " ERROR Relation Not Found");
            });
  }

  @Test
  void relationNotFoundFromANetworkTool() {
    fake.respond("network-get", "", "ERROR relation not found", 1);

    assertThatThrownBy(() -> tools.networkGet("db", Optional.of(3)))
        .isExactlyInstanceOf(RelationNotFoundException.class);
  }

  @Test
  void relationNotFoundWinsOverPermissionTextForRelationTools() {
    fake.respond("relation-set", "", "ERROR permission denied: relation not found", 1);

    assertThatThrownBy(() -> tools.relationSet(DB, false, Map.of("k", "v")))
        .isExactlyInstanceOf(RelationNotFoundException.class);
  }

  @Test
  void relationNotFoundTextFromAnotherToolIsAPlainError() {
    fake.respond("state-get", "", "ERROR relation not found", 1);

    assertThatThrownBy(() -> tools.stateGet()).isExactlyInstanceOf(HookToolException.class);
  }

  @Test
  void secretNotFoundFromASecretTool() {
    fake.respond("secret-get", "", "ERROR secret \"cq3\" Not Found", 1);

    assertThatThrownBy(
            () -> tools.secretGet(Optional.of("secret:cq3"), Optional.empty(), false, false))
        .isExactlyInstanceOf(SecretNotFoundException.class)
        .hasMessageContaining("secret-get --format=json secret:cq3 failed (exit 1)");
  }

  @Test
  void notFoundFromANonSecretToolIsNotASecretError() {
    fake.respond("resource-get", "", "ERROR resource not found", 1);

    assertThatThrownBy(() -> tools.resourceGet("bin")).isExactlyInstanceOf(HookToolException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ERROR permission denied (unauthorized access)",
        "ERROR Access Denied",
        "ERROR this unit is not the leader",
        "ERROR cannot write relation settings",
      })
  void authorisationFailuresArePermissionDenied(String stderr) {
    fake.respond("relation-set", "", stderr, 1);

    assertThatThrownBy(() -> tools.relationSet(DB, true, Map.of("k", "v")))
        .isExactlyInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining(stderr);
  }

  @Test
  void permissionDeniedFromANonRelationTool() {
    fake.respond("status-set", "", "ERROR not the leader", 1);

    assertThatThrownBy(() -> tools.statusSet("active", "", true))
        .isExactlyInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void anythingElseIsAHookToolException() {
    fake.respond("config-get", "", "ERROR connection refused", 1);

    assertThatThrownBy(() -> tools.configGet())
        .isExactlyInstanceOf(HookToolException.class)
        .hasMessage("config-get --format=json failed (exit 1): ERROR connection refused");
  }

  @Test
  void aToolMissingFromPathSaysSoWithExitCodeMinusOne() {
    ProcessHookTools outsideJuju =
        new ProcessHookTools(Map.of("PATH", dir.resolve("nowhere") + ":/usr/bin:/bin"));

    assertThatThrownBy(() -> outsideJuju.relationIds("db"))
        .isInstanceOfSatisfying(
            HookToolException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(-1);
              assertThat(e.tool()).isEqualTo("relation-ids");
              assertThat(e.argv()).containsExactly("relation-ids", "db", "--format=json");
              assertThat(e.getMessage())
                  .startsWith("hook tool relation-ids is not on PATH (")
                  .endsWith("); is this process running under Juju?");
            });
    assertThat(outsideJuju.callCounts()).containsEntry("relation-ids", 1);
  }

  @Test
  void anEmptyPathIsReportedAsSuch() {
    ProcessHookTools noPath = new ProcessHookTools(Map.of());

    assertThatThrownBy(() -> noPath.isLeader())
        .hasMessageContaining("is-leader is not on PATH (PATH is empty)");
  }

  @Test
  void theJvmsOwnPathIsNotUsedToFindTools() {
    // The fakes are on the PATH we pass, never on the JVM's: a bare-name ProcessBuilder would
    // miss them, so finding them proves the given PATH is the one searched.
    fake.stdout("is-leader", "true");

    assertThat(System.getenv("PATH")).doesNotContain(dir.toString());
    assertThat(tools.isLeader()).isTrue();
  }

  @Test
  void outputThatIsNotTheExpectedShapeIsAClearError() {
    fake.stdout("is-leader", "\"yes\"");
    assertThatThrownBy(() -> tools.isLeader())
        .isExactlyInstanceOf(HookToolException.class)
        .hasMessage("is-leader --format=json succeeded but its output is not true or false");

    fake.stdout("relation-ids", "{\"db\": 3}");
    assertThatThrownBy(() -> tools.relationIds("db"))
        .hasMessage(
            "relation-ids db --format=json succeeded but its output is not a JSON list of"
                + " relation ids");

    fake.stdout("opened-ports", "[\"eighty/tcp\"]");
    assertThatThrownBy(() -> tools.openedPorts())
        .hasMessageContaining("is not a JSON list of ports");

    fake.stdout("config-get", "{\"a\": 1} trailing");
    assertThatThrownBy(() -> tools.configGet()).hasMessageContaining("is not valid JSON");
  }

  @Test
  void largeStderrAndStdoutDoNotDeadlock() {
    // More than a pipe buffer (64 KiB) on both streams at once.
    String big = "e".repeat(200_000);
    fake.respond("config-get", "{\"k\": \"" + "o".repeat(200_000) + "\"}", big, 1);

    assertThatThrownBy(() -> tools.configGet())
        .isInstanceOfSatisfying(
            HookToolException.class, e -> assertThat(e.stderr()).hasSize(200_000));
  }

  @Test
  void largeStdinIsDeliveredInFull() {
    String value = "v".repeat(300_000);

    tools.stateSet(Map.of("k", value));

    assertThat(fake.onlyCall().stdin()).isEqualTo("{\"k\": \"" + value + "\"}");
  }
}
