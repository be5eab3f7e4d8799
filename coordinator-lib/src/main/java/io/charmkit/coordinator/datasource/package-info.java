/**
 * Grafana datasources of a coordinator: its side of {@code grafana_datasource} (registering itself
 * with Grafana and learning the UIDs Grafana assigned, WIRE.md §4.3), and telemetry correlation
 * over the datasources other charms share on {@code grafana_datasource_exchange}.
 *
 * <p>The {@code grafana_datasource} endpoint lives here rather than in {@code charmkit-interfaces}
 * because only coordinators use it so far; it depends on nothing coordinator-specific and can move.
 */
package io.charmkit.coordinator.datasource;
