package io.charmkit.testing.pebble;

import java.nio.charset.StandardCharsets;

/**
 * Stands in for a program in the test Pebble's container ({@link PebbleServer#onExec}): it reads
 * the call's stdin, writes its stdout and stderr, and returns the exit code. It runs on its own
 * thread; when the exec's timeout passes it is interrupted and the exec fails as Pebble's does.
 */
@FunctionalInterface
public interface ExecHandler {

  /**
   * Runs the command.
   *
   * @return the exit code
   * @throws Exception to make the exec's change fail with the exception as its reason
   */
  int run(ExecCall call) throws Exception;

  /** A handler that prints {@code stdout} and {@code stderr} and exits with {@code exitCode}. */
  static ExecHandler output(int exitCode, String stdout, String stderr) {
    byte[] out = stdout.getBytes(StandardCharsets.UTF_8);
    byte[] err = stderr.getBytes(StandardCharsets.UTF_8);
    return call -> {
      call.stdout().write(out);
      call.stderr().write(err);
      return exitCode;
    };
  }

  /** A handler that prints {@code stdout} and succeeds. */
  static ExecHandler ok(String stdout) {
    return output(0, stdout, "");
  }
}
