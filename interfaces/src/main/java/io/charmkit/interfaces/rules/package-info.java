/**
 * Alerting and recording rules as the COS libraries forward them: rule files read from a charm's
 * packaged directory, and the Juju topology injected into each rule's labels and into the metric
 * selectors of its PromQL expression.
 */
package io.charmkit.interfaces.rules;
