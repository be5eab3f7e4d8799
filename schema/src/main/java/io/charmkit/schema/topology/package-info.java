/** Juju topology: the full record and the subset that travels on cluster relations. */
package io.charmkit.schema.topology;
