package io.charmkit.testing.juju;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.hooktools.ToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bash hook-tool shim and the loopback tool server, end to end, byte for byte. */
class ToolShimTest {
  private static final Set<String> TOOLS = HookToolSet.all().names();

  @TempDir Path dir;

  private final List<ToolRequest> received = new CopyOnWriteArrayList<>();
  private volatile ToolResult answer = ToolResult.ok("");
  private ToolServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        ToolServer.start(
            request -> {
              received.add(request);
              return answer;
            });
    ToolShim.install(dir, server.port(), TOOLS);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private record Result(int exit, String stdout, String stderr) {}

  private Result run(String stdin, String tool, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(dir.resolve(tool).toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("JUJU_CONTEXT_ID", "ctx-1");
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void everyToolOfJujuMd71IsInstalledAndExecutable() {
    assertThat(TOOLS)
        .contains(
            "relation-get", "secret-add", "state-set", "leader-get", "leader-set", "juju-log");
    for (String tool : TOOLS) {
      assertThat(dir.resolve(tool)).isExecutable();
    }
  }

  @Test
  void forwardsArgvAndContextVerbatim() throws Exception {
    run("", "juju-log", "--log-level", "INFO", "--", "two\nlines", "", "ünï<code>", " spaced ");

    assertThat(received)
        .containsExactly(
            new ToolRequest(
                "ctx-1",
                "juju-log",
                List.of("--log-level", "INFO", "--", "two\nlines", "", "ünï<code>", " spaced "),
                ""));
  }

  @Test
  void forwardsStdinOnlyForFileDash() throws Exception {
    String yaml = "a: \"1\"\nb: ünï\n\n";
    run(yaml, "relation-set", "-r", "db:1", "--file", "-");
    run("ignored", "relation-set", "-r", "db:1", "k=v");
    run(yaml, "state-set", "--file=-");

    assertThat(received).extracting(ToolRequest::stdin).containsExactly(yaml, "", yaml);
  }

  @Test
  void printsTheAnswerAndExitsWithItsCode() throws Exception {
    answer = new ToolResult(0, "{\"a\":\"ü\"}\n\n", "");
    assertThat(run("", "relation-get", "-")).isEqualTo(new Result(0, "{\"a\":\"ü\"}\n\n", ""));

    answer = new ToolResult(1, "partial", "ERROR permission denied\nsecond line\n");
    assertThat(run("", "relation-set", "--app"))
        .isEqualTo(new Result(1, "partial", "ERROR permission denied\nsecond line\n"));

    answer = new ToolResult(2, "", "ERROR flag provided but not defined: -x\n");
    assertThat(run("", "is-leader", "-x").exit()).isEqualTo(2);
  }

  @Test
  void failsClearlyWhenTheModelIsGone() throws Exception {
    server.close();

    Result r = run("", "is-leader");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stderr()).contains("ERROR cannot reach the embedded Juju on 127.0.0.1:");
  }

  @Test
  void theServerRejectsMalformedRequests() throws IOException {
    var in =
        new java.io.ByteArrayInputStream("ctx\0tool\0many\0".getBytes(StandardCharsets.US_ASCII));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ToolServer.readRequest(in))
        .isInstanceOf(IOException.class)
        .hasMessage("argument count is not a number: 'many'");
  }
}
