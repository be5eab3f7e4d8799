package io.charmkit.ops.log;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link JujuLogger} per name, all routed through the process-wide {@link LogRouter}. */
final class JujuLoggerFactory implements ILoggerFactory {
  private final LogRouter router;
  private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

  JujuLoggerFactory(LogRouter router) {
    this.router = router;
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, n -> new JujuLogger(n, router));
  }
}
