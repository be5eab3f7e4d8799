package io.charmkit.ops.log;

import io.charmkit.ops.hooktools.HookTools;
import java.util.Map;
import java.util.Objects;

/**
 * Connects SLF4J logging to {@code juju-log} for one dispatch. The runtime calls {@link
 * #install(HookTools, Map)} once the hook tools exist and {@link #uninstall()} at the end.
 *
 * <p>Every forwarded record is a {@code juju-log} process, so what is forwarded is limited:
 *
 * <ul>
 *   <li><b>Threshold.</b> {@code CHARMKIT_LOG_LEVEL} ({@code TRACE}, {@code DEBUG}, {@code INFO},
 *       {@code WARN}/{@code WARNING} or {@code ERROR}, any case) sets the lowest level forwarded;
 *       it can lower the default or raise it. Without it, {@code JUJU_DEBUG} being set (as under
 *       {@code juju debug-code}) forwards everything, TRACE included; otherwise INFO and above are
 *       forwarded and DEBUG/TRACE records are dropped before they are even formatted. An unreadable
 *       {@code CHARMKIT_LOG_LEVEL} is reported once at install and ignored.
 *   <li><b>Libraries.</b> Loggers under {@code org.hibernate}, {@code org.apache.hc}, {@code
 *       com.fasterxml} and {@code org.jboss} forward only WARN and above (or the threshold, if
 *       higher), whatever the threshold, so their start-up INFO lines never cost a process.
 *   <li><b>Levels.</b> ERROR → {@code ERROR}, WARN → {@code WARNING}, INFO → {@code INFO}, DEBUG
 *       and TRACE → {@code DEBUG}. The message is the formatted text ({@code {}} placeholders
 *       filled), followed by the stack trace when a throwable is logged, as ops does.
 *   <li><b>Before install.</b> Records are buffered (the last 1000) and forwarded at install if
 *       they pass the threshold of the installed environment. Outside Juju (no {@code
 *       JUJU_CONTEXT_ID}, e.g. unit tests and tools) WARN and above also go to stderr at once;
 *       under Juju, where stderr lands in the unit log anyway, they wait for the sink and are
 *       printed to stderr at exit only if no sink ever took them.
 *   <li><b>Failures.</b> If {@code juju-log} fails, the record goes to stderr instead; logging
 *       never fails a hook. A hook-tool backend that logs while forwarding goes to stderr too.
 * </ul>
 */
public final class JujuLogSink {
  private static final LogRouter ROUTER = new LogRouter(System.getenv(), System.err);

  static {
    // Under Juju, warnings logged before a sink existed must not vanish with the process.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ROUTER::flushUndelivered, "charmkit-log-flush"));
  }

  private JujuLogSink() {}

  /**
   * Forwards records to {@code tools.jujuLog} from now on, with the threshold read from {@code
   * environment}, and forwards the records buffered so far. Installing again replaces the sink.
   *
   * @param tools the dispatch's hook tools
   * @param environment the dispatch's environment (production: {@link System#getenv()})
   */
  public static void install(HookTools tools, Map<String, String> environment) {
    ROUTER.install(
        Objects.requireNonNull(tools, "tools"), Objects.requireNonNull(environment, "environment"));
  }

  /** Stops forwarding (end of a dispatch); later records are buffered again. */
  public static void uninstall() {
    ROUTER.uninstall();
  }

  /**
   * Uninstalls, drops buffered records and re-reads the threshold from the process environment: for
   * tests that need a clean start.
   */
  public static void reset() {
    ROUTER.reset(System.getenv());
  }

  static LogRouter router() {
    return ROUTER;
  }
}
