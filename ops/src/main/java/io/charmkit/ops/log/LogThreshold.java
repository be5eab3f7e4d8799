package io.charmkit.ops.log;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.event.Level;

/**
 * Which records are worth a {@code juju-log} process, decided from the environment once per
 * dispatch. See {@link JujuLogSink} for the rule.
 *
 * @param charm the lowest level forwarded for charm (and charmkit) loggers
 * @param problem a warning to log when {@code CHARMKIT_LOG_LEVEL} could not be read
 */
record LogThreshold(Level charm, Optional<String> problem) {
  /** The variable that sets the threshold explicitly. */
  static final String LEVEL_VARIABLE = "CHARMKIT_LOG_LEVEL";

  /** Logger-name prefixes of libraries held at WARN: their INFO chatter is not worth a process. */
  static final List<String> QUIET_PREFIXES =
      List.of("org.hibernate", "org.apache.hc", "com.fasterxml", "org.jboss");

  /** Reads the threshold from {@code CHARMKIT_LOG_LEVEL}, else {@code JUJU_DEBUG}, else INFO. */
  static LogThreshold from(Map<String, String> environment) {
    String configured = environment.get(LEVEL_VARIABLE);
    Optional<String> problem = Optional.empty();
    if (configured != null && !configured.isBlank()) {
      Optional<Level> level = parse(configured);
      if (level.isPresent()) {
        return new LogThreshold(level.get(), Optional.empty());
      }
      problem =
          Optional.of(
              LEVEL_VARIABLE
                  + "='"
                  + configured
                  + "' is not a log level (use TRACE, DEBUG, INFO, WARN or ERROR); ignoring it");
    }
    // JUJU_DEBUG is set (even empty) under `juju debug-code`/`debug-hooks`: show everything.
    Level level = environment.containsKey("JUJU_DEBUG") ? Level.TRACE : Level.INFO;
    return new LogThreshold(level, problem);
  }

  private static Optional<Level> parse(String text) {
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "TRACE" -> Optional.of(Level.TRACE);
      case "DEBUG" -> Optional.of(Level.DEBUG);
      case "INFO" -> Optional.of(Level.INFO);
      case "WARN", "WARNING" -> Optional.of(Level.WARN);
      case "ERROR" -> Optional.of(Level.ERROR);
      default -> Optional.empty();
    };
  }

  /** True for a logger of a library held at WARN ({@link #QUIET_PREFIXES}). */
  static boolean isQuiet(String loggerName) {
    for (String prefix : QUIET_PREFIXES) {
      if (loggerName.equals(prefix)
          || (loggerName.startsWith(prefix) && loggerName.charAt(prefix.length()) == '.')) {
        return true;
      }
    }
    return false;
  }

  /** Whether a record at {@code level} from a (quiet or not) logger passes. */
  boolean passes(Level level, boolean quiet) {
    int floor = quiet ? Math.max(charm.toInt(), Level.WARN.toInt()) : charm.toInt();
    return level.toInt() >= floor;
  }

  /** Juju's name for an SLF4J level. */
  static String jujuLevel(Level level) {
    return switch (level) {
      case ERROR -> "ERROR";
      case WARN -> "WARNING";
      case INFO -> "INFO";
      case DEBUG, TRACE -> "DEBUG";
    };
  }
}
