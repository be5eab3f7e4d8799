package io.charmkit.testing;

import java.util.List;
import java.util.Optional;

/**
 * One hook-tool call a run made, as the production backend would have run it: the argv (tool name
 * first) and what went to stdin. Secret content never appears: files are shown as {@code
 * <key>#file=<private file>}.
 *
 * @param argv the tool name and its arguments
 * @param stdin what was written to stdin, if anything
 */
public record HookToolCall(List<String> argv, Optional<String> stdin) {

  /** Copies the argv. */
  public HookToolCall {
    argv = List.copyOf(argv);
  }

  /** The tool name, e.g. {@code relation-set}. */
  public String tool() {
    return argv.get(0);
  }

  /** The argv joined with spaces, stdin left out. */
  @Override
  public String toString() {
    return String.join(" ", argv);
  }
}
