package io.charmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.charmkit.ops.pebble.Change;
import io.charmkit.ops.pebble.ChangeErrorException;
import io.charmkit.ops.pebble.ChangeSelect;
import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.CheckInfo;
import io.charmkit.ops.pebble.ExecException;
import io.charmkit.ops.pebble.ExecOutput;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.FileInfo;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PathNotFoundException;
import io.charmkit.ops.pebble.PebbleApiException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.ops.pebble.Service;
import io.charmkit.ops.pebble.ServiceInfo;
import io.charmkit.ops.pebble.Task;
import io.charmkit.testing.pebble.ContainerImage;
import io.charmkit.testing.pebble.ExecHandler;
import io.charmkit.testing.pebble.PebbleServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same Pebble cases against both front ends of the one simulated Pebble: the in-memory client
 * state-transition tests get through {@link Context}, and the production client ({@code
 * HttpPebbleClient}) over the unix-socket {@link PebbleServer} the embedded Juju serves. Each front
 * end is set up the same way (an image, scripted commands, a check down); each case asserts what
 * the charm sees, so the two cannot drift apart.
 */
class PebbleContractTest {
  private static final ContainerImage IMAGE =
      ContainerImage.of("/bin/app", "/usr/bin/sleep")
          .withExitingExecutable("/bin/crash", 2, "config error: bad port");

  private final List<AutoCloseable> open = new ArrayList<>();
  private Path dir;

  /** How a test builds a client of one container: its image, one scripted command, a check. */
  enum FrontEnd {
    IN_MEMORY {
      @Override
      PebbleClient client(Path dir, List<AutoCloseable> open) {
        Container container =
            Container.connected("workload")
                .withImage(IMAGE)
                .withExec(ExecResult.ok(List.of("app", "--version"), "app 1.2.3\n"))
                .withExec(ExecResult.failed(List.of("app", "check"), 4, "not ready\n"))
                .withCheckStatus("ready", "down");
        return new MemoryPebble(container, dir.resolve("root")).client();
      }
    },
    UNIX_SOCKET {
      @Override
      PebbleClient client(Path dir, List<AutoCloseable> open) {
        PebbleServer server =
            PebbleServer.start(dir.resolve("workload/pebble.socket"), dir.resolve("root"));
        open.add(server);
        server.image(IMAGE);
        server.onExec(List.of("app", "--version"), ExecHandler.ok("app 1.2.3\n"));
        server.onExec(List.of("app", "check"), ExecHandler.output(4, "", "not ready\n"));
        server.engine().checkStatus("ready", "down", 3);
        PebbleClient client = PebbleClient.forSocket("workload", server.socketPath());
        open.add(client);
        return client;
      }
    };

    abstract PebbleClient client(Path dir, List<AutoCloseable> open);
  }

  private PebbleClient client(FrontEnd front) throws IOException {
    dir = Files.createTempDirectory("pbc");
    return front.client(dir, open);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable each : open) {
      each.close();
    }
    if (dir != null) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Layer layer(String service, String command) {
    return Layer.of(
        "test", Map.of(service, Service.builder(command).override("replace").enabled().build()));
  }

  private static String current(PebbleClient pebble, String service) {
    return pebble.services(List.of(service)).stream()
        .map(ServiceInfo::current)
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void pathsThatNeedUrlEncodingSurviveTheClientsQueryStrings(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);
    String path = "/srv/a b+c/é&x=1.txt";

    pebble.push(path, "odd\n", PushOptions.defaults().withMakeDirs());

    assertThat(pebble.pullText(path)).isEqualTo("odd\n");
    assertThat(pebble.listFiles("/srv/a b+c", "*.txt", false))
        .extracting(FileInfo::path)
        .containsExactly(path);
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void systemInfoIsPebble1141(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);

    assertThat(pebble.canConnect()).isTrue();
    assertThat(pebble.systemInfo().version()).isEqualTo("v1.14.1");
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void layersCombineIntoThePlanAndALabelIsAddedOnlyOnce(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);
    pebble.addLayer("base", layer("app", "/bin/app --a"), false);
    pebble.addLayer(
        "base",
        Layer.of(
            null,
            Map.of("app", Service.builder("/bin/app --b").override("merge").env("X", "1").build())),
        true);

    Service app = pebble.plan().services().get("app");
    assertThat(app.command()).isEqualTo("/bin/app --b");
    assertThat(app.environment()).containsEntry("X", "1");
    assertThatThrownBy(() -> pebble.addLayer("base", layer("app", "/bin/app"), false))
        .isInstanceOfSatisfying(
            PebbleApiException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.apiMessage()).isEqualTo("layer \"base\" already exists");
            });
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void aServiceTheImageProvidesStartsStopsAndRestarts(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);
    pebble.addLayer("base", layer("app", "/bin/app --serve"), false);

    assertThat(pebble.start(List.of("app")).status()).isEqualTo("Done");
    assertThat(current(pebble, "app")).isEqualTo("active");
    assertThat(pebble.restart(List.of("app")).tasks())
        .extracting(Task::kind)
        .containsExactly("stop", "start");
    pebble.stop(List.of("app"));
    assertThat(current(pebble, "app")).isEqualTo("inactive");
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void aMissingAbsoluteProgramFailsTheStartWithPebblesChangeError(FrontEnd front)
      throws IOException {
    PebbleClient pebble = client(front);
    pebble.addLayer("base", layer("tempo", "/bin/tempo -config.file=/etc/tempo.yaml"), false);

    assertThatThrownBy(() -> pebble.start(List.of("tempo")))
        .isInstanceOfSatisfying(
            ChangeErrorException.class,
            e -> {
              assertThat(e.err())
                  .isEqualTo(
                      "cannot perform the following tasks:\n- Start service \"tempo\" (cannot"
                          + " start service: fork/exec /bin/tempo: no such file or directory)");
              assertThat(e.taskErrors())
                  .singleElement()
                  .asString()
                  .endsWith(
                      " ERROR cannot start service: fork/exec /bin/tempo: no such file or"
                          + " directory");
            });
    assertThat(current(pebble, "tempo")).isEqualTo("inactive");
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void aReplanWhoseFirstStartFailsHoldsTheRest(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);
    pebble.addLayer("a", layer("nginx", "nginx -g 'daemon off;'"), false);
    pebble.addLayer("b", layer("sleeper", "sleep 300"), false);

    assertThatThrownBy(pebble::replan)
        .isInstanceOfSatisfying(
            ChangeErrorException.class,
            e -> {
              assertThat(e.summary()).isEqualTo("Replan service \"nginx\" and 1 more");
              assertThat(e.change().tasks())
                  .extracting(Task::status)
                  .containsExactly("Error", "Hold");
              assertThat(e.err())
                  .isEqualTo(
                      "cannot perform the following tasks:\n- Start service \"nginx\" (cannot"
                          + " start service: exec: \"nginx\": executable file not found in"
                          + " $PATH)");
            });
    assertThat(pebble.services(List.of()))
        .extracting(ServiceInfo::current)
        .containsExactly("inactive", "inactive");
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void aProgramThatExitsAtOnceFailsWithItsOutput(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);
    pebble.addLayer("base", layer("crash", "/bin/crash"), false);

    assertThatThrownBy(() -> pebble.start(List.of("crash")))
        .isInstanceOfSatisfying(
            ChangeErrorException.class,
            e -> {
              assertThat(e.err()).endsWith("(cannot start service: exited quickly with code 2)");
              assertThat(e.taskErrors().get(0))
                  .endsWith(" INFO Most recent service output:\n    config error: bad port");
            });
    assertThat(current(pebble, "crash")).isEqualTo("inactive");
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void anUnknownServiceIsRefusedBeforeAnyChange(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);

    assertThatThrownBy(() -> pebble.start(List.of("nope")))
        .isInstanceOfSatisfying(
            PebbleApiException.class,
            e ->
                assertThat(e.apiMessage())
                    .isEqualTo("cannot start services: service \"nope\" does not exist"));
    assertThatThrownBy(() -> pebble.change("999"))
        .isInstanceOfSatisfying(
            PebbleApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void theChangeListShowsEachStartAndStopAndSelectsByReadiness(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);
    pebble.addLayer("app", layer("app", "/bin/app"), false);
    Change start = pebble.start(List.of("app"));
    Change stop = pebble.stop(List.of("app"));

    assertThat(pebble.changes(ChangeSelect.ALL))
        .extracting(Change::id, Change::kind, Change::ready)
        .contains(tuple(start.id(), "start", true), tuple(stop.id(), "stop", true));
    assertThat(pebble.changes(ChangeSelect.READY))
        .extracting(Change::id)
        .contains(start.id(), stop.id())
        .doesNotHaveDuplicates();
    assertThat(pebble.changes(ChangeSelect.IN_PROGRESS))
        .allSatisfy(c -> assertThat(c.ready()).isFalse())
        .extracting(Change::id)
        .doesNotContain(start.id(), stop.id());
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void filesArePushedPulledListedAndRemovedWithPebblesErrors(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);

    pebble.push("/etc/app/app.yaml", "a: 1\n", PushOptions.defaults().withMakeDirs());
    assertThat(pebble.pullText("/etc/app/app.yaml")).isEqualTo("a: 1\n");
    assertThat(pebble.listFiles("/etc/app", null, false))
        .extracting(FileInfo::name, FileInfo::type, FileInfo::permissions)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("app.yaml", "file", "644"));
    assertThatThrownBy(() -> pebble.pull("/etc/app/none"))
        .isInstanceOfSatisfying(
            PathNotFoundException.class,
            e -> assertThat(e.getMessage()).contains("stat /etc/app/none: no such file"));
    assertThatThrownBy(() -> pebble.push("/nowhere/x", "x", PushOptions.defaults()))
        .isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> pebble.listFiles("/missing", null, false))
        .isInstanceOf(PathNotFoundException.class);
    pebble.makeDir("/var/lib/app", true, null);
    assertThat(pebble.listFiles("/var/lib/app", null, true))
        .singleElement()
        .extracting(FileInfo::type, FileInfo::permissions)
        .containsExactly("directory", "755");
    pebble.remove("/etc/app", true);
    assertThatThrownBy(() -> pebble.remove("/etc/app", false))
        .isInstanceOf(PathNotFoundException.class);
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void checksReportTheirStatusThresholdAndChange(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);
    pebble.addLayer(
        "checks",
        Layer.of("checks", Map.of())
            .withChecks(
                Map.of("ready", Check.tcp("ready", 8080), "alive", Check.tcp("alive", 8081))),
        false);

    // Nothing runs yet, so the tcp probe of "alive" fails; "ready" was set down by the test.
    assertThat(pebble.checks(null, List.of()))
        .extracting(CheckInfo::name, CheckInfo::status, CheckInfo::failures, CheckInfo::threshold)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alive", "down", 3, 3),
            org.assertj.core.groups.Tuple.tuple("ready", "down", 3, 3));
    pebble.addLayer("base", layer("app", "/bin/app"), false);
    pebble.replan();

    List<CheckInfo> checks = pebble.checks(null, List.of());
    assertThat(checks)
        .extracting(CheckInfo::name, CheckInfo::status, CheckInfo::failures, CheckInfo::threshold)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alive", "up", 0, 3),
            org.assertj.core.groups.Tuple.tuple("ready", "down", 3, 3));
    assertThat(checks).allSatisfy(c -> assertThat(c.changeId()).isNotNull());
    assertThat(pebble.checks("ready", List.of()))
        .extracting(CheckInfo::name)
        .containsExactly("ready");
  }

  @ParameterizedTest
  @EnumSource(FrontEnd.class)
  void onlyScriptedCommandsRunAndTheirExitCodesCount(FrontEnd front) throws IOException {
    PebbleClient pebble = client(front);

    ExecOutput version = pebble.exec(ExecRequest.of(List.of("app", "--version")));
    assertThat(version.stdoutText()).isEqualTo("app 1.2.3\n");
    assertThatThrownBy(() -> pebble.exec(ExecRequest.of(List.of("app", "check"))))
        .isInstanceOfSatisfying(
            ExecException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(4);
              assertThat(e.stderr()).isEqualTo("not ready\n");
            });
    assertThatThrownBy(() -> pebble.exec(ExecRequest.of(List.of("update-ca-certificates"))))
        .isInstanceOfSatisfying(
            PebbleApiException.class,
            e ->
                assertThat(e.apiMessage())
                    .isEqualTo("cannot find executable \"update-ca-certificates\""));
  }
}
