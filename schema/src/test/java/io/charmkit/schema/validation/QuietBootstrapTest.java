package io.charmkit.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.schema.cluster.WorkerAppData;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Building the validator prints nothing: a hook's stderr ends up in Juju's debug log, and the
 * Hibernate Validator banner there is noise. This needs a fresh JVM, since the validator is built
 * once per process.
 */
class QuietBootstrapTest {

  /** Validates one bag, in a process of its own, and prints what it read. */
  public static void main(String[] args) {
    WorkerAppData data = WorkerAppData.CODEC.read(Map.of("role", "\"all\""), "");
    try {
      WorkerAppData.CODEC.read(Map.of("role", "\"\""), "");
    } catch (DatabagValidationException expected) {
      System.out.println(expected.getMessage());
    }
    System.out.println(data.role());
  }

  @Test
  void firstValidationWritesNothingToStderr() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    QuietBootstrapTest.class.getName()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor()).isZero();
    assertThat(new String(err, StandardCharsets.UTF_8)).isEmpty();
    assertThat(new String(out, StandardCharsets.UTF_8))
        .isEqualTo("role: must name at least one role\nall\n");
  }
}
