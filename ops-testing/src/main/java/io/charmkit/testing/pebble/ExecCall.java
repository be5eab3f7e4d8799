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
 */
public final class ExecCall {
  private final ExecRequest request;
  private final Map<String, String> environment;
  private final String workingDir;
  private final InputStream stdin;
  private final OutputStream stdout;
  private final OutputStream stderr;

  ExecCall(
      ExecRequest request,
      Map<String, String> environment,
      String workingDir,
      InputStream stdin,
      OutputStream stdout,
      OutputStream stderr) {
    this.request = request;
    this.environment = Map.copyOf(environment);
    this.workingDir = workingDir;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** The command and its arguments. */
  public List<String> command() {
    return request.command();
  }

  /** The request as the client sent it (its stdin arrives on {@link #stdin()} instead). */
  public ExecRequest request() {
    return request;
  }

  /**
   * The command's environment: Pebble's defaults ({@code PATH}, {@code HOME}, {@code USER}, {@code
   * LANG}), then the service context's, then the request's.
   */
  public Map<String, String> environment() {
    return environment;
  }

  /** The working directory: the request's, the service context's, else {@code $HOME}. */
  public String workingDir() {
    return workingDir;
  }

  /** The command's standard input; ends when the client sends the end of its input. */
  public InputStream stdin() {
    return stdin;
  }

  /** Reads all of stdin as UTF-8. */
  public String stdinText() throws IOException {
    return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
  }

  /** The command's standard output. */
  public OutputStream stdout() {
    return stdout;
  }

  /** The command's standard error (merged into stdout when the client did not split them). */
  public OutputStream stderr() {
    return stderr;
  }
}
