/**
 * The provider side of {@code prometheus_scrape}: a charm's scrape jobs, its Juju topology and its
 * alert rules for every related Prometheus, written as the {@code prometheus_scrape} library's
 * {@code MetricsEndpointProvider} writes them.
 */
package io.charmkit.interfaces.scrape;
