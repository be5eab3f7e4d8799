/**
 * The provider side of {@code grafana_dashboard}: dashboards read from a charm's packaged
 * directory, given their stable UIDs and tags, compressed and encoded as cosl's {@code LZMABase64}
 * does, and sent to every related Grafana.
 */
package io.charmkit.interfaces.dashboard;
