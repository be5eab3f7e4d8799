/**
 * Fixtures for state-transition tests of coordinated-workers charms: the cluster relation as each
 * side receives it, with the other side's databags written through the schema's codecs ({@link
 * io.charmkit.clustertesting.WorkerRelations} for a coordinator under test, {@link
 * io.charmkit.clustertesting.WorkerUnderTest} for a worker under test), and a {@link
 * io.charmkit.clustertesting.FixedHost} that depends on nothing of the machine running the test.
 *
 * <p>Every fixture places the units in the model {@code cos}, with the pod FQDNs Kubernetes gives
 * them there, so that tests can state the exact addresses they expect.
 */
package io.charmkit.clustertesting;
