package io.charmkit.ops.hooktools;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One hook-tool invocation as a {@link ToolTransport} receives it.
 *
 * @param tool the tool's name, e.g. {@code relation-get}
 * @param args the arguments after the tool name, exactly as the process receives them
 * @param stdin what goes to the tool's stdin (empty: stdin is closed at once)
 * @param shownArgv the full argv, tool name first, with secret-bearing values redacted: the only
 *     form that may appear in an exception or a log
 */
public record ToolRequest(
    String tool, List<String> args, Optional<String> stdin, List<String> shownArgv) {

  /** Copies the lists. */
  public ToolRequest {
    Objects.requireNonNull(tool, "tool");
    args = List.copyOf(args);
    Objects.requireNonNull(stdin, "stdin");
    shownArgv = List.copyOf(shownArgv);
  }
}
