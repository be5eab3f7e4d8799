package io.charmkit.ops.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 6455 framing as the client writes and reads it; the examples are RFC 6455 §5.7's. */
class WebSocketFrameTest {
  static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  static byte[] written(int opcode, boolean fin, byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WebSocketFrame.write(out, fin, opcode, payload, 0, payload.length, MASK);
    return out.toByteArray();
  }

  static WebSocketFrame read(byte[] wire) throws IOException {
    return WebSocketFrame.read(new ByteArrayInputStream(wire));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aClientTextFrameIsMaskedAsInTheRfcExample() throws IOException {
    assertThat(written(WebSocketFrame.TEXT, true, "Hello".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58));
  }

  @Test
  void writingOnlyPartOfABufferMasksJustThatPart() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = "xxHelloyy".getBytes(StandardCharsets.US_ASCII);

    WebSocketFrame.write(out, true, WebSocketFrame.TEXT, buffer, 2, 5, MASK);

    assertThat(out.toByteArray())
        .isEqualTo(bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58));
  }

  @Test
  void anUnmaskedServerTextFrameIsRead() throws IOException {
    WebSocketFrame frame = read(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));

    assertThat(frame.fin()).isTrue();
    assertThat(frame.opcode()).isEqualTo(WebSocketFrame.TEXT);
    assertThat(new String(frame.payload(), StandardCharsets.US_ASCII)).isEqualTo("Hello");
  }

  @Test
  void lengthsUpTo125FitInTheFirstByte() throws IOException {
    byte[] frame = written(WebSocketFrame.BINARY, true, new byte[125]);

    assertThat(frame[1] & 0xff).isEqualTo(0x80 | 125);
    assertThat(frame).hasSize(2 + 4 + 125);
  }

  @Test
  void lengthsFrom126To65535UseA16BitLength() throws IOException {
    byte[] at126 = written(WebSocketFrame.BINARY, true, new byte[126]);
    byte[] at256 = written(WebSocketFrame.BINARY, true, new byte[256]);
    byte[] at65535 = written(WebSocketFrame.BINARY, true, new byte[65535]);

    assertThat(Arrays.copyOf(at126, 4)).isEqualTo(bytes(0x82, 0xFE, 0x00, 0x7E));
    assertThat(Arrays.copyOf(at256, 4)).isEqualTo(bytes(0x82, 0xFE, 0x01, 0x00));
    assertThat(Arrays.copyOf(at65535, 4)).isEqualTo(bytes(0x82, 0xFE, 0xFF, 0xFF));
    assertThat(at65535).hasSize(4 + 4 + 65535);
  }

  @Test
  void lengthsAbove65535UseA64BitLength() throws IOException {
    byte[] frame = written(WebSocketFrame.BINARY, true, new byte[65536]);

    assertThat(Arrays.copyOf(frame, 10))
        .isEqualTo(bytes(0x82, 0xFF, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00));
    assertThat(frame).hasSize(10 + 4 + 65536);
  }

  @Test
  void theMaskIsAppliedToEveryPayloadByteInTurn() throws IOException {
    byte[] payload = new byte[300];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }

    byte[] frame = written(WebSocketFrame.BINARY, true, payload);

    assertThat(Arrays.copyOfRange(frame, 4, 8)).isEqualTo(MASK);
    byte[] unmasked = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      unmasked[i] = (byte) (frame[8 + i] ^ MASK[i % 4]);
    }
    assertThat(unmasked).isEqualTo(payload);
  }

  @Test
  void serverFramesWith16And64BitLengthsAreRead() throws IOException {
    byte[] medium = new byte[256];
    Arrays.fill(medium, (byte) 7);
    byte[] large = new byte[65536];
    Arrays.fill(large, (byte) 9);

    WebSocketFrame first = read(concat(bytes(0x82, 0x7E, 0x01, 0x00), medium));
    WebSocketFrame second = read(concat(bytes(0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00), large));

    assertThat(first.payload()).isEqualTo(medium);
    assertThat(second.payload()).isEqualTo(large);
  }

  @Test
  void fragmentsAndTheirFinBitsAreReadAsSent() throws IOException {
    ByteArrayInputStream in =
        new ByteArrayInputStream(bytes(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f));

    WebSocketFrame first = WebSocketFrame.read(in);
    WebSocketFrame second = WebSocketFrame.read(in);

    assertThat(first.fin()).isFalse();
    assertThat(first.opcode()).isEqualTo(WebSocketFrame.TEXT);
    assertThat(second.fin()).isTrue();
    assertThat(second.opcode()).isEqualTo(WebSocketFrame.CONTINUATION);
    assertThat(WebSocketFrame.read(in)).isNull();
  }

  @Test
  void controlFramesAreRecognised() throws IOException {
    WebSocketFrame ping = read(bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));

    assertThat(ping.isControl()).isTrue();
    assertThat(ping.opcode()).isEqualTo(WebSocketFrame.PING);
    assertThat(read(bytes(0x88, 0x02, 0x03, 0xE8)).opcode()).isEqualTo(WebSocketFrame.CLOSE);
    assertThat(read(bytes(0x82, 0x00)).isControl()).isFalse();
  }

  @Test
  void aMaskedServerFrameIsRefused() {
    assertThatThrownBy(
            () -> read(bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("masked");
  }

  @Test
  void reservedBitsAndUnknownOpcodesAreRefused() {
    assertThatThrownBy(() -> read(bytes(0xC1, 0x00))).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> read(bytes(0x83, 0x00)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("opcode 0x3");
  }

  @Test
  void fragmentedOrOversizedControlFramesAreRefused() {
    assertThatThrownBy(() -> read(bytes(0x09, 0x00)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("control frame");
    assertThatThrownBy(() -> read(concat(bytes(0x89, 0x7E, 0x00, 0x7E), new byte[126])))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("control frame");
  }

  @Test
  void aLengthWithItsTopBitSetOrBeyondTheLimitIsRefused() {
    assertThatThrownBy(() -> read(bytes(0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 1)))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> read(bytes(0x82, 0x7F, 0, 0, 0, 0x01, 0, 0, 0, 0)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("exceeds the limit");
  }

  @Test
  void aStreamEndingInsideAFrameIsAnEofNotAShortFrame() {
    assertThatThrownBy(() -> read(bytes(0x82))).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> read(bytes(0x82, 0x7E, 0x01))).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> read(bytes(0x82, 0x05, 1, 2)))
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("2 of 5");
  }
}
