/**
 * Juju topology for charms: validated construction from the running unit and the label forms that
 * metrics, logs, alert rules and traces use. The record itself is {@link
 * io.charmkit.schema.topology.JujuTopology}.
 */
package io.charmkit.interfaces.topology;
