/**
 * The databags of the {@code tls-certificates} interface (charm-relation-interfaces {@code
 * tls_certificates} v1, written as the charm library {@code tls_certificates} v4 writes them): the
 * requirer's certificate signing requests and the provider's certificates.
 */
package io.charmkit.schema.certificates;
