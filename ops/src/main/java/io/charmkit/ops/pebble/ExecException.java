package io.charmkit.ops.pebble;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A command run through {@link PebbleClient#exec} exited with a non-zero code (ops' {@code
 * ExecError}). Carries the command, the exit code and both output streams; the message quotes the
 * start of each stream, so a failed hook's log says why the command failed.
 */
public class ExecException extends PebbleException {
  private static final long serialVersionUID = 1L;

  /** How much of each stream the message quotes; the full output is in {@link #output()}. */
  private static final int QUOTED = 1024;

  private final transient ExecOutput output;

  /** Creates the exception for the output of a command that exited non-zero. */
  public ExecException(ExecOutput output) {
    super(
        "non-zero exit code "
            + output.exitCode()
            + " executing "
            + output.command()
            + ", stdout="
            + quote(output.stdout())
            + ", stderr="
            + quote(output.stderr()));
    this.output = output;
  }

  /** The command that failed. */
  public List<String> command() {
    return output.command();
  }

  /** Its exit code; {@code -1} when Pebble reported none. */
  public int exitCode() {
    return output.exitCode();
  }

  /** What it printed on standard output, decoded as UTF-8. */
  public String stdout() {
    return output.stdoutText();
  }

  /** What it printed on standard error, decoded as UTF-8. */
  public String stderr() {
    return output.stderrText();
  }

  /** The full output, as bytes. */
  public ExecOutput output() {
    return output;
  }

  /** Java-escaped, double-quoted, abbreviated: a stray newline must not split the log line. */
  static String quote(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean cut = text.length() > QUOTED;
    if (cut) {
      text = text.substring(0, QUOTED);
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < ' ') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append(cut ? "…\"" : "\"").toString();
  }
}
