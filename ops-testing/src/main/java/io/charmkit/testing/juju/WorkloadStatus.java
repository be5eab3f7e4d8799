package io.charmkit.testing.juju;

/**
 * A workload status as {@code juju status} shows it: {@code active}, {@code blocked}, {@code
 * maintenance}, {@code waiting}, {@code unknown}, or {@code error} while a failed hook holds the
 * unit.
 *
 * @param status the status name
 * @param message the message, empty when none was set
 */
public record WorkloadStatus(String status, String message) {}
