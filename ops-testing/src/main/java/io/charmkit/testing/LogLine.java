package io.charmkit.testing;

/**
 * One {@code juju-log} call.
 *
 * @param level {@code DEBUG}, {@code INFO}, {@code WARNING}, {@code ERROR} or {@code CRITICAL}
 * @param message the message
 */
public record LogLine(String level, String message) {}
