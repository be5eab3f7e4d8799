package io.charmkit.schema.cli;

/**
 * The document is not valid YAML or JSON: where the parser stopped and why, in one sentence.
 *
 * <p>Unchecked so that it can leave the parser's callbacks; {@link CharmkitCli} turns it into a
 * report line, never a stack trace.
 */
final class SyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;

  /**
   * Creates the exception.
   *
   * @param format {@code YAML} or {@code JSON}
   * @param line the line the parser stopped at, 1-based
   * @param column the column, 1-based
   * @param problem the parser's description, e.g. {@code expected <block end>, but found ','}
   */
  SyntaxException(String format, int line, int column, String problem) {
    super(
        "not valid "
            + format
            + " at line "
            + line
            + ", column "
            + column
            + ": "
            + oneLine(problem));
    this.line = line;
  }

  /** Returns the line the parser stopped at, 1-based. */
  int line() {
    return line;
  }

  private static String oneLine(String text) {
    return text == null ? "the parser stopped" : text.strip().replaceAll("\\s*\\n\\s*", " ");
  }
}
