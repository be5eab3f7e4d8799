package io.charmkit.testing.pebble;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The server end of an RFC 6455 WebSocket, as the test Pebble needs it: client frames must be
 * masked, server frames are not; messages are reassembled from continuation frames; pings are
 * answered. Written separately from the client in {@code ops} on purpose, so that a framing mistake
 * shared by both ends cannot hide in the tests that pair them.
 */
final class ServerWebSocket {
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  static final int TEXT = 1;
  static final int BINARY = 2;
  private static final int CONTINUATION = 0;
  private static final int CLOSE = 8;
  private static final int PING = 9;
  private static final int PONG = 10;

  /** A message from the client. */
  record Message(boolean text, byte[] data) {
    String asText() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  private final InputStream in;
  private final OutputStream out;
  private boolean closeSent;

  ServerWebSocket(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  /** The {@code Sec-WebSocket-Accept} for a client's key. */
  static String accept(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The next message, or {@code null} once the client sent a close frame (answered here) or the
   * connection ended.
   */
  Message receive() throws IOException {
    ByteArrayOutputStream fragments = null;
    boolean fragmentsText = false;
    while (true) {
      int first = in.read();
      if (first < 0) {
        return null;
      }
      int second = next();
      boolean fin = (first & 0x80) != 0;
      int opcode = first & 0x0F;
      if ((second & 0x80) == 0) {
        close(1002);
        throw new ProtocolException("unmasked frame from a WebSocket client");
      }
      long length = second & 0x7F;
      if (length == 126) {
        length = ((long) next() << 8) | next();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | next();
        }
      }
      if (length > Integer.MAX_VALUE - 8) {
        throw new ProtocolException("frame too long: " + length);
      }
      byte[] mask = in.readNBytes(4);
      byte[] payload = in.readNBytes((int) length);
      if (mask.length != 4 || payload.length != length) {
        throw new EOFException("connection closed inside a frame");
      }
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i % 4];
      }
      switch (opcode) {
        case PING -> send(PONG, payload);
        case PONG -> {
          // nothing to do
        }
        case CLOSE -> {
          close(payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1000);
          return null;
        }
        case CONTINUATION -> {
          if (fragments == null) {
            throw new ProtocolException("continuation frame outside a message");
          }
          fragments.writeBytes(payload);
          if (fin) {
            return new Message(fragmentsText, fragments.toByteArray());
          }
        }
        case TEXT, BINARY -> {
          if (fin) {
            return new Message(opcode == TEXT, payload);
          }
          fragments = new ByteArrayOutputStream();
          fragments.writeBytes(payload);
          fragmentsText = opcode == TEXT;
        }
        default -> throw new ProtocolException("unknown opcode " + opcode);
      }
    }
  }

  private int next() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("connection closed inside a frame header");
    }
    return b;
  }

  /** Sends a binary message. */
  void sendBinary(byte[] data, int off, int len) throws IOException {
    byte[] copy = new byte[len];
    System.arraycopy(data, off, copy, 0, len);
    send(BINARY, copy);
  }

  /** Sends a text message. */
  void sendText(String text) throws IOException {
    send(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a close frame with {@code code}, once. */
  synchronized void close(int code) throws IOException {
    if (!closeSent) {
      closeSent = true;
      send(CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }
  }

  /** Writes one unmasked frame; frames from several threads never interleave. */
  synchronized void send(int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(payload.length);
    } else if (payload.length <= 0xFFFF) {
      frame.write(126);
      frame.write(payload.length >> 8);
      frame.write(payload.length);
    } else {
      frame.write(127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >> shift));
      }
    }
    frame.writeBytes(payload);
    out.write(frame.toByteArray());
    out.flush();
  }
}
