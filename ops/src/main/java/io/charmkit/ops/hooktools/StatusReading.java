package io.charmkit.ops.hooktools;

/**
 * What {@code status-get} reports for this unit or application.
 *
 * @param status {@code active}, {@code blocked}, {@code maintenance}, {@code waiting}, {@code
 *     error} or {@code unknown}
 * @param message the message, empty when none
 */
public record StatusReading(String status, String message) {}
