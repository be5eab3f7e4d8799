package io.charmkit.ops.hooktools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ProcessHookTools} over a transport other than processes: the same argv and stdin go out,
 * the same output parsing and error mapping apply, so a test harness answering in process tests the
 * production encoder and decoder.
 */
class ToolTransportTest {
  private final List<ToolRequest> sent = new ArrayList<>();

  private ProcessHookTools answering(ToolResult result) {
    return new ProcessHookTools(
        request -> {
          sent.add(request);
          return result;
        });
  }

  @Test
  void theRequestCarriesTheProductionArgvAndStdin() {
    ProcessHookTools tools = answering(ToolResult.ok(""));

    tools.relationSet(RelationRef.of("db", 3), true, Map.of("k", "é"));

    assertThat(sent)
        .containsExactly(
            new ToolRequest(
                "relation-set",
                List.of("-r", "db:3", "--app", "--file", "-"),
                Optional.of("{\"k\": \"\\u00e9\"}"),
                List.of("relation-set", "-r", "db:3", "--app", "--file", "-")));
  }

  @Test
  void secretBearingArgumentsAreRedactedOnlyInTheShownArgv() {
    ProcessHookTools tools = answering(new ToolResult(1, "", "ERROR not the leader\n"));

    assertThatThrownBy(() -> tools.leaderSet(Map.of("password", "hunter2")))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageNotContaining("hunter2");
    assertThat(sent.get(0).args()).containsExactly("password=hunter2");
    assertThat(sent.get(0).shownArgv()).containsExactly("leader-set", "password=<redacted>");
    assertThat(sent.get(0).stdin()).isEmpty();
  }

  @Test
  void outputIsParsedAndFailuresAreMappedAsForAProcess() {
    assertThat(answering(ToolResult.ok("[\"db:3\",\"db:7\"]\n")).relationIds("db"))
        .containsExactly(3, 7);
    assertThatThrownBy(
            () ->
                answering(
                        new ToolResult(
                            1,
                            "",
                            "ERROR invalid value \"db:9\" for option -r: relation not found\n"))
                    .relationList(RelationRef.of("db", 9)))
        .isInstanceOf(RelationNotFoundException.class);
    assertThatThrownBy(() -> answering(ToolResult.ok("{not json")).configGet())
        .isInstanceOf(HookToolException.class)
        .hasMessage("config-get --format=json succeeded but its output is not valid JSON");
  }

  @Test
  void aToolTheTransportCannotRunPropagatesAndCountsAreForProcessesOnly() {
    HookToolException missing =
        new HookToolException("hook tool is-leader is not on PATH", "is-leader", List.of(), -1, "");
    ProcessHookTools tools =
        new ProcessHookTools(
            request -> {
              throw missing;
            });

    assertThatThrownBy(tools::isLeader).isSameAs(missing);
    assertThat(tools.callCounts()).isEmpty();
    assertThat(tools.callTimes()).isEmpty();
  }
}
