/**
 * The embedded Juju: runs packaged charms as real processes, the way Juju's unit agent does.
 *
 * <p>{@link io.charmkit.testing.juju.EmbeddedJuju} is the API; {@link
 * io.charmkit.testing.juju.EmbeddedJujuCli} runs scenario files from the command line. Hook tools
 * are bash scripts on {@code PATH} that forward each call over 127.0.0.1 to the in-JVM model, which
 * answers exactly as JUJU.md §7 describes and commits a hook's relation data, state, ports and
 * secrets only when {@code dispatch} exits 0. {@link io.charmkit.testing.juju.WorkloadContainers}
 * is the seam for serving Pebble to a unit's containers.
 */
package io.charmkit.testing.juju;
