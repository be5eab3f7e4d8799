package io.charmkit.ops.pebble;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * How the production Pebble client reaches a Pebble: one HTTP exchange at a time, and the I/O of
 * one exec. The client ({@link PebbleClient#forTransport}) is the only place that builds requests
 * and reads envelopes; a transport only carries bytes, as {@code ToolTransport} does for hook
 * tools.
 *
 * <p>Production speaks HTTP/1.1 and WebSockets over the container's unix socket; the test harness
 * answers in process from the simulated Pebble, with the same requests.
 */
public interface PebbleTransport extends AutoCloseable {

  /**
   * Sends {@code request} and returns Pebble's whole response; reads may wait up to {@code
   * readTimeout} (a change wait is a long poll).
   *
   * @throws java.nio.file.NoSuchFileException when there is no Pebble to reach
   * @throws IOException when the exchange fails
   */
  HttpResponse exchange(HttpRequest request, Duration readTimeout) throws IOException;

  /**
   * Runs the I/O of the exec task {@code taskId} Pebble has accepted: sends {@code stdin} (or none
   * when {@code null}), and writes what the command prints into {@code stdout} and {@code stderr}
   * until both streams end. What arrived stays in the sinks when this throws.
   *
   * @param ioTimeout how long any read or write may wait
   * @throws IOException carrying Pebble's response when it refuses the task's WebSockets
   * @throws java.net.SocketTimeoutException when Pebble sends nothing for {@code ioTimeout}
   * @throws IOException when the streams break
   */
  void exec(
      String taskId,
      byte[] stdin,
      Duration ioTimeout,
      ByteArrayOutputStream stdout,
      ByteArrayOutputStream stderr)
      throws IOException;

  /** Releases any connection. */
  @Override
  void close();
}
