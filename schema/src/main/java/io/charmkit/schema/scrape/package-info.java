/**
 * The {@code prometheus_scrape} interface (v0), as the {@code prometheus_scrape} charm library's
 * {@code MetricsEndpointProvider} (LIBPATCH 53) writes it: the provider's application bag (its Juju
 * topology, its scrape jobs and its alert rules, each a JSON document) and its unit bag (the unit's
 * address, path and name, raw text).
 */
package io.charmkit.schema.scrape;
