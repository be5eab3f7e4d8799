/**
 * The {@code tracing} interface, version 2: {@link io.charmkit.interfaces.tracing.TracingProvider}
 * for a trace backend (the Tempo coordinator), {@link
 * io.charmkit.interfaces.tracing.TracingRequirer} for any charm that sends traces. Wire-compatible
 * with the Python {@code tracing} charm library.
 */
package io.charmkit.interfaces.tracing;
