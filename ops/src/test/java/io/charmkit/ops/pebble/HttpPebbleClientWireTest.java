package io.charmkit.ops.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client over answers a real Pebble may give but the test server does not (chunked pulls) and
 * over failures of the connection: what reaches the charm author.
 */
class HttpPebbleClientWireTest {
  @TempDir Path dir;
  RawUnixServer server;
  PebbleClient client;

  void serve(RawUnixServer.Script script) throws IOException {
    server = new RawUnixServer(dir.resolve("pebble.socket"), script);
    client = PebbleClient.forSocket("workload", server.socketPath());
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
      assertThat(server.failures()).isEmpty();
    }
  }

  static String chunked(String body, int size) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i += size) {
      String piece = body.substring(i, Math.min(body.length(), i + size));
      out.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
    }
    return out.append("0\r\n\r\n").toString();
  }

  @Test
  void aChunkedMultipartPullAsGoSendsItIsParsed() throws IOException {
    String boundary = "400727db7f863499e878ad0d366a2de7d37f85f0db522d516f945502a060";
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"files\";"
            + " filename=\"/var/lib/demo/hello.txt\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\nhello pebble\n\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"response\"\r\n"
            + "Content-Type: application/json\r\n\r\n"
            + "{\"type\":\"sync\",\"status-code\":200,\"status\":\"OK\","
            + "\"result\":[{\"path\":\"/var/lib/demo/hello.txt\"}]}\r\n--"
            + boundary
            + "--\r\n";
    serve(
        c -> {
          c.readRequest();
          c.writeInPieces(
              "HTTP/1.1 200 OK\r\nContent-Type: multipart/form-data; boundary="
                  + boundary
                  + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + chunked(multipart, 37),
              64);
        });

    assertThat(client.pullText("/var/lib/demo/hello.txt")).isEqualTo("hello pebble\n");
    assertThat(server.requests().get(0))
        .startsWith("GET /v1/files?action=read&path=%2Fvar%2Flib%2Fdemo%2Fhello.txt HTTP/1.1\r\n")
        .contains("\r\nAccept: multipart/form-data\r\n");
  }

  @Test
  void aNonJsonErrorBodyIsReportedWithItsStatusAndText() throws IOException {
    serve(
        c -> {
          c.readRequest();
          c.write(
              "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: 20\r\n\r\n"
                  + "upstream went away\r\n");
        });

    assertThatThrownBy(client::systemInfo)
        .isExactlyInstanceOf(PebbleException.class)
        .hasMessage(
            "unexpected response from Pebble of container \"workload\" to GET /v1/system-info:"
                + " HTTP 502 with content type \"text/plain\": \"upstream went away\"");
  }

  @Test
  void aJsonTypedBodyThatIsNotJsonIsMalformedWithItsStatus() throws IOException {
    serve(
        c -> {
          c.readRequest();
          c.write(
              "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 6\r\n\r\npanic!");
        });

    assertThatThrownBy(client::plan)
        .isExactlyInstanceOf(PebbleException.class)
        .hasMessageStartingWith(
            "malformed JSON from Pebble of container \"workload\" in reply to GET /v1/plan"
                + " (HTTP 500): \"panic!\"");
  }

  @Test
  void aServerThatClosesEarlyIsAConnectionErrorNamingSocketAndRequest() throws IOException {
    serve(
        c -> {
          c.readRequest();
          c.write(
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 80\r\n\r\n{");
        });

    assertThatThrownBy(() -> client.services(java.util.List.of()))
        .isInstanceOfSatisfying(
            PebbleConnectionException.class,
            e -> {
              assertThat(e.container()).isEqualTo("workload");
              assertThat(e.socketPath()).isEqualTo(server.socketPath());
              assertThat(e.getMessage())
                  .isEqualTo(
                      "cannot connect to Pebble of container \"workload\" at "
                          + server.socketPath()
                          + ": GET /v1/services: connection closed after 1 of 80 body bytes");
            });
  }

  @Test
  void anUnreachablePebbleIsAConnectionErrorNamingTheSocketPath() {
    Path missing = dir.resolve("nothing/pebble.socket");
    client = PebbleClient.forSocket("workload", missing);

    assertThat(client.canConnect()).isFalse();
    assertThatThrownBy(client::systemInfo)
        .isInstanceOf(PebbleConnectionException.class)
        .hasMessage(
            "cannot connect to Pebble of container \"workload\" at "
                + missing
                + ": socket file does not exist");
  }
}
