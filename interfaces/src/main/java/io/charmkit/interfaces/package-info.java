/** Typed relation endpoints: the cluster interfaces, grafana_datasource_exchange, Juju topology. */
package io.charmkit.interfaces;
