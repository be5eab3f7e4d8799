package io.charmkit.ops.hooktools;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One hook-tool invocation being assembled: the argv that runs, the argv that may be shown (in
 * exceptions and logs), and what goes to stdin.
 *
 * <p>The two argvs differ only where a caller marks an argument as secret-bearing: {@link
 * #assignment(String, String, boolean)} with {@code redact} shows {@code key=<redacted>}. That is
 * the whole redaction rule; there is no after-the-fact scrubbing to forget.
 */
final class ToolCall {
  /** What a redacted value is shown as. */
  static final String REDACTED = "<redacted>";

  private final String tool;
  private final List<String> args = new ArrayList<>();
  private final List<String> shown = new ArrayList<>();
  private String stdin;

  private ToolCall(String tool) {
    this.tool = tool;
  }

  /** A call of {@code tool} with the given leading arguments. */
  static ToolCall of(String tool, String... leading) {
    ToolCall call = new ToolCall(tool);
    for (String arg : leading) {
      call.arg(arg);
    }
    return call;
  }

  /** Appends an argument that is safe to show. */
  ToolCall arg(String arg) {
    Objects.requireNonNull(arg, () -> tool + ": argument must not be null");
    args.add(arg);
    shown.add(arg);
    return this;
  }

  /** Appends {@code key=value}; the shown argv has {@code key=<redacted>} when {@code redact}. */
  ToolCall assignment(String key, String value, boolean redact) {
    args.add(key + "=" + value);
    shown.add(key + "=" + (redact ? REDACTED : value));
    return this;
  }

  /** Sets the text written to the tool's stdin (which is otherwise closed at once). */
  ToolCall stdin(String text) {
    this.stdin = text;
    return this;
  }

  String tool() {
    return tool;
  }

  /** The arguments after the tool name, as the process receives them. */
  List<String> args() {
    return List.copyOf(args);
  }

  /** The full argv, tool name first, with secret-bearing values redacted. */
  List<String> shownArgv() {
    List<String> argv = new ArrayList<>(shown.size() + 1);
    argv.add(tool);
    argv.addAll(shown);
    return List.copyOf(argv);
  }

  /** This call as a {@link ToolTransport} receives it. */
  ToolRequest request() {
    return new ToolRequest(tool, args, java.util.Optional.ofNullable(stdin), shownArgv());
  }

  /** A call rebuilt from {@code request}, keeping its redacted argv. */
  static ToolCall from(ToolRequest request) {
    ToolCall call = new ToolCall(request.tool());
    call.args.addAll(request.args());
    call.shown.addAll(request.shownArgv().subList(1, request.shownArgv().size()));
    call.stdin = request.stdin().orElse(null);
    return call;
  }

  /** The stdin text, or {@code null} for none. */
  String stdinText() {
    return stdin;
  }
}
