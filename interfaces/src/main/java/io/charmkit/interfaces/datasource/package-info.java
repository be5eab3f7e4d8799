/**
 * The {@code grafana_datasource_exchange} interface (WIRE.md §4): datasources shared between
 * telemetry charms for correlation.
 */
package io.charmkit.interfaces.datasource;
