package io.charmkit.testing.pebble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test server answers as the Pebble v1.14.1 transcript (PEBBLE.md §14) shows: status lines,
 * content types and envelope bytes.
 */
class PebbleTranscriptTest {
  static final String TEST_LAYER =
      "{\"action\": \"add\", \"combine\": true, \"label\": \"test\", \"format\": \"yaml\","
          + " \"layer\": \"summary: test layer\\nservices:\\n  sleeper:\\n    override: replace\\n"
          + "    summary: sleeps\\n    command: sleep 1000\\n    startup: enabled\\n"
          + "    environment:\\n      FOO: bar\\nchecks:\\n  alive:\\n    override: replace\\n"
          + "    level: alive\\n    period: 2s\\n    exec:\\n      command: \\\"true\\\"\"}";

  Path dir;
  PebbleServer server;
  Path socket;

  @BeforeEach
  void start() throws IOException {
    dir = Files.createTempDirectory("pb");
    server = PebbleServer.start(dir.resolve("pebble.socket"), dir.resolve("root"));
    // The recording host had sleep on its PATH, as the transcript's service needs.
    server.image(ContainerImage.of("/usr/bin/sleep"));
    socket = server.socketPath();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void systemInfoIsASyncEnvelopeWithBootIdAndVersion() throws IOException {
    RawHttp.Response r = RawHttp.get(socket, "/v1/system-info");

    assertThat(r.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.text())
        .matches(
            "\\{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\","
                + "\"result\":\\{\"boot-id\":\"[0-9a-f-]{36}\",\"version\":\"v1.14.1\"}}");
  }

  @Test
  void addLayerThenPlanRendersAsPebbleDoes() throws IOException {
    RawHttp.Response add = RawHttp.postJson(socket, "/v1/layers", TEST_LAYER);
    assertThat(add.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(add.text())
        .isEqualTo("{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":true}");

    RawHttp.Response plan = RawHttp.get(socket, "/v1/plan?format=yaml");

    assertThat(plan.text())
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":\"services:\\n"
                + "    sleeper:\\n        summary: sleeps\\n        startup: enabled\\n"
                + "        override: replace\\n        command: sleep 1000\\n"
                + "        environment:\\n            FOO: bar\\nchecks:\\n    alive:\\n"
                + "        override: replace\\n        level: alive\\n        period: 2s\\n"
                + "        threshold: 3\\n        exec:\\n            command: \\\"true\\\"\\n\"}");
  }

  @Test
  void planWithoutFormatIsABadRequest() throws IOException {
    RawHttp.Response r = RawHttp.get(socket, "/v1/plan");

    assertThat(r.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(r.text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":400,\"status\":\"Bad Request\","
                + "\"result\":{\"message\":\"invalid format \\\"\\\"\"}}");
  }

  @Test
  void startIsAsyncAndTheCheckChangeComesFirst() throws IOException {
    RawHttp.postJson(socket, "/v1/layers", TEST_LAYER);
    assertThat(RawHttp.get(socket, "/v1/services").text())
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":"
                + "[{\"name\":\"sleeper\",\"startup\":\"enabled\",\"current\":\"inactive\"}]}");

    RawHttp.Response start =
        RawHttp.postJson(
            socket, "/v1/services", "{\"action\":\"start\",\"services\":[\"sleeper\"]}");

    assertThat(start.statusLine()).isEqualTo("HTTP/1.1 202 Accepted");
    assertThat(start.text())
        .isEqualTo(
            "{\"type\":\"async\",\"status-code\":202,\"status\":\"Accepted\",\"change\":\"2\","
                + "\"result\":null}");
    String done = RawHttp.get(socket, "/v1/changes/2/wait?timeout=10s").text();
    assertThat(done)
        .startsWith(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":{\"id\":\"2\","
                + "\"kind\":\"start\",\"summary\":\"Start service \\\"sleeper\\\"\","
                + "\"status\":\"Done\",\"tasks\":[{\"id\":\"2\",\"kind\":\"start\","
                + "\"summary\":\"Start service \\\"sleeper\\\"\",\"status\":\"Done\","
                + "\"progress\":{\"label\":\"\",\"done\":1,\"total\":1},\"spawn-time\":\"")
        .contains("],\"ready\":true,\"spawn-time\":\"")
        .doesNotContain("\"err\"");
    assertThat(RawHttp.get(socket, "/v1/services?names=sleeper").text())
        .contains("\"current\":\"active\",\"current-since\":\"");
    assertThat(RawHttp.get(socket, "/v1/checks?level=alive&names=alive").text())
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":"
                + "[{\"name\":\"alive\",\"level\":\"alive\",\"status\":\"up\",\"threshold\":3,"
                + "\"change-id\":\"1\"}]}");
  }

  @Test
  void waitingOnARunningCheckChangeTimesOutWith504() throws IOException {
    RawHttp.postJson(socket, "/v1/layers", TEST_LAYER);

    RawHttp.Response r = RawHttp.get(socket, "/v1/changes/1/wait?timeout=20ms");

    assertThat(r.statusLine()).isEqualTo("HTTP/1.1 504 Gateway Timeout");
    assertThat(r.text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":504,\"status\":\"Gateway Timeout\","
                + "\"result\":{\"message\":\"timed out waiting for change after 20ms\"}}");
    assertThat(RawHttp.get(socket, "/v1/changes/1").text())
        .contains("\"kind\":\"perform-check\",\"summary\":\"Perform exec check \\\"alive\\\"\"")
        .contains("\"status\":\"Doing\"")
        .contains("\"ready\":false");
  }

  @Test
  void errorsMatchTheTranscript() throws IOException {
    RawHttp.postJson(socket, "/v1/layers", TEST_LAYER);

    assertThat(
            RawHttp.postJson(
                    socket, "/v1/services", "{\"action\":\"start\",\"services\":[\"nope\"]}")
                .text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":400,\"status\":\"Bad Request\",\"result\":"
                + "{\"message\":\"cannot start services: service \\\"nope\\\" does not exist\"}}");
    assertThat(
            RawHttp.postJson(
                    socket, "/v1/services", "{\"action\":\"bogus\",\"services\":[\"sleeper\"]}")
                .text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":400,\"status\":\"Bad Request\",\"result\":"
                + "{\"message\":\"action \\\"bogus\\\" is unsupported\"}}");
    assertThat(
            RawHttp.postJson(socket, "/v1/services", "{\"action\":\"start\",\"services\":[]}")
                .text())
        .contains("\"message\":\"no services to start provided\"");
    RawHttp.Response noChange = RawHttp.get(socket, "/v1/changes/999/wait");
    assertThat(noChange.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(noChange.text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":404,\"status\":\"Not Found\",\"result\":"
                + "{\"message\":\"cannot find change with id \\\"999\\\"\"}}");
    assertThat(
            RawHttp.postJson(
                    socket,
                    "/v1/layers",
                    "{\"action\":\"add\",\"combine\":false,\"label\":\"test\",\"format\":\"yaml\","
                        + "\"layer\":\"services: {}\"}")
                .text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":400,\"status\":\"Bad Request\",\"result\":"
                + "{\"message\":\"layer \\\"test\\\" already exists\"}}");
    RawHttp.Response unknown = RawHttp.get(socket, "/v1/nonexistent");
    assertThat(unknown.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(unknown.text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":404,\"status\":\"Not Found\",\"result\":"
                + "{\"message\":\"invalid API endpoint requested\"}}");
  }

  @Test
  void pushWithTheTranscriptBodyWritesTheFile() throws IOException {
    String boundary = "0123456789abcdef0123456789abcdef01234567";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
            + "Content-Type: application/json\r\n\r\n"
            + "{\"action\":\"write\",\"files\":[{\"path\":\"/var/lib/demo-app-data/sub/hello.txt\","
            + "\"make-dirs\":true,\"permissions\":\"600\"}]}\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"files\";"
            + " filename=\"/var/lib/demo-app-data/sub/hello.txt\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\nhello pebble\n\r\n--"
            + boundary
            + "--\r\n";

    RawHttp.Response r =
        RawHttp.send(
            socket,
            "POST",
            "/v1/files",
            Map.of("Content-Type", "multipart/form-data; boundary=" + boundary),
            body.getBytes(StandardCharsets.UTF_8));

    assertThat(r.text())
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":"
                + "[{\"path\":\"/var/lib/demo-app-data/sub/hello.txt\"}]}");
    assertThat(server.rootDir().resolve("var/lib/demo-app-data/sub/hello.txt"))
        .hasContent("hello pebble\n");
  }

  @Test
  void aBoundaryShorterThan32CharactersIsRejected() throws IOException {
    RawHttp.Response r =
        RawHttp.send(
            socket,
            "POST",
            "/v1/files",
            Map.of("Content-Type", "multipart/form-data; boundary=Short1234"),
            "--Short1234--\r\n".getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(r.text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":400,\"status\":\"Bad Request\",\"result\":"
                + "{\"message\":\"invalid boundary \\\"Short1234\\\"\"}}");
  }

  @Test
  void pullAnswersMultipartWithTheResponsePartLast() throws IOException {
    Path file = server.rootDir().resolve("var/lib/demo-app-data/sub/hello.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "hello pebble\n");

    RawHttp.Response r =
        RawHttp.send(
            socket,
            "GET",
            "/v1/files?action=read&path=/var/lib/demo-app-data/sub/hello.txt",
            Map.of("Accept", "multipart/form-data"),
            new byte[0]);

    assertThat(r.contentType()).matches("multipart/form-data; boundary=[0-9a-f]{60}");
    String b = r.contentType().substring(r.contentType().indexOf('=') + 1);
    assertThat(r.text())
        .isEqualTo(
            "--"
                + b
                + "\r\nContent-Disposition: form-data; name=\"files\";"
                + " filename=\"/var/lib/demo-app-data/sub/hello.txt\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nhello pebble\n\r\n--"
                + b
                + "\r\nContent-Disposition: form-data; name=\"response\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":"
                + "[{\"path\":\"/var/lib/demo-app-data/sub/hello.txt\"}]}\n\r\n--"
                + b
                + "--\r\n");
    assertThat(r.body()).hasSize(538); // the transcript's Content-Length
  }

  @Test
  void pullOfAMissingFileReportsNotFoundInsideTheResponsePart() throws IOException {
    RawHttp.Response r =
        RawHttp.send(
            socket,
            "GET",
            "/v1/files?action=read&path=/var/lib/demo-app-data/nope.txt",
            Map.of("Accept", "multipart/form-data"),
            new byte[0]);

    assertThat(r.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(r.text())
        .doesNotContain("name=\"files\"")
        .contains(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":"
                + "[{\"path\":\"/var/lib/demo-app-data/nope.txt\",\"error\":{\"message\":"
                + "\"stat /var/lib/demo-app-data/nope.txt: no such file or directory\","
                + "\"kind\":\"not-found\"}}]}\n");
    assertThat(r.body()).hasSize(422);
  }

  @Test
  void pullWithoutTheMultipartAcceptHeaderIsABadRequest() throws IOException {
    RawHttp.Response r = RawHttp.get(socket, "/v1/files?action=read&path=/etc/x");

    assertThat(r.text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":400,\"status\":\"Bad Request\","
                + "\"result\":{\"message\":\"must accept multipart/form-data\"}}");
  }

  @Test
  void listingAMissingPathIs404NotFound() throws IOException {
    RawHttp.Response r =
        RawHttp.get(socket, "/v1/files?action=list&path=/var/lib/demo-app-data/missing");

    assertThat(r.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(r.text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":404,\"status\":\"Not Found\",\"result\":"
                + "{\"message\":\"stat /var/lib/demo-app-data/missing: no such file or directory\","
                + "\"kind\":\"not-found\"}}");
  }

  @Test
  void makeDirsAndRemoveReportPerPathErrorsWith200() throws IOException {
    assertThat(
            RawHttp.postJson(
                    socket,
                    "/v1/files",
                    "{\"action\":\"make-dirs\",\"dirs\":[{\"path\":\"/var/lib/demo-app-data/x/y\"}]}")
                .text())
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":"
                + "[{\"path\":\"/var/lib/demo-app-data/x/y\",\"error\":{\"message\":"
                + "\"mkdir /var/lib/demo-app-data/x/y.mkdir-new: no such file or directory\","
                + "\"kind\":\"not-found\"}}]}");
    assertThat(
            RawHttp.postJson(
                    socket,
                    "/v1/files",
                    "{\"action\":\"remove\",\"paths\":[{\"path\":\"/var/lib/demo-app-data/does-not-exist\"}]}")
                .text())
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":"
                + "[{\"path\":\"/var/lib/demo-app-data/does-not-exist\",\"error\":{\"message\":"
                + "\"remove /var/lib/demo-app-data/does-not-exist: no such file or directory\","
                + "\"kind\":\"not-found\"}}]}");
  }

  @Test
  void chunkedRequestBodiesAreAccepted() throws IOException {
    byte[] json = TEST_LAYER.getBytes(StandardCharsets.UTF_8);
    int half = json.length / 2;
    java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
    chunked.writeBytes((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    chunked.write(json, 0, half);
    chunked.writeBytes(
        ("\r\n" + Integer.toHexString(json.length - half) + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    chunked.write(json, half, json.length - half);
    chunked.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    RawHttp.Response r =
        RawHttp.sendRaw(
            socket,
            "POST /v1/layers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
            chunked.toByteArray());

    assertThat(r.text()).endsWith("\"result\":true}");
    assertThat(server.engine().plan().services()).containsOnlyKeys("sleeper");
  }

  @Test
  void healthAndTheRequestLog() throws IOException {
    assertThat(RawHttp.get(socket, "/v1/health").text())
        .isEqualTo(
            "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\",\"result\":{\"healthy\":true}}");
    RawHttp.get(socket, "/v1/files?action=list&path=%2Fetc");

    assertThat(server.requests())
        .containsExactly("GET /v1/health", "GET /v1/files?action=list&path=/etc");
  }

  @Test
  void aStartOfAServiceWhoseBinaryIsMissingFailsLikePebble() throws IOException {
    RawHttp.postJson(
        socket,
        "/v1/layers",
        "{\"action\":\"add\",\"combine\":false,\"label\":\"l\",\"format\":\"yaml\",\"layer\":"
            + "\"services:\\n  missing:\\n    override: replace\\n    command: /no/such/binary\\n\"}");

    RawHttp.postJson(socket, "/v1/services", "{\"action\":\"start\",\"services\":[\"missing\"]}");
    String done = RawHttp.get(socket, "/v1/changes/1/wait?timeout=10s").text();

    assertThat(done)
        .contains("\"status\":\"Error\"")
        .contains(
            "\"err\":\"cannot perform the following tasks:\\n- Start service \\\"missing\\\""
                + " (cannot start service: fork/exec /no/such/binary: no such file or directory)\"")
        .contains(
            " ERROR cannot start service: fork/exec /no/such/binary: no such file or directory\"]");
    assertThat(server.engine().serviceStatuses()).containsEntry("missing", "inactive");
  }

  @Test
  void anExecEnvironmentOfOtherThanStringsIsAnUndecodableBody() throws IOException {
    server.onExec(java.util.List.of("env"), ExecHandler.ok(""));

    for (String env : java.util.List.of("{\"A\":1}", "{\"A\":[\"x\"]}", "[\"A=x\"]")) {
      String body = "{\"command\":[\"env\"],\"environment\":" + env + "}";
      assertThat(RawHttp.postJson(socket, "/v1/exec", body).text())
          .as(env)
          .contains("\"status-code\":400")
          .contains("cannot decode request body");
    }
    assertThat(
            RawHttp.postJson(
                    socket, "/v1/exec", "{\"command\":[\"env\"],\"environment\":{\"A\":\"x\"}}")
                .text())
        .contains("\"task-id\"");
  }

  @Test
  void execWebSocketsRefuseWhatPebbleRefuses() throws IOException {
    server.onExec(java.util.List.of("sleep"), ExecHandler.ok(""));
    String accepted =
        RawHttp.postJson(socket, "/v1/exec", "{\"command\":[\"sleep\",\"1\"]}").text();
    java.util.regex.Matcher task =
        java.util.regex.Pattern.compile("\"task-id\":\"([0-9]+)\"").matcher(accepted);
    assertThat(task.find()).as(accepted).isTrue();
    String tasks = "/v1/tasks/" + task.group(1) + "/websocket/";

    RawHttp.Response plain = RawHttp.get(socket, tasks + "stdio");
    assertThat(plain.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(plain.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(plain.text())
        .isEqualTo("websocket: the client is not using the websocket protocol\n");
    assertThat(RawHttp.get(socket, tasks + "nope").text())
        .isEqualTo(
            "{\"type\":\"error\",\"status-code\":404,\"status\":\"Not Found\","
                + "\"result\":{\"message\":\"websocket \\\"nope\\\" not found\"}}");
    assertThat(RawHttp.get(socket, "/v1/tasks/99/websocket/stdio").text())
        .contains("\"status-code\":404")
        .contains("cannot find task with id \\\"99\\\"");
  }
}
