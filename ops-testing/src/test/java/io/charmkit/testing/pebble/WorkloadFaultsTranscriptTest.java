package io.charmkit.testing.pebble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated Pebble answers a workload that cannot run as the real Pebble v1.14.1 does
 * (PEBBLE.md, "Workload faults"): a missing program by absolute path or on {@code PATH}, a failing
 * start that holds the rest of a replan, a program that exits at once, a check that is down. Times
 * are the only bytes that differ from the recording, so they are masked before comparing.
 */
class WorkloadFaultsTranscriptTest {
  Path dir;
  PebbleServer server;
  Path socket;

  @BeforeEach
  void start() throws IOException {
    dir = Files.createTempDirectory("pbf");
    server = PebbleServer.start(dir.resolve("pebble.socket"), dir.resolve("root"));
    socket = server.socketPath();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Replaces RFC 3339 times (log prefixes, spawn and ready times) as PEBBLE.md writes them. */
  private static String masked(String body) {
    return body.replaceAll("\"(spawn-time|ready-time)\":\"[^\"]*\"", "\"$1\":\"…\"")
        .replaceAll("\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ", "\"<time> ");
  }

  private void addLayer(String yaml) throws IOException {
    String body =
        "{\"action\":\"add\",\"combine\":true,\"label\":\"fault\",\"format\":\"yaml\",\"layer\":"
            + Envelope.JSON.writeValueAsString(yaml)
            + "}";
    assertThat(RawHttp.postJson(socket, "/v1/layers", body).statusLine())
        .isEqualTo("HTTP/1.1 200 OK");
  }

  @Test
  void aMissingExecutableByAbsolutePathFailsTheStartAndLeavesTheServiceInactive()
      throws IOException {
    addLayer(
        "services:\n  missing:\n    override: replace\n"
            + "    command: /usr/bin/no-such-binary --flag\n");

    RawHttp.Response start =
        RawHttp.postJson(
            socket, "/v1/services", "{\"action\":\"start\",\"services\":[\"missing\"]}");
    assertThat(start.statusLine()).isEqualTo("HTTP/1.1 202 Accepted");

    assertThat(masked(RawHttp.get(socket, "/v1/changes/1/wait?timeout=10s").text()))
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":{\"id\":\"1\","
                + "\"kind\":\"start\",\"summary\":\"Start service \\\"missing\\\"\","
                + "\"status\":\"Error\",\"tasks\":[{\"id\":\"1\",\"kind\":\"start\","
                + "\"summary\":\"Start service \\\"missing\\\"\",\"status\":\"Error\","
                + "\"log\":[\"<time> ERROR cannot start service: fork/exec"
                + " /usr/bin/no-such-binary: no such file or directory\"],"
                + "\"progress\":{\"label\":\"\",\"done\":1,\"total\":1},"
                + "\"spawn-time\":\"…\",\"ready-time\":\"…\"}],\"ready\":true,"
                + "\"err\":\"cannot perform the following tasks:\\n- Start service"
                + " \\\"missing\\\" (cannot start service: fork/exec /usr/bin/no-such-binary:"
                + " no such file or directory)\",\"spawn-time\":\"…\",\"ready-time\":\"…\"}}");
    assertThat(RawHttp.get(socket, "/v1/services?names=missing").text())
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":"
                + "[{\"name\":\"missing\",\"startup\":\"disabled\",\"current\":\"inactive\"}]}");
  }

  @Test
  void aProgramMissingFromPathFailsTheReplanAndHoldsTheOtherServices() throws IOException {
    server.image(ContainerImage.of("/bin/sleep"));
    addLayer(
        "services:\n"
            + "  nginx:\n    override: replace\n    command: nginx -g \"daemon off;\"\n"
            + "    startup: enabled\n"
            + "  sleeper:\n    override: replace\n    command: /bin/sleep 300\n"
            + "    startup: enabled\n");

    RawHttp.Response replan =
        RawHttp.postJson(socket, "/v1/services", "{\"action\":\"replan\",\"services\":[]}");
    assertThat(replan.text()).contains("\"change\":\"1\"");

    String done = masked(RawHttp.get(socket, "/v1/changes/1/wait?timeout=10s").text());
    assertThat(done)
        .startsWith(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":{\"id\":\"1\","
                + "\"kind\":\"replan\",\"summary\":\"Replan service \\\"nginx\\\" and 1 more\","
                + "\"status\":\"Error\",\"tasks\":[{\"id\":\"1\",\"kind\":\"start\","
                + "\"summary\":\"Start service \\\"nginx\\\"\",\"status\":\"Error\","
                + "\"log\":[\"<time> ERROR cannot start service: exec: \\\"nginx\\\":"
                + " executable file not found in $PATH\"],")
        .contains(
            "{\"id\":\"2\",\"kind\":\"start\",\"summary\":\"Start service \\\"sleeper\\\"\","
                + "\"status\":\"Hold\",")
        .contains(
            "\"ready\":true,\"err\":\"cannot perform the following tasks:\\n- Start service"
                + " \\\"nginx\\\" (cannot start service: exec: \\\"nginx\\\": executable file"
                + " not found in $PATH)\"");
    assertThat(RawHttp.get(socket, "/v1/services").text())
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":["
                + "{\"name\":\"nginx\",\"startup\":\"enabled\",\"current\":\"inactive\"},"
                + "{\"name\":\"sleeper\",\"startup\":\"enabled\",\"current\":\"inactive\"}]}");
  }

  @Test
  void aProgramThatExitsAtOnceFailsWithItsOutputInTheTaskLog() throws IOException {
    server.image(ContainerImage.empty().withExitingExecutable("/bin/sh", 3, "bye\n"));
    addLayer(
        "services:\n  quick:\n    override: replace\n"
            + "    command: /bin/sh -c \"echo bye; exit 3\"\n");

    RawHttp.postJson(socket, "/v1/services", "{\"action\":\"start\",\"services\":[\"quick\"]}");

    assertThat(masked(RawHttp.get(socket, "/v1/changes/1/wait?timeout=10s").text()))
        .contains(
            "\"status\":\"Error\",\"log\":[\"<time> INFO Most recent service output:\\n    bye\","
                + "\"<time> ERROR cannot start service: exited quickly with code 3\"]")
        .contains(
            "\"err\":\"cannot perform the following tasks:\\n- Start service \\\"quick\\\""
                + " (cannot start service: exited quickly with code 3)\"");
    assertThat(server.engine().serviceStatuses()).containsEntry("quick", "inactive");
  }

  @Test
  void aCheckThatIsDownReportsItsFailuresThresholdAndChange() throws IOException {
    addLayer(
        "checks:\n  down:\n    override: replace\n    level: ready\n    period: 1s\n"
            + "    threshold: 2\n    http:\n      url: http://127.0.0.1:1/ready\n");
    server.engine().checkStatus("down", "down", 6);

    assertThat(RawHttp.get(socket, "/v1/checks").text())
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":[{\"name\":"
                + "\"down\",\"level\":\"ready\",\"status\":\"down\",\"failures\":6,"
                + "\"threshold\":2,\"change-id\":\"1\"}]}");
  }

  @Test
  void fixingTheImageLetsTheNextStartSucceed() throws IOException {
    addLayer("services:\n  tempo:\n    override: replace\n    command: /bin/tempo -x\n");
    RawHttp.postJson(socket, "/v1/services", "{\"action\":\"start\",\"services\":[\"tempo\"]}");
    assertThat(RawHttp.get(socket, "/v1/changes/1").text()).contains("\"status\":\"Error\"");

    server.image(ContainerImage.of("/bin/tempo"));
    RawHttp.postJson(socket, "/v1/services", "{\"action\":\"start\",\"services\":[\"tempo\"]}");

    assertThat(RawHttp.get(socket, "/v1/changes/2").text()).contains("\"status\":\"Done\"");
    assertThat(server.engine().serviceStatuses()).containsEntry("tempo", "active");
  }
}
