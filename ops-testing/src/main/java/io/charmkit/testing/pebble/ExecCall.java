package io.charmkit.testing.pebble;

import io.charmkit.ops.pebble.ExecRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One run of a command in the test Pebble, as an {@link ExecHandler} sees it: what was asked, the
 * environment and working directory Pebble settled on, and the three streams.
 *
 * @param request the request as the client sent it (its stdin arrives on {@link #stdin()} instead)
 * @param environment the command's environment: Pebble's defaults ({@code PATH}, {@code HOME},
 *     {@code USER}, {@code LANG}), then the service context's, then the request's
 * @param workingDir the working directory: the request's, the service context's, else {@code $HOME}
 * @param stdin the command's standard input; ends when the client sends the end of its input
 * @param stdout the command's standard output
 * @param stderr the command's standard error (merged into stdout when the client did not split
 *     them)
 */
public record ExecCall(
    ExecRequest request,
    Map<String, String> environment,
    String workingDir,
    InputStream stdin,
    OutputStream stdout,
    OutputStream stderr) {

  /** Copies the environment. */
  public ExecCall {
    environment = Map.copyOf(environment);
  }

  /** The command and its arguments. */
  public List<String> command() {
    return request.command();
  }

  /** Reads all of stdin as UTF-8. */
  public String stdinText() throws IOException {
    return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
  }
}
