package io.charmkit.schema.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the command line, with what it printed.
 *
 * @param status the exit status
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CliRun(int status, String out, String err) {

  /** Where the test inputs live, relative to the module (the tests' working directory). */
  static final String RESOURCES = "src/test/resources/cli/";

  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        CharmkitCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Validates a file under {@link #RESOURCES}. */
  static CliRun validate(String iface, String file) {
    return of("validate", iface, RESOURCES + file);
  }

  /** Returns the lines {@code validate} prints, each prefixed with the file's path as given. */
  static String report(String file, String... lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(RESOURCES).append(file).append(line).append('\n');
    }
    return text.toString();
  }
}
