package io.charmkit.ops.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Message formatting, and the provider wired into SLF4J through META-INF/services. */
class JujuLoggerTest {
  final RecordingTools recording = new RecordingTools();

  @BeforeEach
  @AfterEach
  void clean() {
    JujuLogSink.reset();
  }

  @Test
  void slf4jFindsThisProvider() {
    assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(JujuLoggerFactory.class);
  }

  @Test
  void charmLoggersForwardThroughTheInstalledSink() {
    Logger log = LoggerFactory.getLogger("io.example.MyCharm");
    JujuLogSink.install(recording.tools(), Map.of());

    log.info("reconciling {} units", 3);
    JujuLogSink.uninstall();
    log.info("after the dispatch");

    assertThat(recording.logs).containsExactly(List.of("INFO", "reconciling 3 units"));
  }

  @Test
  void placeholdersAreFilledBySlf4jRules() {
    assertThat(JujuLogger.format("{} of {}", new Object[] {1, "two"}, null)).isEqualTo("1 of two");
    assertThat(JujuLogger.format("escaped \\{} and {}", new Object[] {"x"}, null))
        .isEqualTo("escaped {} and x");
    assertThat(JujuLogger.format("missing {}", new Object[] {}, null)).isEqualTo("missing {}");
    assertThat(JujuLogger.format("array {}", new Object[] {new int[] {1, 2}}, null))
        .isEqualTo("array [1, 2]");
  }

  @Test
  void aThrowableAddsItsStackTraceAfterTheMessage() {
    JujuLogSink.install(recording.tools(), Map.of());
    Logger log = LoggerFactory.getLogger("io.example.MyCharm");
    IllegalStateException failure =
        new IllegalStateException("no s3", new IllegalArgumentException("bad endpoint"));

    log.error("cannot configure {}", "tempo", failure);

    assertThat(recording.logs).hasSize(1);
    String message = recording.logs.get(0).get(1);
    assertThat(recording.logs.get(0).get(0)).isEqualTo("ERROR");
    assertThat(message)
        .startsWith("cannot configure tempo\njava.lang.IllegalStateException: no s3\n\tat ")
        .contains("Caused by: java.lang.IllegalArgumentException: bad endpoint")
        .contains(JujuLoggerTest.class.getName())
        .doesNotEndWith("\n");
  }

  @Test
  void debugMakesNoToolCallByDefault() {
    JujuLogSink.install(recording.tools(), Map.of());

    LoggerFactory.getLogger("io.example.MyCharm").debug("details {}", "x");

    assertThat(recording.calls).isEmpty();
  }
}
