package io.charmkit.ops.log;

import io.charmkit.ops.hooktools.HookToolException;
import io.charmkit.ops.hooktools.HookTools;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * Where log records go: to {@code juju-log} through an installed {@link HookTools}, or, before one
 * is installed, into a bounded buffer (and, outside Juju, WARN and above to stderr at once). The
 * rules are documented on {@link JujuLogSink}; this class holds the state so it can be tested
 * without the process-wide singleton.
 */
final class LogRouter {
  /** How many records are kept while no sink is installed; the oldest go first. */
  static final int BUFFER_LIMIT = 1000;

  /** One formatted record. */
  record Entry(Level level, String logger, boolean quiet, String message) {}

  private final PrintStream stderr;
  private final boolean echoWhileDetached;
  private final Deque<Entry> buffer = new ArrayDeque<>();
  private final ThreadLocal<Boolean> forwarding = ThreadLocal.withInitial(() -> false);
  private volatile LogThreshold threshold;
  private HookTools tools;
  private int dropped;
  private boolean failureReported;

  /**
   * Creates a router.
   *
   * @param processEnvironment the JVM's environment: the threshold until a sink is installed, and
   *     whether we run under Juju ({@code JUJU_CONTEXT_ID}), where stderr is the unit log and early
   *     warnings wait for the sink rather than being printed twice
   * @param stderr where records go when {@code juju-log} is unavailable
   */
  LogRouter(Map<String, String> processEnvironment, PrintStream stderr) {
    this.stderr = stderr;
    this.echoWhileDetached = !processEnvironment.containsKey("JUJU_CONTEXT_ID");
    this.threshold = LogThreshold.from(processEnvironment);
  }

  /** Whether a record is worth formatting at all. */
  boolean isEnabled(Level level, boolean quiet) {
    return threshold.passes(level, quiet);
  }

  /** Routes one record that passed {@link #isEnabled}. */
  synchronized void log(Entry entry) {
    if (tools == null) {
      if (buffer.size() == BUFFER_LIMIT) {
        buffer.removeFirst();
        dropped++;
      }
      buffer.addLast(entry);
      if (echoWhileDetached && entry.level().toInt() >= Level.WARN.toInt()) {
        stderr.println(plain(entry));
      }
      return;
    }
    forward(entry);
  }

  /** Starts forwarding to {@code newTools}, with the threshold of {@code environment}. */
  synchronized void install(HookTools newTools, Map<String, String> environment) {
    this.tools = newTools;
    this.threshold = LogThreshold.from(environment);
    this.failureReported = false;
    threshold.problem().ifPresent(p -> forward(new Entry(Level.WARN, "charmkit", false, p)));
    if (dropped > 0) {
      forward(
          new Entry(
              Level.WARN,
              "charmkit",
              false,
              dropped
                  + " log records from before juju-log was available were dropped (only the last "
                  + BUFFER_LIMIT
                  + " are kept)"));
    }
    List<Entry> early = new ArrayList<>(buffer);
    buffer.clear();
    dropped = 0;
    for (Entry entry : early) {
      if (threshold.passes(entry.level(), entry.quiet())) {
        forward(entry);
      }
    }
  }

  /** Stops forwarding; later records are buffered again. The threshold stays as installed. */
  synchronized void uninstall() {
    tools = null;
  }

  /** Forgets everything: no sink, an empty buffer, the threshold of {@code environment}. */
  synchronized void reset(Map<String, String> environment) {
    tools = null;
    buffer.clear();
    dropped = 0;
    failureReported = false;
    threshold = LogThreshold.from(environment);
  }

  /**
   * Prints buffered WARN+ records that never reached a sink and were not echoed (under Juju), so a
   * dispatch that dies before installing one still leaves its warnings in the unit log.
   */
  synchronized void flushUndelivered() {
    if (tools == null && !echoWhileDetached) {
      for (Entry entry : buffer) {
        if (entry.level().toInt() >= Level.WARN.toInt()) {
          stderr.println(plain(entry));
        }
      }
    }
    buffer.clear();
  }

  /** Records currently buffered (for tests). */
  synchronized List<Entry> buffered() {
    return List.copyOf(buffer);
  }

  private void forward(Entry entry) {
    if (forwarding.get()) {
      // The hook-tool backend itself logged while we were calling it: never loop.
      stderr.println(plain(entry));
      return;
    }
    forwarding.set(true);
    try {
      tools.jujuLog(LogThreshold.jujuLevel(entry.level()), entry.message());
    } catch (RuntimeException e) {
      // Logging must never fail the hook: the record goes to stderr, which Juju also keeps.
      if (!failureReported) {
        failureReported = true;
        stderr.println("juju-log failed, logging to stderr instead: " + describe(e));
      }
      stderr.println(plain(entry));
    } finally {
      forwarding.set(false);
    }
  }

  private static String describe(RuntimeException e) {
    if (e instanceof HookToolException tool) {
      if (tool.exitCode() == -1) {
        // Not started (e.g. not on PATH): the message says why and holds no argv.
        return tool.getMessage();
      }
      // Otherwise the full message repeats the argv, i.e. the log message itself.
      String err = tool.stderr().strip();
      return "exit " + tool.exitCode() + (err.isEmpty() ? "" : ": " + err);
    }
    return e.toString();
  }

  private static String plain(Entry entry) {
    return LogThreshold.jujuLevel(entry.level()) + " " + entry.logger() + ": " + entry.message();
  }
}
