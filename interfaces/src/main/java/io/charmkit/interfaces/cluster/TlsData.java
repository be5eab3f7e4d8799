package io.charmkit.interfaces.cluster;

import java.util.Objects;

/**
 * The TLS material a coordinator gives its workers (WIRE.md §3.3, §3.5).
 *
 * @param caCert the CA certificate (PEM)
 * @param serverCert the coordinator leader's certificate (PEM)
 * @param privateKey the private key (PEM), read from the Juju secret the coordinator named
 */
public record TlsData(String caCert, String serverCert, String privateKey) {

  /** Checks every part is present. */
  public TlsData {
    Objects.requireNonNull(caCert, "caCert");
    Objects.requireNonNull(serverCert, "serverCert");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /** Leaves the private key out, so that it never reaches a log. */
  @Override
  public String toString() {
    return "TlsData[caCert="
        + caCert.length()
        + " chars, serverCert="
        + serverCert.length()
        + " chars, privateKey=<redacted>]";
  }
}
