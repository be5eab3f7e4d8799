/** The grafana_datasource_exchange interface: datasources shared for telemetry correlation. */
package io.charmkit.schema.datasource;
