package io.charmkit.ops.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.hooktools.HookToolException;
import io.charmkit.ops.hooktools.ProcessHookTools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** What is forwarded to juju-log, when, and what happens when it cannot be. */
class LogRouterTest {
  private static final Map<String, String> OUTSIDE_JUJU = Map.of();
  private static final Map<String, String> UNDER_JUJU = Map.of("JUJU_CONTEXT_ID", "ctx-1");

  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final RecordingTools recording = new RecordingTools();

  LogRouter router(Map<String, String> processEnvironment) {
    return new LogRouter(processEnvironment, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  static Logger logger(LogRouter router, String name) {
    return new JujuLoggerFactory(router).getLogger(name);
  }

  @Nested
  class Levels {
    @Test
    void slf4jLevelsMapToJujuLevels() {
      LogRouter router = router(OUTSIDE_JUJU);
      router.install(recording.tools(), Map.of("JUJU_DEBUG", ""));
      Logger log = logger(router, "charm");

      log.error("e");
      log.warn("w");
      log.info("i");
      log.debug("d");
      log.trace("t");

      assertThat(recording.logs)
          .containsExactly(
              List.of("ERROR", "e"),
              List.of("WARNING", "w"),
              List.of("INFO", "i"),
              List.of("DEBUG", "d"),
              List.of("DEBUG", "t"));
    }

    @Test
    void debugAndTraceAreDroppedByDefaultWithoutFormattingOrAnyToolCall() {
      LogRouter router = router(OUTSIDE_JUJU);
      router.install(recording.tools(), Map.of());
      Logger log = logger(router, "charm");
      Object expensive =
          new Object() {
            @Override
            public String toString() {
              throw new AssertionError("a dropped record must not be formatted");
            }
          };

      log.debug("state {}", expensive);
      log.trace("state {}", expensive);
      log.atDebug().addArgument(expensive).log("state {}");

      assertThat(log.isDebugEnabled()).isFalse();
      assertThat(recording.calls).isEmpty();
    }

    @Test
    void charmkitLogLevelDebugForwardsDebugButNotTrace() {
      LogRouter router = router(OUTSIDE_JUJU);
      router.install(recording.tools(), Map.of("CHARMKIT_LOG_LEVEL", "debug"));
      Logger log = logger(router, "charm");

      log.debug("d");
      log.trace("t");

      assertThat(recording.logs).containsExactly(List.of("DEBUG", "d"));
    }

    @Test
    void charmkitLogLevelTraceForwardsTrace() {
      LogRouter router = router(OUTSIDE_JUJU);
      router.install(recording.tools(), Map.of("CHARMKIT_LOG_LEVEL", "TRACE"));

      logger(router, "charm").trace("t");

      assertThat(recording.logs).containsExactly(List.of("DEBUG", "t"));
    }

    @Test
    void charmkitLogLevelCanRaiseTheThreshold() {
      LogRouter router = router(OUTSIDE_JUJU);
      router.install(recording.tools(), Map.of("CHARMKIT_LOG_LEVEL", "WARNING"));
      Logger log = logger(router, "charm");

      log.info("i");
      log.warn("w");

      assertThat(recording.logs).containsExactly(List.of("WARNING", "w"));
    }

    @Test
    void charmkitLogLevelWinsOverJujuDebug() {
      LogRouter router = router(OUTSIDE_JUJU);
      router.install(recording.tools(), Map.of("JUJU_DEBUG", "1", "CHARMKIT_LOG_LEVEL", "ERROR"));
      Logger log = logger(router, "charm");

      log.debug("d");
      log.warn("w");
      log.error("e");

      assertThat(recording.logs).containsExactly(List.of("ERROR", "e"));
    }

    @Test
    void anUnreadableLevelIsReportedOnceAndIgnored() {
      LogRouter router = router(OUTSIDE_JUJU);
      router.install(recording.tools(), Map.of("CHARMKIT_LOG_LEVEL", "loud"));
      Logger log = logger(router, "charm");

      log.debug("d");
      log.info("i");

      assertThat(recording.logs)
          .containsExactly(
              List.of(
                  "WARNING",
                  "CHARMKIT_LOG_LEVEL='loud' is not a log level (use TRACE, DEBUG, INFO, WARN or"
                      + " ERROR); ignoring it"),
              List.of("INFO", "i"));
    }
  }

  @Nested
  class ThirdPartyLoggers {
    @Test
    void librariesForwardOnlyWarningsEvenWhenDebugging() {
      LogRouter router = router(OUTSIDE_JUJU);
      router.install(recording.tools(), Map.of("JUJU_DEBUG", ""));

      for (String name :
          List.of(
              "org.hibernate.validator.internal.util.Version",
              "org.apache.hc.client5.http.impl.classic.InternalHttpClient",
              "com.fasterxml.jackson.databind",
              "org.jboss.logging",
              "org.hibernate")) {
        Logger log = logger(router, name);
        log.info("info from " + name);
        log.debug("debug from " + name);
        log.warn("warn from " + name);
      }

      assertThat(recording.logs).extracting(l -> l.get(0)).containsOnly("WARNING").hasSize(5);
    }

    @Test
    void onlyWholePackagePrefixesAreQuiet() {
      assertThat(LogThreshold.isQuiet("org.hibernatex.Foo")).isFalse();
      assertThat(LogThreshold.isQuiet("org.apache.hcx")).isFalse();
      assertThat(LogThreshold.isQuiet("com.fasterxml")).isTrue();
      assertThat(LogThreshold.isQuiet("io.charmkit.ops")).isFalse();
    }

    @Test
    void aHigherCharmThresholdAlsoAppliesToLibraries() {
      LogRouter router = router(OUTSIDE_JUJU);
      router.install(recording.tools(), Map.of("CHARMKIT_LOG_LEVEL", "ERROR"));

      logger(router, "org.apache.hc.core5").warn("w");

      assertThat(recording.calls).isEmpty();
    }
  }

  @Nested
  class BeforeInstall {
    @Test
    void recordsAreBufferedAndForwardedInOrderOnInstall() {
      LogRouter router = router(UNDER_JUJU);
      Logger log = logger(router, "charm");
      log.info("first");
      log.warn("second");
      log.debug("dropped: below the process threshold");

      assertThat(recording.calls).isEmpty();
      router.install(recording.tools(), Map.of());

      assertThat(recording.logs)
          .containsExactly(List.of("INFO", "first"), List.of("WARNING", "second"));
      assertThat(router.buffered()).isEmpty();
    }

    @Test
    void bufferedRecordsMustPassTheInstalledThreshold() {
      LogRouter router = router(Map.of("JUJU_CONTEXT_ID", "c", "JUJU_DEBUG", ""));
      Logger log = logger(router, "charm");
      log.debug("d");
      log.info("i");

      router.install(recording.tools(), Map.of("CHARMKIT_LOG_LEVEL", "INFO"));

      assertThat(recording.logs).containsExactly(List.of("INFO", "i"));
    }

    @Test
    void theBufferIsBoundedAndSaysHowManyWereDropped() {
      LogRouter router = router(UNDER_JUJU);
      Logger log = logger(router, "charm");
      for (int i = 0; i < LogRouter.BUFFER_LIMIT + 5; i++) {
        log.info("record {}", i);
      }

      router.install(recording.tools(), Map.of());

      assertThat(recording.logs).hasSize(LogRouter.BUFFER_LIMIT + 1);
      assertThat(recording.logs.get(0))
          .containsExactly(
              "WARNING",
              "5 log records from before juju-log was available were dropped (only the last 1000"
                  + " are kept)");
      assertThat(recording.logs.get(1)).containsExactly("INFO", "record 5");
      assertThat(recording.logs.get(LogRouter.BUFFER_LIMIT)).containsExactly("INFO", "record 1004");
    }

    @Test
    void outsideJujuWarningsAlsoGoToStderrAtOnce() {
      LogRouter router = router(OUTSIDE_JUJU);
      Logger log = logger(router, "tool.Main");

      log.info("quiet");
      log.warn("careful {}", 1);
      log.error("broken");

      assertThat(stderr()).isEqualTo("WARNING tool.Main: careful 1\nERROR tool.Main: broken\n");
    }

    @Test
    void underJujuWarningsWaitAndReachStderrOnlyIfNoSinkEverTookThem() {
      LogRouter router = router(UNDER_JUJU);
      Logger log = logger(router, "charm");
      log.info("i");
      log.warn("w");

      assertThat(stderr()).isEmpty();
      router.flushUndelivered();

      assertThat(stderr()).isEqualTo("WARNING charm: w\n");
    }

    @Test
    void nothingIsPrintedAtExitOnceASinkTookTheRecords() {
      LogRouter router = router(UNDER_JUJU);
      logger(router, "charm").warn("w");
      router.install(recording.tools(), Map.of());

      router.flushUndelivered();

      assertThat(stderr()).isEmpty();
      assertThat(recording.logs).containsExactly(List.of("WARNING", "w"));
    }

    @Test
    void afterUninstallRecordsAreBufferedAgain() {
      LogRouter router = router(UNDER_JUJU);
      router.install(recording.tools(), Map.of());
      router.uninstall();

      logger(router, "charm").info("late");

      assertThat(recording.calls).isEmpty();
      assertThat(router.buffered()).extracting(LogRouter.Entry::message).containsExactly("late");
    }

    @Test
    void resetForgetsTheSinkAndTheBuffer() {
      LogRouter router = router(UNDER_JUJU);
      logger(router, "charm").info("old");
      router.install(recording.tools(), Map.of("JUJU_DEBUG", ""));

      router.reset(Map.of());
      logger(router, "charm").debug("d");
      logger(router, "charm").info("i");

      assertThat(recording.logs).containsExactly(List.of("INFO", "old"));
      assertThat(router.buffered()).extracting(LogRouter.Entry::message).containsExactly("i");
    }
  }

  @Nested
  class Failures {
    @Test
    void aFailingJujuLogFallsBackToStderrAndNeverThrows() {
      LogRouter router = router(UNDER_JUJU);
      recording.failure =
          new HookToolException(
              "juju-log", List.of("juju-log", "--log-level", "INFO", "--", "x"), 1, "ERROR boom\n");
      router.install(recording.tools(), Map.of());
      Logger log = logger(router, "charm");

      log.info("one");
      log.error("two");

      assertThat(stderr())
          .isEqualTo(
              "juju-log failed, logging to stderr instead: exit 1: ERROR boom\n"
                  + "INFO charm: one\n"
                  + "ERROR charm: two\n");
    }

    @Test
    void aMissingJujuLogFallsBackToStderr() {
      LogRouter router = router(UNDER_JUJU);
      router.install(new ProcessHookTools(Map.of("PATH", "/nonexistent")), Map.of());

      logger(router, "charm").warn("still visible");

      assertThat(stderr())
          .isEqualTo(
              "juju-log failed, logging to stderr instead: hook tool juju-log is not on PATH"
                  + " (/nonexistent); is this process running under Juju?\n"
                  + "WARNING charm: still visible\n");
    }

    @Test
    void aBackendThatLogsWhileForwardingDoesNotLoop() {
      LogRouter router = router(UNDER_JUJU);
      Logger inner = logger(router, "backend");
      recording.onLog = (level, message) -> inner.warn("backend saw {}", message);
      router.install(recording.tools(), Map.of());

      logger(router, "charm").info("hello");

      assertThat(recording.logs).containsExactly(List.of("INFO", "hello"));
      assertThat(stderr()).isEqualTo("WARNING backend: backend saw hello\n");
    }
  }
}
