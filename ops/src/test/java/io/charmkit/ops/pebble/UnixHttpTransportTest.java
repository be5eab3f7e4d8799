package io.charmkit.ops.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport against a scripted raw server: the wire bytes and the misbehaviours. */
class UnixHttpTransportTest {
  static final String OK_JSON =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

  @TempDir Path dir;
  RawUnixServer server;
  UnixHttpTransport transport;

  @BeforeEach
  void noServerYet() {
    transport =
        new UnixHttpTransport(dir.resolve("s.sock"), Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws IOException {
    transport.close();
    if (server != null) {
      server.close();
      assertThat(server.failures()).isEmpty();
    }
  }

  void serve(RawUnixServer.Script script) throws IOException {
    server = new RawUnixServer(dir.resolve("s.sock"), script);
  }

  static String text(HttpResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void sendsTheRequestBytesAndReusesTheConnection() throws IOException {
    serve(
        c -> {
          while (c.readRequest() != null) {
            c.write(OK_JSON);
          }
        });
    byte[] body = "{\"action\":\"replan\",\"services\":[]}".getBytes(StandardCharsets.UTF_8);

    transport.exchange(HttpRequest.get("/v1/system-info", "application/json"));
    HttpResponse second =
        transport.exchange(
            HttpRequest.post("/v1/services", "application/json", "application/json", body));

    assertThat(text(second)).isEqualTo("{}");
    assertThat(server.requests())
        .containsExactly(
            "GET /v1/system-info HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n",
            "POST /v1/services HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Content-Type: application/json\r\nContent-Length: 33\r\n\r\n"
                + "{\"action\":\"replan\",\"services\":[]}");
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void aChunkedResponseSplitAcrossManySmallWritesIsReassembled() throws IOException {
    StringBuilder chunks = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      String piece = "part-" + i + ";";
      chunks
          .append(Integer.toHexString(piece.length()))
          .append("\r\n")
          .append(piece)
          .append("\r\n");
      expected.append(piece);
    }
    String wire =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunks
            + "0\r\n\r\n";
    serve(
        c -> {
          c.readRequest();
          c.writeInPieces(wire, 3);
        });

    HttpResponse response = transport.exchange(HttpRequest.get("/v1/files", "text/plain"));

    assertThat(text(response)).isEqualTo(expected.toString());
  }

  @Test
  void connectionCloseMeansTheNextRequestOpensANewConnection() throws IOException {
    serve(
        c -> {
          c.readRequest();
          c.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
        });

    transport.exchange(HttpRequest.get("/a", "*/*"));
    HttpResponse second = transport.exchange(HttpRequest.get("/b", "*/*"));

    assertThat(text(second)).isEqualTo("ok");
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void anIdleConnectionTheServerDroppedIsReplacedNotFailed() throws Exception {
    CountDownLatch dropped = new CountDownLatch(1);
    serve(
        c -> {
          c.readRequest();
          c.write(OK_JSON); // keep-alive by default ...
          c.close(); // ... but the server drops the connection anyway
          dropped.countDown();
        });
    transport.exchange(HttpRequest.get("/a", "*/*"));
    assertThat(dropped.await(10, TimeUnit.SECONDS)).isTrue();

    HttpResponse second = transport.exchange(HttpRequest.get("/b", "*/*"));

    assertThat(text(second)).isEqualTo("{}");
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void aServerThatClosesMidBodyIsAClearErrorAndTheConnectionIsNotReused() throws IOException {
    serve(
        c -> {
          if (c.readRequest().startsWith("GET /first")) {
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this");
            return; // the script ends and the connection closes
          }
          c.write(OK_JSON);
        });

    assertThatThrownBy(() -> transport.exchange(HttpRequest.get("/first", "*/*")))
        .isInstanceOf(EOFException.class)
        .hasMessage("connection closed after 9 of 100 body bytes");
    assertThat(text(transport.exchange(HttpRequest.get("/second", "*/*")))).isEqualTo("{}");
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void aServerThatClosesWithoutAnsweringIsAClearError() throws IOException {
    serve(RawUnixServer.Connection::readRequest);

    assertThatThrownBy(() -> transport.exchange(HttpRequest.get("/a", "*/*")))
        .isInstanceOf(EOFException.class)
        .hasMessage("connection closed before any response was received");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    serve(
        c -> {
          c.readRequest();
          done.await(); // hold the connection open, silent, until the client gave up
        });

    try {
      assertThatThrownBy(
              () -> transport.exchange(HttpRequest.get("/a", "*/*"), Duration.ofMillis(200)))
          .isInstanceOf(SocketTimeoutException.class)
          .hasMessage("timed out after 200ms waiting for the response");
    } finally {
      done.countDown();
    }
  }

  @Test
  void aMissingSocketFileAndASocketNobodyListensOnAreDistinguished() throws IOException {
    assertThatThrownBy(() -> transport.exchange(HttpRequest.get("/a", "*/*")))
        .isInstanceOfSatisfying(
            NoSuchFileException.class,
            e -> {
              assertThat(e.getFile()).isEqualTo(dir.resolve("s.sock").toString());
              assertThat(e.getReason()).isEqualTo("socket file does not exist");
            });

    Files.createFile(dir.resolve("s.sock")); // a stale file, no listener
    assertThatThrownBy(() -> transport.exchange(HttpRequest.get("/a", "*/*")))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("refused");
  }
}
