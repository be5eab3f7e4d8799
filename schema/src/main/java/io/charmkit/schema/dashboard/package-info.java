/**
 * The {@code grafana_dashboard} interface (v0), as the {@code grafana_dashboard} charm library's
 * {@code GrafanaDashboardProvider} (LIBPATCH 44) writes it: one application-bag key, {@code
 * dashboards}, holding every dashboard compressed (xz) and base64-encoded.
 */
package io.charmkit.schema.dashboard;
