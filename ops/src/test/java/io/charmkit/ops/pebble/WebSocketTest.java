package io.charmkit.ops.pebble;

import static io.charmkit.ops.pebble.WebSocketFrameTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Messages, control frames and the opening handshake of the exec WebSocket client. */
class WebSocketTest {
  /** A "random" source that always yields the RFC's example mask, so output is predictable. */
  static final class FixedMask extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public void nextBytes(byte[] out) {
      for (int i = 0; i < out.length; i++) {
        out[i] = WebSocketFrameTest.MASK[i % 4];
      }
    }
  }

  final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  boolean connectionClosed;

  WebSocket socket(byte[] incoming) {
    return new WebSocket(
        new ByteArrayInputStream(incoming), sent, () -> connectionClosed = true, new FixedMask());
  }

  /** The frames the client sent, unmasked, checking each was masked. */
  List<WebSocketFrame> sentFrames() throws IOException {
    InputStream in = new ByteArrayInputStream(sent.toByteArray());
    List<WebSocketFrame> frames = new ArrayList<>();
    int b0;
    while ((b0 = in.read()) >= 0) {
      int b1 = in.read();
      assertThat(b1 & 0x80).as("client frames are masked").isEqualTo(0x80);
      int length = b1 & 0x7F;
      assertThat(length).isLessThan(126);
      byte[] mask = in.readNBytes(4);
      byte[] payload = in.readNBytes(length);
      for (int i = 0; i < length; i++) {
        payload[i] ^= mask[i % 4];
      }
      frames.add(new WebSocketFrame((b0 & 0x80) != 0, b0 & 0x0F, payload));
    }
    return frames;
  }

  @Test
  void theAcceptValueIsTheRfcExample() {
    assertThat(WebSocket.acceptFor("dGhlIHNhbXBsZSBub25jZQ=="))
        .isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  @Test
  void aFragmentedMessageIsReassembled() throws IOException {
    WebSocket ws = socket(bytes(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f));

    WebSocket.Message message = ws.receive();

    assertThat(message.text()).isTrue();
    assertThat(message.asText()).isEqualTo("Hello");
  }

  @Test
  void aPingBetweenFragmentsIsAnsweredWithAPongAndTheMessageStillArrives() throws IOException {
    WebSocket ws =
        socket(
            bytes(
                0x02, 0x02, 0x01, 0x02, // binary, not final
                0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f, // ping "Hello"
                0x00, 0x01, 0x03, // continuation
                0x80, 0x01, 0x04)); // final continuation

    WebSocket.Message message = ws.receive();

    assertThat(message.text()).isFalse();
    assertThat(message.data()).isEqualTo(bytes(1, 2, 3, 4));
    List<WebSocketFrame> replies = sentFrames();
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).opcode()).isEqualTo(WebSocketFrame.PONG);
    assertThat(new String(replies.get(0).payload(), StandardCharsets.US_ASCII)).isEqualTo("Hello");
  }

  @Test
  void unsolicitedPongsAreIgnored() throws IOException {
    WebSocket ws = socket(bytes(0x8A, 0x00, 0x82, 0x01, 0x07));

    assertThat(ws.receive().data()).isEqualTo(bytes(7));
    assertThat(sentFrames()).isEmpty();
  }

  @Test
  void aCloseFromTheServerIsEchoedAndEndsTheStream() throws IOException {
    WebSocket ws = socket(bytes(0x88, 0x02, 0x03, 0xE9));

    assertThat(ws.receive()).isNull();
    assertThat(ws.receive()).isNull();
    List<WebSocketFrame> replies = sentFrames();
    assertThat(replies)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.opcode()).isEqualTo(WebSocketFrame.CLOSE);
              assertThat(f.payload()).isEqualTo(bytes(0x03, 0xE9));
            });
    ws.close();
    assertThat(sentFrames()).as("no second close frame").hasSize(1);
    assertThat(connectionClosed).isTrue();
  }

  @Test
  void closingSendsANormalClosureOnceAndClosesTheConnection() throws IOException {
    WebSocket ws = socket(new byte[0]);

    ws.close();
    ws.close();

    assertThat(sentFrames())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.opcode()).isEqualTo(WebSocketFrame.CLOSE);
              assertThat(f.payload()).isEqualTo(bytes(0x03, 0xE8));
            });
    assertThat(connectionClosed).isTrue();
  }

  @Test
  void dataGoesOutAsMaskedBinaryAndTextFrames() throws IOException {
    WebSocket ws = socket(new byte[0]);

    ws.sendBinary(bytes(9, 8, 7, 6, 5), 1, 3);
    ws.sendText("{\"command\":\"end\"}");

    List<WebSocketFrame> frames = sentFrames();
    assertThat(frames)
        .extracting(WebSocketFrame::opcode)
        .containsExactly(WebSocketFrame.BINARY, WebSocketFrame.TEXT);
    assertThat(frames.get(0).payload()).isEqualTo(bytes(8, 7, 6));
    assertThat(new String(frames.get(1).payload(), StandardCharsets.UTF_8))
        .isEqualTo("{\"command\":\"end\"}");
  }

  @Test
  void aContinuationWithoutAMessageIsAProtocolError() {
    WebSocket ws = socket(bytes(0x80, 0x01, 0x00));

    assertThatThrownBy(ws::receive).isInstanceOf(ProtocolException.class);
  }

  @Test
  void aNewMessageInsideAFragmentedOneIsAProtocolError() {
    WebSocket ws = socket(bytes(0x01, 0x01, 0x41, 0x81, 0x01, 0x42));

    assertThatThrownBy(ws::receive)
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("inside a fragmented");
  }

  @Test
  void theConnectionEndingWithoutACloseFrameIsAnEof() {
    WebSocket ws = socket(bytes(0x02, 0x01, 0x41));

    assertThatThrownBy(ws::receive).isInstanceOf(EOFException.class);
  }

  @Test
  void theHandshakeSendsTheUpgradeAndChecksTheAcceptValue() throws Exception {
    Path dir = Files.createTempDirectory("ws");
    List<String> keys = new ArrayList<>();
    try (RawUnixServer server =
        new RawUnixServer(
            dir.resolve("s.sock"),
            c -> {
              String request = c.readRequest();
              String key = request.split("Sec-WebSocket-Key: ")[1].split("\r\n")[0];
              keys.add(key);
              c.write(
                  "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      + "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                      + WebSocket.acceptFor(key)
                      + "\r\n\r\n\u0082\u0002hi");
            })) {
      WebSocket ws =
          WebSocket.connect(
              server.socketPath(),
              "/v1/tasks/7/websocket/stdio",
              Duration.ofSeconds(5),
              Duration.ofSeconds(5),
              new Random());

      assertThat(ws.receive().asText()).as("frames right after the 101 are kept").isEqualTo("hi");
      ws.close();
      String request = server.requests().get(0);
      assertThat(request)
          .startsWith("GET /v1/tasks/7/websocket/stdio HTTP/1.1\r\n")
          .contains("Upgrade: websocket\r\n", "Connection: Upgrade\r\n")
          .contains("Sec-WebSocket-Version: 13\r\n")
          .endsWith("\r\n\r\n");
      assertThat(java.util.Base64.getDecoder().decode(keys.get(0))).hasSize(16);
    } finally {
      Files.deleteIfExists(dir.resolve("s.sock"));
      Files.delete(dir);
    }
  }

  @Test
  void aWrongAcceptValueFailsTheHandshake() throws Exception {
    Path dir = Files.createTempDirectory("ws");
    try (RawUnixServer server =
        new RawUnixServer(
            dir.resolve("s.sock"),
            c -> {
              c.readRequest();
              c.write(
                  "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      + "Connection: Upgrade\r\nSec-WebSocket-Accept: bogus=\r\n\r\n");
            })) {
      assertThatThrownBy(
              () ->
                  WebSocket.connect(
                      server.socketPath(),
                      "/x",
                      Duration.ofSeconds(5),
                      Duration.ofSeconds(5),
                      new Random()))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("Sec-WebSocket-Accept bogus=");
    } finally {
      Files.deleteIfExists(dir.resolve("s.sock"));
      Files.delete(dir);
    }
  }

  @Test
  void anOrdinaryResponseToTheUpgradeIsARefusalWithItsBody() throws Exception {
    Path dir = Files.createTempDirectory("ws");
    String body =
        "{\"type\":\"error\",\"status-code\":404,\"status\":\"Not Found\","
            + "\"result\":{\"message\":\"cannot find task with id \\\"9\\\"\"}}";
    try (RawUnixServer server =
        new RawUnixServer(
            dir.resolve("s.sock"),
            c -> {
              c.readRequest();
              c.write(
                  "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\n\r\n"
                      + body);
            })) {
      assertThatThrownBy(
              () ->
                  WebSocket.connect(
                      server.socketPath(),
                      "/v1/tasks/9/websocket/stdio",
                      Duration.ofSeconds(5),
                      Duration.ofSeconds(5),
                      new Random()))
          .isInstanceOfSatisfying(
              WebSocket.UpgradeRefusedException.class,
              e -> {
                assertThat(e.response().status()).isEqualTo(404);
                assertThat(new String(e.response().body(), StandardCharsets.UTF_8)).isEqualTo(body);
              });
    } finally {
      Files.deleteIfExists(dir.resolve("s.sock"));
      Files.delete(dir);
    }
  }
}
