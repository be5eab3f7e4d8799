package io.charmkit.testing.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.pebble.ChangeErrorException;
import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.CheckInfo;
import io.charmkit.ops.pebble.FileInfo;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.LogTarget;
import io.charmkit.ops.pebble.PathErrorException;
import io.charmkit.ops.pebble.PathNotFoundException;
import io.charmkit.ops.pebble.PebbleApiException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleConnectionException;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.ops.pebble.Service;
import io.charmkit.ops.pebble.ServiceInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The production Pebble client against the test server, over a real unix socket. */
class PebbleClientTest {
  Path dir;
  PebbleServer server;
  PebbleClient client;

  @BeforeEach
  void start() throws IOException {
    dir = Files.createTempDirectory("pb");
    // The layout Juju gives a charm: <base>/<container>/pebble.socket.
    server = PebbleServer.start(dir.resolve("workload/pebble.socket"), dir.resolve("root"));
    // The image these tests' services run: sleep keeps running, false exits at once.
    server.image(ContainerImage.of("/usr/bin/sleep").withExitingExecutable("/bin/false", 1, ""));
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

  static Layer workloadLayer(String command) {
    return Layer.of(
            "workload",
            Map.of(
                "app",
                Service.builder(command).summary("the app").enabled().env("MODE", "a").build()))
        .withChecks(Map.of("ready", Check.http("ready", "http://localhost:8080/ready")));
  }

  @Nested
  class Connecting {
    @Test
    void theSocketPathDefaultsToJujusMountAndHonoursTheOverride() {
      assertThat(PebbleClient.socketPath("tempo", Map.of()))
          .isEqualTo(Path.of("/charm/containers/tempo/pebble.socket"));
      assertThat(PebbleClient.socketPath("tempo", Map.of("CHARMKIT_CONTAINERS_DIR", "/x")))
          .isEqualTo(Path.of("/x/tempo/pebble.socket"));
    }

    @Test
    void canConnectWhenPebbleAnswers() {
      assertThat(client.canConnect()).isTrue();
      assertThat(client.systemInfo().version()).isEqualTo("v1.14.1");
    }

    @Test
    void aMissingSocketMeansCannotConnectAndAClearError() {
      PebbleClient absent =
          PebbleClient.forContainer("nothing", Map.of("CHARMKIT_CONTAINERS_DIR", dir.toString()));

      assertThat(absent.canConnect()).isFalse();
      assertThatThrownBy(absent::plan)
          .isInstanceOf(PebbleConnectionException.class)
          .hasMessageContaining("container \"nothing\"")
          .hasMessageContaining(dir.resolve("nothing/pebble.socket").toString())
          .hasMessageContaining("socket file does not exist");
    }

    @Test
    void aSocketNobodyListensOnIsAConnectionError() {
      Path socket = server.socketPath();
      server.close();
      try {
        Files.createFile(socket); // a stale file where the socket was
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }

      assertThat(client.canConnect()).isFalse();
      assertThatThrownBy(() -> client.services(List.of()))
          .isInstanceOf(PebbleConnectionException.class)
          .hasMessageContaining(socket.toString())
          .hasMessageContaining("\"workload\"");
    }
  }

  @Nested
  class LayersAndPlan {
    @Test
    void anAddedLayerShowsUpInThePlanWithPebblesDefaults() {
      client.addLayer("workload", workloadLayer("sleep 1000"), true);

      Plan plan = client.plan();

      assertThat(plan.services()).containsOnlyKeys("app");
      Service app = plan.services().get("app");
      assertThat(app.command()).isEqualTo("sleep 1000");
      assertThat(app.override()).isEqualTo("replace");
      assertThat(app.environment()).containsExactly(Map.entry("MODE", "a"));
      assertThat(plan.checks().get("ready").threshold()).isEqualTo(3);
      assertThat(plan.checks().get("ready").http().url()).isEqualTo("http://localhost:8080/ready");
      assertThat(server.engine().plan()).isEqualTo(plan);
    }

    @Test
    void combiningMergesAndReplacingReplaces() {
      client.addLayer("workload", workloadLayer("sleep 1000"), true);
      Service merge = Service.builder("sleep 2000").override("merge").env("EXTRA", "b").build();

      client.addLayer("workload", Layer.of(null, Map.of("app", merge)), true);
      Service merged = client.plan().services().get("app");
      client.addLayer(
          "workload", Layer.of(null, Map.of("app", Service.builder("sleep 3000").build())), true);
      Service replaced = client.plan().services().get("app");

      assertThat(merged.command()).isEqualTo("sleep 2000");
      assertThat(merged.summary()).isEqualTo("the app");
      assertThat(merged.environment())
          .containsOnly(Map.entry("MODE", "a"), Map.entry("EXTRA", "b"));
      assertThat(replaced.command()).isEqualTo("sleep 3000");
      assertThat(replaced.summary()).isNull();
      assertThat(replaced.environment()).isEmpty();
    }

    @Test
    void numericLookingStringsSurviveTheLayerYaml() {
      Service app =
          Service.builder("run --flag")
              .env("VERSION", "1.10")
              .env("PORT", "8080")
              .env("DEBUG", "true")
              .build();

      client.addLayer("l", Layer.of(null, Map.of("app", app)), true);

      assertThat(client.plan().services().get("app").environment())
          .containsOnly(
              Map.entry("VERSION", "1.10"), Map.entry("PORT", "8080"), Map.entry("DEBUG", "true"));
    }

    @Test
    void plansCompareByValueSoAnUnchangedLayerNeedsNoReplan() {
      client.addLayer("workload", workloadLayer("sleep 1000"), true);
      Plan before = client.plan();

      client.addLayer("workload", workloadLayer("sleep 1000"), true);
      Plan same = client.plan();
      client.addLayer("workload", workloadLayer("sleep 1001"), true);

      assertThat(same).isEqualTo(before);
      assertThat(client.plan()).isNotEqualTo(before);
    }

    @Test
    void anExistingLabelWithoutCombineIsAnApiError() {
      client.addLayer("workload", workloadLayer("sleep 1000"), false);

      assertThatThrownBy(() -> client.addLayer("workload", workloadLayer("sleep 1"), false))
          .isInstanceOfSatisfying(
              PebbleApiException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.status()).isEqualTo("Bad Request");
                assertThat(e.apiMessage()).isEqualTo("layer \"workload\" already exists");
                assertThat(e.kind()).isNull();
              });
    }

    @Test
    void aServiceWithoutOverrideIsRejectedByTheServer() {
      Service noOverride = Service.builder("sleep 1").override(null).build();

      assertThatThrownBy(() -> client.addLayer("l", Layer.of(null, Map.of("s", noOverride)), true))
          .isInstanceOf(PebbleApiException.class)
          .hasMessageContaining("layer \"l\" must define \"override\" for service \"s\"");
    }
  }

  @Nested
  class Services {
    @Test
    void startWaitsForTheChangeAndTheServiceIsActive() {
      client.addLayer("workload", workloadLayer("sleep 1000"), true);

      var change = client.start(List.of("app"));

      assertThat(change.kind()).isEqualTo("start");
      assertThat(change.status()).isEqualTo("Done");
      assertThat(change.ready()).isTrue();
      ServiceInfo app = client.services(List.of("app", "unknown")).get(0);
      assertThat(app.isRunning()).isTrue();
      assertThat(app.startup()).isEqualTo("enabled");
      assertThat(client.services(List.of("unknown"))).isEmpty();
      assertThat(server.requests()).contains("GET /v1/changes/2/wait?timeout=4.000s");
    }

    @Test
    void replanRestartsAServiceWhoseLayerChanged() {
      client.addLayer("workload", workloadLayer("sleep 1000"), true);
      assertThat(client.replan().tasks()).extracting(t -> t.kind()).containsExactly("start");

      var idle = client.replan();
      client.addLayer(
          "workload",
          Layer.of(
              null,
              Map.of(
                  "app", Service.builder("sleep 1000").override("merge").env("MODE", "b").build())),
          true);
      var restart = client.replan();

      assertThat(idle.summary()).isEqualTo("Replan - no services");
      assertThat(restart.summary()).isEqualTo("Replan service \"app\"");
      assertThat(restart.tasks()).extracting(t -> t.kind()).containsExactly("stop", "start");
      assertThat(server.engine().serviceStatuses()).containsEntry("app", "active");
    }

    @Test
    void stopAndRestart() {
      client.addLayer("workload", workloadLayer("sleep 1000"), true);
      client.start(List.of("app"));

      var restart = client.restart(List.of("app"));
      client.stop(List.of("app"));

      assertThat(restart.tasks()).extracting(t -> t.kind()).containsExactly("stop", "start");
      assertThat(client.services(List.of()).get(0).current()).isEqualTo("inactive");
    }

    @Test
    void aFailedStartRaisesAChangeErrorNamingTheServiceAndPebblesReason() {
      client.addLayer("workload", workloadLayer("/bin/false"), true);

      assertThatThrownBy(() -> client.start(List.of("app")))
          .isInstanceOfSatisfying(
              ChangeErrorException.class,
              e -> {
                assertThat(e.kind()).isEqualTo("start");
                assertThat(e.summary()).isEqualTo("Start service \"app\"");
                assertThat(e.err())
                    .isEqualTo(
                        "cannot perform the following tasks:\n- Start service \"app\""
                            + " (cannot start service: exited quickly with code 1)");
                assertThat(e.taskErrors())
                    .last(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .endsWith(" ERROR cannot start service: exited quickly with code 1");
                assertThat(e.getMessage())
                    .contains("Start service \"app\"")
                    .contains("exited quickly with code 1");
              });
      // Pebble leaves a service that failed to start inactive (PEBBLE.md, "Workload faults").
      assertThat(server.engine().serviceStatuses()).containsEntry("app", "inactive");
    }

    @Test
    void aScriptedFailureFailsOnlyTheNextStart() {
      client.addLayer("workload", workloadLayer("sleep 1000"), true);
      server.engine().failNextStart("app", "cannot start service: scripted");

      assertThatThrownBy(() -> client.start(List.of("app")))
          .isInstanceOf(ChangeErrorException.class)
          .hasMessageContaining("(cannot start service: scripted)");
      assertThat(client.start(List.of("app")).status()).isEqualTo("Done");
    }

    @Test
    void startingAnUnknownServiceIsAnApiErrorWithPebblesMessage() {
      client.addLayer("workload", workloadLayer("sleep 1000"), true);

      assertThatThrownBy(() -> client.start(List.of("nope")))
          .isInstanceOf(PebbleApiException.class)
          .hasMessage(
              "Pebble API error 400 Bad Request: cannot start services: service \"nope\" does"
                  + " not exist");
    }

    @Test
    void waitingOnAChangeThatNeverFinishesGivesUpAtTheDeadline() {
      client.addLayer("workload", workloadLayer("sleep 1000"), true);
      String checkChange = client.checks(null, List.of()).get(0).changeId();

      assertThatThrownBy(() -> client.waitChange(checkChange, Duration.ofMillis(50)))
          .hasMessageContaining("waiting for change " + checkChange);
      assertThat(client.change(checkChange).ready()).isFalse();
    }

    @Test
    void anUnknownChangeIsNotFound() {
      assertThatThrownBy(() -> client.change("999"))
          .isInstanceOfSatisfying(
              PebbleApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
  }

  @Nested
  class Checks {
    @Test
    void configuredChecksReportUpAndFilterByLevelAndName() {
      client.addLayer(
          "workload",
          workloadLayer("sleep 1000")
              .withChecks(
                  Map.of(
                      "ready", Check.http("ready", "http://localhost/ready"),
                      "alive", Check.exec("alive", "true"))),
          true);
      // Before the workload runs, nothing answers the http probe.
      assertThat(client.checks("ready", List.of()))
          .singleElement()
          .satisfies(c -> assertThat(c.status()).isEqualTo("down"));
      client.replan();

      List<CheckInfo> all = client.checks(null, List.of());
      List<CheckInfo> ready = client.checks("ready", List.of());
      List<CheckInfo> byName = client.checks(null, List.of("alive"));

      assertThat(all).extracting(CheckInfo::name).containsExactly("alive", "ready");
      assertThat(all).allMatch(CheckInfo::isUp);
      assertThat(ready).extracting(CheckInfo::name).containsExactly("ready");
      assertThat(byName).singleElement().satisfies(c -> assertThat(c.threshold()).isEqualTo(3));
    }
  }

  @Nested
  class Files_ {
    @Test
    void pushThenPullRoundTripsText() {
      client.push("/etc/app/app.conf", "key: value\n", PushOptions.defaults().withMakeDirs());

      assertThat(client.pullText("/etc/app/app.conf")).isEqualTo("key: value\n");
      assertThat(server.rootDir().resolve("etc/app/app.conf")).hasContent("key: value\n");
    }

    @Test
    void pushRoundTripsEveryByteValueIncludingBoundaryLookalikes() {
      byte[] content = new byte[1024];
      for (int i = 0; i < content.length; i++) {
        content[i] = (byte) i;
      }
      byte[] tricky = "\r\n--\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] both = new byte[content.length + tricky.length];
      System.arraycopy(tricky, 0, both, 0, tricky.length);
      System.arraycopy(content, 0, both, tricky.length, content.length);

      client.push("/bin.dat", both, PushOptions.defaults());

      assertThat(client.pull("/bin.dat")).isEqualTo(both);
    }

    @Test
    void pushSendsTheMultipartLayoutPebbleRequires() throws Exception {
      // A fake Pebble that records the request as it arrived, to see the client's exact bytes.
      Path socket = dir.resolve("rec.sock");
      var recorded = new java.util.concurrent.CompletableFuture<HttpRequest>();
      org.eclipse.jetty.server.Server fake = new org.eclipse.jetty.server.Server();
      var connector = new org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector(fake);
      connector.setUnixDomainPath(socket);
      fake.addConnector(connector);
      fake.setHandler(
          new org.eclipse.jetty.server.Handler.Abstract() {
            @Override
            public boolean handle(
                org.eclipse.jetty.server.Request req,
                org.eclipse.jetty.server.Response response,
                org.eclipse.jetty.util.Callback callback)
                throws IOException {
              recorded.complete(HttpRequest.of(req));
              response.getHeaders().put("Content-Type", "application/json");
              response.write(
                  true,
                  java.nio.ByteBuffer.wrap(
                      ("{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\","
                              + "\"result\":[{\"path\":\"/etc/app.conf\"}]}")
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                  callback);
              return true;
            }
          });
      fake.start();
      try {
        try (PebbleClient recordingClient = PebbleClient.forSocket("rec", socket)) {
          recordingClient.push(
              "/etc/app.conf",
              "a=1\n",
              PushOptions.defaults().withMakeDirs().withPermissions("644"));
        }
        HttpRequest request = recorded.get(10, java.util.concurrent.TimeUnit.SECONDS);

        String contentType = request.header("content-type");
        assertThat(contentType).matches("multipart/form-data; boundary=[0-9a-f]{32}");
        String b = contentType.substring(contentType.indexOf('=') + 1);
        assertThat(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo(
                "--"
                    + b
                    + "\r\n"
                    + "Content-Disposition: form-data; name=\"request\"\r\n"
                    + "Content-Type: application/json\r\n\r\n"
                    + "{\"action\":\"write\",\"files\":[{\"path\":\"/etc/app.conf\","
                    + "\"make-dirs\":true,\"permissions\":\"644\"}]}\r\n"
                    + "--"
                    + b
                    + "\r\n"
                    + "Content-Disposition: form-data; name=\"files\"; filename=\"/etc/app.conf\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n"
                    + "a=1\n\r\n"
                    + "--"
                    + b
                    + "--\r\n");
        assertThat(request.header("accept")).isEqualTo("application/json");
      } finally {
        fake.stop();
      }
    }

    @Test
    void everyPushUsesAFreshBoundary() {
      // Two pushes of the same content both succeed against a server that enforces the
      // 32-character minimum; the recorded-bytes test above pins the exact format.
      client.push("/a.txt", "same", PushOptions.defaults());
      client.push("/b.txt", "same", PushOptions.defaults());

      assertThat(server.requests()).containsExactly("POST /v1/files", "POST /v1/files");
    }

    @Test
    void pushAppliesPermissions() throws IOException {
      client.push("/secret.key", "k", PushOptions.defaults().withPermissions("600"));

      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(server.rootDir().resolve("secret.key"))))
          .isEqualTo("rw-------");
      assertThat(client.listFiles("/secret.key", null, false))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.permissions()).isEqualTo("600");
                assertThat(f.size()).isEqualTo(1L);
                assertThat(f.type()).isEqualTo("file");
              });
    }

    @Test
    void aFourDigitModeKeepsOnlyThePermissionBitsAsGoDoes() throws IOException {
      client.makeDir("/shared", false, "1777");

      Path dir = server.rootDir().resolve("shared");
      assertThat((int) Files.getAttribute(dir, "unix:mode") & 07777).isEqualTo(0777);
    }

    @Test
    void pushWithoutMakeDirsIntoAMissingDirectoryIsNotFound() {
      assertThatThrownBy(() -> client.push("/no/dir/f", "x", PushOptions.defaults()))
          .isInstanceOfSatisfying(
              PathNotFoundException.class,
              e -> {
                assertThat(e.path()).isEqualTo("/no/dir/f");
                assertThat(e.apiMessage()).isEqualTo("open /no/dir/f: no such file or directory");
              });
    }

    @Test
    void pullOfAMissingFileIsPathNotFound() {
      assertThatThrownBy(() -> client.pull("/var/lib/nope.txt"))
          .isInstanceOf(PathNotFoundException.class)
          .hasMessageContaining("/var/lib/nope.txt")
          .hasMessageContaining("no such file or directory");
    }

    @Test
    void listFiltersByPatternAndCanDescribeTheDirectoryItself() {
      client.push("/data/sub/hello.txt", "hello pebble\n", PushOptions.defaults().withMakeDirs());
      client.push("/data/other.txt", "x", PushOptions.defaults());

      List<FileInfo> all = client.listFiles("/data", null, false);
      List<FileInfo> matching = client.listFiles("/data", "s*", false);
      List<FileInfo> itself = client.listFiles("/data", null, true);

      assertThat(all).extracting(FileInfo::name).containsExactly("other.txt", "sub");
      assertThat(matching)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.path()).isEqualTo("/data/sub");
                assertThat(f.isDirectory()).isTrue();
                assertThat(f.size()).isNull();
              });
      assertThat(itself).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("/data"));
      assertThatThrownBy(() -> client.listFiles("/data/missing", null, false))
          .isInstanceOf(PathNotFoundException.class)
          .hasMessageContaining("stat /data/missing: no such file or directory");
    }

    @Test
    void makeDirCreatesParentsOnlyWhenAsked() {
      client.makeDir("/var/lib/app/a/b", true, "750");

      assertThat(server.rootDir().resolve("var/lib/app/a/b")).isDirectory();
      assertThat(client.listFiles("/var/lib/app/a/b", null, true).get(0).permissions())
          .isEqualTo("750");
      assertThatThrownBy(() -> client.makeDir("/x/y", false, null))
          .isInstanceOf(PathNotFoundException.class)
          .hasMessageContaining("mkdir /x/y.mkdir-new: no such file or directory");
      assertThatThrownBy(() -> client.makeDir("/var/lib/app", false, null))
          .isInstanceOf(PathErrorException.class)
          .isNotInstanceOf(PathNotFoundException.class)
          .hasMessageContaining("file exists");
    }

    @Test
    void removeDeletesFilesAndTreesAndReportsMissingPaths() {
      client.push("/d/a/f.txt", "x", PushOptions.defaults().withMakeDirs());

      assertThatThrownBy(() -> client.remove("/d", false))
          .isInstanceOf(PathErrorException.class)
          .hasMessageContaining("directory not empty");
      client.remove("/d/a/f.txt", false);
      client.remove("/d", true);

      assertThat(server.rootDir().resolve("d")).doesNotExist();
      assertThatThrownBy(() -> client.remove("/d", false))
          .isInstanceOf(PathNotFoundException.class)
          .hasMessageContaining("remove /d: no such file or directory");
    }

    @Test
    void pathsCannotEscapeTheContainerRoot() throws IOException {
      Files.createSymbolicLink(server.rootDir().resolve("out"), dir);
      Files.writeString(dir.resolve("host.txt"), "host");

      assertThatThrownBy(() -> client.pull("/out/host.txt"))
          .isInstanceOfSatisfying(
              PathErrorException.class, e -> assertThat(e.kind()).isEqualTo("permission-denied"));
      client.push("/../../escape.txt", "x", PushOptions.defaults());
      assertThat(server.rootDir().resolve("escape.txt")).exists();
      assertThat(dir.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void anErrorEnvelopesKindReachesTheCaller() throws IOException {
      Files.createSymbolicLink(server.rootDir().resolve("out"), dir);

      assertThatThrownBy(() -> client.listFiles("/out", null, false))
          .isInstanceOfSatisfying(
              PebbleApiException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.kind()).isEqualTo("permission-denied");
                assertThat(e.apiMessage()).isEqualTo("path \"/out\" is outside the container root");
              });
    }

    @Test
    void relativePathsAreRejectedBeforeAnythingIsSent() {
      assertThatThrownBy(() -> client.pull("etc/x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be absolute");
      assertThat(server.requests()).isEmpty();
    }
  }

  /**
   * The test Pebble refuses the log targets Pebble refuses (plan.go's layer and plan validation),
   * with Pebble's words, and leaves the plan as it was.
   */
  @Nested
  class LogTargets {
    @BeforeEach
    void baseLayer() {
      client.addLayer(
          "base", Layer.of("base", Map.of("app", Service.builder("sleep 1").build())), true);
    }

    private static LogTarget target(String type, String location, List<String> services) {
      return new LogTarget("replace", type, location, services, Map.of("juju_unit", "tempo/0"));
    }

    private void assertRefused(LogTarget target, String message) {
      Layer layer = new Layer(null, null, null, null, Map.of("loki/0", target));
      assertThatThrownBy(() -> client.addLayer("workload-log-forwarding", layer, true))
          .isInstanceOfSatisfying(
              PebbleApiException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.apiMessage()).isEqualTo(message);
              });
      assertThat(client.plan().logTargets()).isEmpty();
    }

    @Test
    void aLokiTargetForAllServicesIsAccepted() {
      LogTarget target = target("loki", "http://loki:3100/loki/api/v1/push", List.of("all"));
      client.addLayer(
          "workload-log-forwarding",
          new Layer(null, null, null, null, Map.of("loki/0", target)),
          true);

      assertThat(client.plan().logTargets()).containsEntry("loki/0", target);
    }

    @Test
    void aNamedServiceOfThePlanAndItsRemovalAreAccepted() {
      LogTarget target = target("loki", "http://loki/push", List.of("app", "-app"));
      client.addLayer(
          "workload-log-forwarding",
          new Layer(null, null, null, null, Map.of("loki/0", target)),
          true);

      assertThat(client.plan().logTargets().get("loki/0").services())
          .containsExactly("app", "-app");
    }

    @Test
    void aTargetWithoutLocationIsRefused() {
      assertRefused(
          target("loki", null, List.of("all")),
          "plan must define \"location\" for log target \"loki/0\"");
    }

    @Test
    void aTargetWithoutTypeIsRefused() {
      assertRefused(
          target(null, "http://loki/push", List.of("all")),
          "plan must define \"type\" (\"loki\" or \"opentelemetry\") for log target \"loki/0\"");
    }

    @Test
    void anUnknownTypeIsRefused() {
      assertRefused(
          target("syslog-ng", "http://loki/push", List.of("all")),
          "log target \"loki/0\" has unsupported type \"syslog-ng\", must be \"loki\" or"
              + " \"opentelemetry\"");
    }

    @Test
    void aServiceThePlanDoesNotHaveIsRefused() {
      assertRefused(
          target("loki", "http://loki/push", List.of("-nginx")),
          "log target \"loki/0\" specifies unknown service \"nginx\"");
    }

    @Test
    void aLabelInPebblesReservedNamespaceIsRefused() {
      LogTarget target =
          new LogTarget(
              "replace", "loki", "http://loki/push", List.of("all"), Map.of("pebble_service", "x"));
      assertRefused(
          target,
          "log target \"loki/0\": label \"pebble_service\" uses reserved prefix \"pebble_\"");
    }
  }
}
