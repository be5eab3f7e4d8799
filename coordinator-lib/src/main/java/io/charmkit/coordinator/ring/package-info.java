/** The products' hash rings: memberlist gossip membership and replication factors. */
package io.charmkit.coordinator.ring;
