package io.charmkit.ops.pebble;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A minimal RFC 6455 WebSocket client over the unix socket, for Pebble's exec streams: the opening
 * handshake with its {@code Sec-WebSocket-Accept} check, masked frames out, messages in
 * (reassembled from continuation frames), pings answered, and the closing handshake.
 *
 * <p>One thread may {@link #receive} while others send: sends are serialised by a lock, so a pong
 * never lands inside a data frame. No extensions or subprotocols are negotiated.
 */
final class WebSocket implements Closeable {
  /** The GUID RFC 6455 §1.3 appends to the key to form the accept value. */
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** Normal closure (RFC 6455 §7.4.1). */
  static final int NORMAL_CLOSURE = 1000;

  /** A received data message. */
  record Message(boolean text, byte[] data) {
    /** The payload decoded as UTF-8 (text messages are UTF-8 by definition). */
    String asText() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  /** The server answered the upgrade with an ordinary HTTP response (Pebble: an error envelope). */
  static final class UpgradeRefusedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient HttpResponse response;

    UpgradeRefusedException(String target, HttpResponse response) {
      super("WebSocket upgrade of " + target + " refused with HTTP " + response.status());
      this.response = response;
    }

    /** The refusal, body included. */
    HttpResponse response() {
      return response;
    }
  }

  private final InputStream in;
  private final OutputStream out;
  private final Closeable connection;
  private final Random maskSource;
  private final ReentrantLock sendLock = new ReentrantLock();
  private volatile boolean closeSent;
  private volatile boolean closeReceived;

  /**
   * A WebSocket over an established connection (after the handshake).
   *
   * @param connection closed by {@link #close}, which unblocks a thread reading or writing
   * @param maskSource where the masking keys come from
   */
  WebSocket(InputStream in, OutputStream out, Closeable connection, Random maskSource) {
    this.in = in;
    this.out = out;
    this.connection = connection;
    this.maskSource = maskSource;
  }

  /**
   * Connects to {@code socketPath} and upgrades {@code target} to a WebSocket.
   *
   * @param connectTimeout how long connecting may take
   * @param ioTimeout how long a read, or a write to a full socket, may wait
   * @throws UpgradeRefusedException when the server answers with anything but 101
   * @throws ProtocolException when the 101 response is not a valid WebSocket acceptance
   */
  static WebSocket connect(
      Path socketPath, String target, Duration connectTimeout, Duration ioTimeout, Random random)
      throws IOException {
    if (!Files.exists(socketPath)) {
      throw new NoSuchFileException(socketPath.toString(), null, "socket file does not exist");
    }
    UnixSocketConnection conn = UnixSocketConnection.open(socketPath, connectTimeout);
    try {
      conn.readTimeout(ioTimeout);
      byte[] nonce = new byte[16];
      random.nextBytes(nonce);
      String key = Base64.getEncoder().encodeToString(nonce);
      HttpRequest upgrade = HttpRequest.get(target, "*/*");
      conn.write(ByteBuffer.wrap(handshake(upgrade, key)));
      HttpResponse response = HttpResponseReader.readUpgrade(conn.input());
      if (response.status() != 101) {
        throw new UpgradeRefusedException(target, response);
      }
      checkAcceptance(response, key);
      return new WebSocket(conn.input(), new ConnectionOutput(conn), conn, random);
    } catch (IOException | RuntimeException e) {
      conn.close();
      throw e;
    }
  }

  /** The upgrade request: the GET's head with the WebSocket headers before its blank line. */
  private static byte[] handshake(HttpRequest get, String key) {
    String head = new String(get.head(), StandardCharsets.ISO_8859_1);
    String headers =
        "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + key
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    return (head.substring(0, head.length() - 2) + headers).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The {@code Sec-WebSocket-Accept} a server must answer to {@code key} (RFC 6455 §4.2.2). */
  static String acceptFor(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  private static void checkAcceptance(HttpResponse response, String key) throws ProtocolException {
    String upgrade = response.header("upgrade");
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      throw new ProtocolException("WebSocket handshake answered Upgrade: " + upgrade);
    }
    String connection = response.header("connection");
    if (connection == null || !hasToken(connection, "upgrade")) {
      throw new ProtocolException("WebSocket handshake answered Connection: " + connection);
    }
    String accept = response.header("sec-websocket-accept");
    if (!acceptFor(key).equals(accept)) {
      throw new ProtocolException(
          "WebSocket handshake answered Sec-WebSocket-Accept "
              + accept
              + ", expected "
              + acceptFor(key));
    }
  }

  private static boolean hasToken(String header, String token) {
    for (String each : header.split(",")) {
      if (each.trim().toLowerCase(Locale.ROOT).equals(token)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The next data message, after answering any pings on the way.
   *
   * @return the message, or {@code null} once the server has sent a close frame (answered here)
   * @throws EOFException when the connection ends without a close frame
   * @throws ProtocolException when the server breaks RFC 6455
   */
  Message receive() throws IOException {
    if (closeReceived) {
      return null;
    }
    ByteArrayOutputStream message = null;
    boolean text = false;
    while (true) {
      WebSocketFrame frame = WebSocketFrame.read(in);
      if (frame == null) {
        throw new EOFException("connection closed without a WebSocket close frame");
      }
      switch (frame.opcode()) {
        case WebSocketFrame.PING -> send(WebSocketFrame.PONG, frame.payload());
        case WebSocketFrame.PONG -> {
          // Unsolicited pongs are allowed and mean nothing (RFC 6455 §5.5.3).
        }
        case WebSocketFrame.CLOSE -> {
          closeReceived = true;
          if (!closeSent) {
            // Echo the status code, as RFC 6455 §5.5.1 asks.
            byte[] payload = frame.payload();
            sendClose(payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1);
          }
          return null;
        }
        case WebSocketFrame.CONTINUATION -> {
          if (message == null) {
            throw new ProtocolException(
                "WebSocket continuation frame without a message to continue");
          }
          append(message, frame.payload());
          if (frame.fin()) {
            return new Message(text, message.toByteArray());
          }
        }
        default -> {
          if (message != null) {
            throw new ProtocolException("new WebSocket message inside a fragmented one");
          }
          text = frame.opcode() == WebSocketFrame.TEXT;
          if (frame.fin()) {
            return new Message(text, frame.payload());
          }
          message = new ByteArrayOutputStream();
          append(message, frame.payload());
        }
      }
    }
  }

  private static void append(ByteArrayOutputStream message, byte[] payload)
      throws ProtocolException {
    if (message.size() + (long) payload.length > WebSocketFrame.MAX_PAYLOAD) {
      throw new ProtocolException(
          "WebSocket message exceeds the limit of " + WebSocketFrame.MAX_PAYLOAD + " bytes");
    }
    message.writeBytes(payload);
  }

  /** Sends {@code data[off, off+len)} as one binary message. */
  void sendBinary(byte[] data, int off, int len) throws IOException {
    send(WebSocketFrame.BINARY, data, off, len);
  }

  /** Sends a text message. */
  void sendText(String text) throws IOException {
    send(WebSocketFrame.TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a close frame with {@code code}, or with no status when {@code code} is negative. */
  void sendClose(int code) throws IOException {
    if (closeSent) {
      return;
    }
    closeSent = true;
    byte[] payload = code < 0 ? new byte[0] : new byte[] {(byte) (code >>> 8), (byte) code};
    send(WebSocketFrame.CLOSE, payload);
  }

  private void send(int opcode, byte[] payload) throws IOException {
    send(opcode, payload, 0, payload.length);
  }

  private void send(int opcode, byte[] payload, int off, int len) throws IOException {
    byte[] mask = new byte[4];
    sendLock.lock();
    try {
      maskSource.nextBytes(mask);
      WebSocketFrame.write(out, true, opcode, payload, off, len, mask);
    } finally {
      sendLock.unlock();
    }
  }

  /**
   * Sends a normal-closure frame, unless another thread is stuck mid-send (the peer stopped
   * reading), then closes the connection, which also unblocks any thread still using it. Never
   * throws: the peer may already be gone.
   */
  @Override
  public void close() {
    try {
      if (!closeSent && sendLock.tryLock()) {
        try {
          sendClose(NORMAL_CLOSURE);
        } finally {
          sendLock.unlock();
        }
      }
    } catch (IOException ignored) {
      // The peer closed first; there is nobody left to tell.
    } finally {
      try {
        connection.close();
      } catch (IOException ignored) {
        // Closing a unix socket loses nothing the caller still needs.
      }
    }
  }

  /** Writes through to the connection, which waits with its timeout when the socket is full. */
  private static final class ConnectionOutput extends OutputStream {
    private final UnixSocketConnection conn;

    ConnectionOutput(UnixSocketConnection conn) {
      this.conn = conn;
    }

    @Override
    public void write(int b) throws IOException {
      conn.write(ByteBuffer.wrap(new byte[] {(byte) b}));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      conn.write(ByteBuffer.wrap(b, off, len));
    }
  }
}
