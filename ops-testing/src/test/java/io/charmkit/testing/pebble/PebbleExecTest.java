package io.charmkit.testing.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.ops.pebble.ExecException;
import io.charmkit.ops.pebble.ExecOutput;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.ExecTimeoutException;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PebbleApiException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exec end to end: the production client's HTTP request and WebSockets against the test server's
 * scripted commands, over a real unix socket.
 */
class PebbleExecTest {
  Path dir;
  PebbleServer server;
  PebbleClient client;

  @BeforeEach
  void start() throws IOException {
    dir = Files.createTempDirectory("pbx");
    server = PebbleServer.start(dir.resolve("workload/pebble.socket"), dir.resolve("root"));
    client =
        PebbleClient.forContainer("workload", Map.of("CHARMKIT_CONTAINERS_DIR", dir.toString()));
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void stdoutAndStderrArriveSeparately() {
    server.onExec(
        List.of("tempo", "-version"), ExecHandler.output(0, "tempo, version 2.7\n", "warn\n"));

    ExecOutput out = client.exec(ExecRequest.of("tempo", "-version"));

    assertThat(out.exitCode()).isZero();
    assertThat(out.stdoutText()).isEqualTo("tempo, version 2.7\n");
    assertThat(out.stderrText()).isEqualTo("warn\n");
    assertThat(out.command()).containsExactly("tempo", "-version");
  }

  @Test
  void theLongestMatchingPrefixAnswers() {
    server.onExec(List.of("tool"), ExecHandler.ok("generic"));
    server.onExec(List.of("tool", "status"), ExecHandler.ok("specific"));

    assertThat(client.exec(ExecRequest.of("tool", "status", "--all")).stdoutText())
        .isEqualTo("specific");
    assertThat(client.exec(ExecRequest.of("tool", "other")).stdoutText()).isEqualTo("generic");
  }

  @Test
  void stdinReachesTheCommandAndIsRecorded() {
    server.onExec(
        List.of("cat"),
        call -> {
          call.stdout().write(call.stdin().readAllBytes());
          return 0;
        });

    ExecOutput out = client.exec(ExecRequest.of("cat").withStdin("hello\nworld\n"));

    assertThat(out.stdoutText()).isEqualTo("hello\nworld\n");
    assertThat(server.engine().execs())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.command()).containsExactly("cat");
              assertThat(r.stdinText()).isEqualTo("hello\nworld\n");
            });
  }

  @Test
  void largeStdinAndOutputInBothDirectionsAtOnceDoNotDeadlock() {
    // Several MiB each way, more than any socket buffer: the command echoes stdin to stdout and
    // writes as much to stderr while the client is still sending.
    byte[] input = new byte[3 * 1024 * 1024 + 17];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) (i * 31 + (i >> 11));
    }
    server.onExec(
        List.of("echo-both"),
        call -> {
          byte[] chunk = new byte[8192];
          InputStream in = call.stdin();
          int n;
          while ((n = in.read(chunk)) > 0) {
            call.stdout().write(chunk, 0, n);
            for (int i = 0; i < n; i++) {
              chunk[i] = (byte) ~chunk[i];
            }
            call.stderr().write(chunk, 0, n);
          }
          return 0;
        });

    ExecOutput out = client.exec(ExecRequest.of("echo-both").withStdin(input));

    assertThat(out.stdout()).isEqualTo(input);
    byte[] inverted = input.clone();
    for (int i = 0; i < inverted.length; i++) {
      inverted[i] = (byte) ~inverted[i];
    }
    assertThat(Arrays.equals(out.stderr(), inverted)).isTrue();
  }

  @Test
  void aNonZeroExitThrowsWithBothStreams() {
    server.onExec(List.of("false-ish"), ExecHandler.output(3, "partial\n", "it broke\n"));

    ExecException e =
        catchThrowableOfType(
            ExecException.class, () -> client.exec(ExecRequest.of("false-ish", "--now")));

    assertThat(e.exitCode()).isEqualTo(3);
    assertThat(e.command()).containsExactly("false-ish", "--now");
    assertThat(e.stdout()).isEqualTo("partial\n");
    assertThat(e.stderr()).isEqualTo("it broke\n");
    assertThat(e)
        .hasMessage(
            "non-zero exit code 3 executing [false-ish, --now], stdout=\"partial\\n\","
                + " stderr=\"it broke\\n\"");
  }

  @Test
  void aMissingExecutableIsRefusedAsPebbleRefusesIt() {
    assertThatThrownBy(() -> client.exec(ExecRequest.of("temporal-sql-tool", "setup")))
        .isInstanceOfSatisfying(
            PebbleApiException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.apiMessage()).isEqualTo("cannot find executable \"temporal-sql-tool\"");
            });
    assertThat(server.engine().execs()).isEmpty();
  }

  @Test
  void aProgramTheImageProvidesRunsWithoutAScriptAndOneOnPathIsFoundByName() {
    server.image(
        ContainerImage.empty()
            .withExitingExecutable("/usr/sbin/update-ca-certificates", 0, "1 added\n")
            .withExitingExecutable("/usr/bin/broken", 2, "bad flag\n"));

    ExecOutput ok = client.exec(ExecRequest.of("update-ca-certificates", "--fresh"));
    ExecException failed =
        catchThrowableOfType(
            ExecException.class, () -> client.exec(ExecRequest.of("/usr/bin/broken")));

    assertThat(ok.stdoutText()).isEqualTo("1 added\n");
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.stdout()).isEqualTo("bad flag\n");
    assertThatThrownBy(() -> client.exec(ExecRequest.of("/usr/bin/elsewhere")))
        .hasMessageContaining("cannot find executable \"/usr/bin/elsewhere\"");
  }

  @Test
  void aMissingWorkingDirectoryIsRefused() {
    server.onExec(List.of("ls"), ExecHandler.ok(""));

    assertThatThrownBy(() -> client.exec(ExecRequest.of("ls").withWorkingDir("/nope")))
        .isInstanceOf(PebbleApiException.class)
        .hasMessageContaining("cannot find working directory \"/nope\"");
  }

  @Test
  void environmentAndWorkingDirReachTheCommand() throws IOException {
    Files.createDirectories(server.rootDir().resolve("var/lib/app"));
    server.onExec(
        List.of("env"),
        call -> {
          String text =
              call.environment().get("DB_HOST")
                  + " "
                  + call.environment().get("LANG")
                  + " "
                  + call.workingDir();
          call.stdout().write(text.getBytes(StandardCharsets.UTF_8));
          return 0;
        });

    ExecOutput out =
        client.exec(
            ExecRequest.of("env")
                .withEnvironment(Map.of("DB_HOST", "db:5432"))
                .withWorkingDir("/var/lib/app"));

    assertThat(out.stdoutText()).isEqualTo("db:5432 C.UTF-8 /var/lib/app");
    ExecRequest recorded = server.engine().execs().get(0);
    assertThat(recorded.environment()).containsExactly(Map.entry("DB_HOST", "db:5432"));
    assertThat(recorded.workingDir()).isEqualTo("/var/lib/app");
  }

  @Test
  void theServiceContextProvidesDefaultsTheRequestOverrides() {
    client.addLayer(
        "base",
        Layer.of(
            "base",
            Map.of(
                "app",
                Service.builder("/bin/app").env("A", "from-service").env("B", "kept").build())),
        false);
    server.onExec(
        List.of("show"),
        call -> {
          String text = call.environment().get("A") + "," + call.environment().get("B");
          call.stdout().write(text.getBytes(StandardCharsets.UTF_8));
          return 0;
        });

    ExecOutput out =
        client.exec(
            ExecRequest.of("show").withServiceContext("app").withEnvironment(Map.of("A", "mine")));

    assertThat(out.stdoutText()).isEqualTo("mine,kept");
    assertThatThrownBy(() -> client.exec(ExecRequest.of("show").withServiceContext("nope")))
        .isInstanceOf(PebbleApiException.class)
        .hasMessageContaining("context service \"nope\" not found");
  }

  @Test
  void aTimeoutKillsTheCommandAndKeepsWhatItPrinted() {
    CountDownLatch never = new CountDownLatch(1);
    server.onExec(
        List.of("sleep"),
        call -> {
          call.stdout().write("started\n".getBytes(StandardCharsets.UTF_8));
          call.stdout().flush();
          never.await();
          return 0;
        });

    ExecTimeoutException e =
        catchThrowableOfType(
            ExecTimeoutException.class,
            () -> client.exec(ExecRequest.of("sleep", "1000").withTimeout(Duration.ofMillis(300))));

    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(e.partialOutput().stdoutText()).isEqualTo("started\n");
    assertThat(e).hasMessageContaining("timed out after 300ms: context deadline exceeded");
  }

  @Test
  void aHandlerThatThrowsFailsTheChange() {
    server.onExec(
        List.of("crash"),
        call -> {
          throw new IllegalStateException("boom");
        });

    assertThatThrownBy(() -> client.exec(ExecRequest.of("crash")))
        .isInstanceOf(io.charmkit.ops.pebble.ChangeErrorException.class)
        .hasMessageContaining("exec command \"crash\" (exec handler failed:")
        .hasMessageContaining("boom");
  }

  @Test
  void theRequestTheClientSendsIsTheOneOpsSends() {
    server.onExec(List.of("id"), ExecHandler.ok("root"));

    client.exec(
        ExecRequest.of("id")
            .withUser("app", "app")
            .withUserId(1000, 1000)
            .withTimeout(Duration.ofSeconds(10)));

    ExecRequest recorded = server.engine().execs().get(0);
    assertThat(recorded.user()).isEqualTo("app");
    assertThat(recorded.group()).isEqualTo("app");
    assertThat(recorded.userId()).isEqualTo(1000);
    assertThat(recorded.groupId()).isEqualTo(1000);
    assertThat(recorded.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(server.requests())
        .startsWith("POST /v1/exec")
        .contains(
            "GET /v1/tasks/1/websocket/control",
            "GET /v1/tasks/1/websocket/stdio",
            "GET /v1/tasks/1/websocket/stderr");
  }

  @Test
  void theConnectionIsReusableAfterAnExec() {
    server.onExec(List.of("true"), ExecHandler.ok(""));

    client.exec(ExecRequest.of("true"));
    client.exec(ExecRequest.of("true"));

    assertThat(client.canConnect()).isTrue();
    assertThat(server.engine().execs()).hasSize(2);
  }
}
