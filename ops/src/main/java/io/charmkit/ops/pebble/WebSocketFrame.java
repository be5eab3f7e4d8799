package io.charmkit.ops.pebble;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;

/**
 * One RFC 6455 frame, and its wire format as a client speaks it: frames it writes are masked,
 * frames it reads must not be (RFC 6455 §5.1). No extension is ever negotiated, so reserved bits
 * must be clear.
 *
 * @param fin whether this is the last frame of its message
 * @param opcode {@link #CONTINUATION}, {@link #TEXT}, {@link #BINARY}, {@link #CLOSE}, {@link
 *     #PING} or {@link #PONG}
 * @param payload the payload, unmasked
 */
record WebSocketFrame(boolean fin, int opcode, byte[] payload) {
  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  /** Control frames carry at most this much (RFC 6455 §5.5). */
  static final int MAX_CONTROL_PAYLOAD = 125;

  /** A frame longer than this is refused: Pebble sends its output in chunks of a few KiB. */
  static final long MAX_PAYLOAD = 64L * 1024 * 1024;

  /** Whether this is a close, ping or pong frame. */
  boolean isControl() {
    return opcode >= CLOSE;
  }

  /**
   * Writes one masked frame of {@code payload[off, off+len)} in a single {@code write} call, so
   * that frames written under a lock never interleave.
   *
   * @param mask the 4-byte masking key
   */
  static void write(
      OutputStream out, boolean fin, int opcode, byte[] payload, int off, int len, byte[] mask)
      throws IOException {
    int header = len <= 125 ? 2 : len <= 0xFFFF ? 4 : 10;
    byte[] frame = new byte[header + 4 + len];
    frame[0] = (byte) ((fin ? 0x80 : 0) | opcode);
    if (len <= 125) {
      frame[1] = (byte) (0x80 | len);
    } else if (len <= 0xFFFF) {
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (len >>> 8);
      frame[3] = (byte) len;
    } else {
      frame[1] = (byte) (0x80 | 127);
      long length = len;
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) (length >>> (56 - 8 * i));
      }
    }
    System.arraycopy(mask, 0, frame, header, 4);
    int start = header + 4;
    for (int i = 0; i < len; i++) {
      frame[start + i] = (byte) (payload[off + i] ^ mask[i & 3]);
    }
    out.write(frame);
    out.flush();
  }

  /**
   * Reads the next frame.
   *
   * @return the frame, or {@code null} when the stream ends cleanly before a frame starts
   * @throws ProtocolException when the frame breaks RFC 6455 or exceeds {@link #MAX_PAYLOAD}
   * @throws EOFException when the stream ends inside a frame
   */
  static WebSocketFrame read(InputStream in) throws IOException {
    int b0 = in.read();
    if (b0 < 0) {
      return null;
    }
    int b1 = readByte(in);
    if ((b0 & 0x70) != 0) {
      throw new ProtocolException("WebSocket frame with reserved bits set, but none negotiated");
    }
    if ((b1 & 0x80) != 0) {
      throw new ProtocolException("masked WebSocket frame from the server (RFC 6455 §5.1)");
    }
    int opcode = b0 & 0x0F;
    boolean fin = (b0 & 0x80) != 0;
    if (opcode > BINARY && opcode < CLOSE || opcode > PONG) {
      throw new ProtocolException("unknown WebSocket opcode 0x" + Integer.toHexString(opcode));
    }
    long length = b1 & 0x7F;
    if (length == 126) {
      length = (readByte(in) << 8) | readByte(in);
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | readByte(in);
      }
      if (length < 0) {
        throw new ProtocolException("WebSocket frame length with its top bit set");
      }
    }
    if (opcode >= CLOSE && (!fin || length > MAX_CONTROL_PAYLOAD)) {
      throw new ProtocolException(
          "fragmented or oversized WebSocket control frame (opcode 0x"
              + Integer.toHexString(opcode)
              + ", "
              + length
              + " bytes)");
    }
    if (length > MAX_PAYLOAD) {
      throw new ProtocolException(
          "WebSocket frame of " + length + " bytes exceeds the limit of " + MAX_PAYLOAD);
    }
    byte[] payload = in.readNBytes((int) length);
    if (payload.length != length) {
      throw new EOFException(
          "connection closed after " + payload.length + " of " + length + " frame bytes");
    }
    return new WebSocketFrame(fin, opcode, payload);
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("connection closed inside a WebSocket frame header");
    }
    return b;
  }
}
