/**
 * The {@code tls-certificates} requirer (the charm library {@code tls_certificates} v4 in unit
 * mode): a private key kept in a Juju secret, a certificate signing request in the unit's bag, and
 * the certificate the provider signed for it, renewed before it expires and re-requested when
 * revoked.
 *
 * <p>BouncyCastle builds and reads the requests ({@link io.charmkit.interfaces.certificates.Pkix});
 * its classes load only when a certificates relation exists.
 */
package io.charmkit.interfaces.certificates;
