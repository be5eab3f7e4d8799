package io.charmkit.testing.pebble;

import java.nio.ByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The server end of one of an exec's WebSockets: {@code stdio}'s messages feed the command's stdin
 * up to the end marker; the control socket's messages (signals) are read and ignored. Public only
 * because Jetty calls its methods through public method handles.
 */
public final class ExecSocket implements Session.Listener.AutoDemanding {
  private final ExecSession session;
  private final String id;

  ExecSocket(ExecSession session, String id) {
    this.session = session;
    this.id = id;
  }

  @Override
  public void onWebSocketOpen(Session socket) {
    session.opened(id, socket);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    if (id.equals("stdio")) {
      session.stdin(BufferUtil.toArray(payload));
    }
    callback.succeed();
  }

  @Override
  public void onWebSocketText(String message) {
    if (id.equals("stdio") && message.replaceAll("\\s", "").equals(ExecSession.END)) {
      session.stdinEnd();
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    if (id.equals("stdio")) {
      session.stdinEnd(); // the client went away; its streams end here
    }
    callback.succeed();
  }
}
