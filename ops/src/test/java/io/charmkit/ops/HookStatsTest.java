package io.charmkit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.ProcessHookTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.OptionalLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code CHARMKIT_HOOK_STATS}: a production dispatch's tool calls, times and peak RSS. */
class HookStatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path charmDir;
  private Path toolsDir;

  /** Logs at INFO during the hook, so a juju-log call is made besides is-leader/status-set. */
  static final class Chatty extends Charm {
    Chatty(Framework framework) {
      super(framework);
      observe(on().install(), e -> LoggerFactory.getLogger(Chatty.class).info("installing"));
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    charmDir = Files.createDirectories(dir.resolve("charm"));
    Files.writeString(charmDir.resolve("metadata.yaml"), "name: demo\n");
    toolsDir = Files.createDirectories(dir.resolve("tools"));
    tool("is-leader", "echo false");
    tool("juju-log", ":");
    tool("status-set", ":");
    tool("status-get", "echo '{\"status\": \"unknown\", \"message\": \"\"}'");
  }

  private void tool(String name, String body) throws IOException {
    Path script = toolsDir.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Map<String, String> env(Path stats) {
    Map<String, String> env = Fixture.env("hooks/install");
    env.put("JUJU_CHARM_DIR", charmDir.toString());
    env.put("JUJU_CONTEXT_ID", "demo/0-install-1");
    env.put("PATH", toolsDir + ":/usr/bin:/bin");
    if (stats != null) {
      env.put(HookStats.VARIABLE, stats.toString());
    }
    return env;
  }

  @Test
  void aDispatchWritesItsToolCallsAndTimesWhenAsked() throws IOException {
    Path stats = dir.resolve("stats.json");

    int code = Dispatcher.runProduction(env(stats), Chatty::new, Dispatcher.StateBackend.CHARM_DIR);

    assertThat(code).isZero();
    JsonNode node = JSON.readTree(stats.toFile());
    assertThat(node.get("hook").asText()).isEqualTo("hooks/install");
    assertThat(node.get("exitCode").asInt()).isZero();
    assertThat(node.get("tools").get("is-leader").get("calls").asInt()).isEqualTo(1);
    assertThat(node.get("tools").get("juju-log").get("calls").asInt()).isEqualTo(1);
    int sum = 0;
    double ms = 0;
    for (JsonNode tool : node.get("tools")) {
      sum += tool.get("calls").asInt();
      ms += tool.get("ms").asDouble();
      assertThat(tool.get("ms").asDouble()).isPositive();
    }
    assertThat(node.get("toolCalls").asInt()).isEqualTo(sum);
    assertThat(node.get("toolMs").asDouble()).isCloseTo(ms, Offset.offset(0.01));
    // Tool time is part of the dispatch, never more than it.
    assertThat(node.get("dispatchMs").asDouble()).isGreaterThanOrEqualTo(ms);
    if (Files.exists(Path.of("/proc/self/status"))) {
      assertThat(node.get("vmHwmKb").asLong()).isPositive();
      assertThat(node.get("cpuMs").asDouble()).isPositive();
    }
    assertThat(dir.resolve("stats.json.tmp")).doesNotExist();
  }

  @Test
  void withoutTheVariableNothingIsWritten() throws IOException {
    int code = Dispatcher.runProduction(env(null), Chatty::new, Dispatcher.StateBackend.CHARM_DIR);

    assertThat(code).isZero();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("charm", "tools");
    }
  }

  @Test
  void aFailedHookStillReportsItsExitCode() throws IOException {
    Path stats = dir.resolve("stats.json");

    int code =
        Dispatcher.runProduction(
            env(stats),
            f ->
                new Charm(f) {
                  {
                    observe(
                        on().install(),
                        e -> {
                          throw new IllegalStateException("boom");
                        });
                  }
                },
            Dispatcher.StateBackend.CHARM_DIR);

    assertThat(code).isEqualTo(1);
    assertThat(JSON.readTree(stats.toFile()).get("exitCode").asInt()).isEqualTo(1);
  }

  @Test
  void anUnwritablePathNeverFailsTheHook() {
    Path stats = dir.resolve("missing-dir").resolve("stats.json");

    int code = Dispatcher.runProduction(env(stats), Chatty::new, Dispatcher.StateBackend.CHARM_DIR);

    assertThat(code).isZero();
    assertThat(stats).doesNotExist();
  }

  @Test
  void renderEscapesTheHookNameAndLeavesOutUnknownFigures() throws IOException {
    ProcessHookTools tools = new ProcessHookTools(Map.of("PATH", toolsDir.toString()));

    String text =
        HookStats.render(
            "hooks/\"odd\"\n", 0, 2_500_000, tools, OptionalLong.empty(), OptionalLong.empty());

    JsonNode node = JSON.readTree(text);
    assertThat(node.get("hook").asText()).isEqualTo("hooks/\"odd\"\n");
    assertThat(node.get("dispatchMs").asDouble()).isEqualTo(2.5);
    assertThat(node.get("toolCalls").asInt()).isZero();
    assertThat(node.has("vmHwmKb")).isFalse();
    assertThat(node.has("cpuMs")).isFalse();
  }
}
