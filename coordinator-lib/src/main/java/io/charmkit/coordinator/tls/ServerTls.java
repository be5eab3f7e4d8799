package io.charmkit.coordinator.tls;

import java.util.Objects;

/**
 * The coordinator's TLS material: what nginx serves with and what the workers receive (PRODUCTS.md
 * §1.5, WIRE.md §3.3, §3.5). The certificate and CA travel in the cluster bag; the private key only
 * in a Juju secret.
 *
 * @param caCert the CA certificate (PEM)
 * @param serverCert the coordinator's certificate (PEM)
 * @param privateKey the certificate's private key (PEM); never logged, never put in a databag
 */
public record ServerTls(String caCert, String serverCert, String privateKey) {

  /** Checks that every part is present and not blank. */
  public ServerTls {
    requireText(caCert, "caCert");
    requireText(serverCert, "serverCert");
    requireText(privateKey, "privateKey");
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /** Leaves the private key out, so that it never reaches a log. */
  @Override
  public String toString() {
    return "ServerTls[caCert="
        + caCert.length()
        + " chars, serverCert="
        + serverCert.length()
        + " chars, privateKey=<redacted>]";
  }
}
