package io.charmkit.ops.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that hands records to the {@link LogRouter}. Level checks come first and are
 * cheap, so a dropped DEBUG record costs no formatting and no process.
 */
final class JujuLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient LogRouter router;
  private final boolean quiet;

  JujuLogger(String name, LogRouter router) {
    this.name = name;
    this.router = router;
    this.quiet = LogThreshold.isQuiet(name);
  }

  @Override
  public boolean isTraceEnabled() {
    return router.isEnabled(Level.TRACE, quiet);
  }

  @Override
  public boolean isDebugEnabled() {
    return router.isEnabled(Level.DEBUG, quiet);
  }

  @Override
  public boolean isInfoEnabled() {
    return router.isEnabled(Level.INFO, quiet);
  }

  @Override
  public boolean isWarnEnabled() {
    return router.isEnabled(Level.WARN, quiet);
  }

  @Override
  public boolean isErrorEnabled() {
    return router.isEnabled(Level.ERROR, quiet);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    router.log(new LogRouter.Entry(level, name, quiet, format(pattern, arguments, throwable)));
  }

  /** The message with {@code {}} filled in and, as Python's logging does, the stack trace after. */
  static String format(String pattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    if (message == null) {
      message = "null";
    }
    if (throwable == null) {
      return message;
    }
    StringWriter trace = new StringWriter();
    try (PrintWriter out = new PrintWriter(trace)) {
      throwable.printStackTrace(out);
    }
    return message + "\n" + trace.toString().stripTrailing();
  }
}
