/**
 * The coordinator's self-monitoring, as coordinated-workers' {@code Coordinator} does it: scrape
 * jobs for nginx's exporter on every coordinator unit and for every worker unit, and the
 * coordinator's and its workers' alert rules, each localised to its own application.
 */
package io.charmkit.coordinator.monitoring;
