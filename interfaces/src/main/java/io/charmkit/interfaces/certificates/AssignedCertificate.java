package io.charmkit.interfaces.certificates;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The certificate a provider signed for this unit's request, with what a server needs to serve it.
 *
 * @param certificate the certificate (PEM)
 * @param ca the issuing CA's certificate (PEM)
 * @param chain the chain as the provider sent it, leaf first (PEM each); may be empty
 * @param privateKey the key the request was made with (PEM, PKCS#1); never logged
 * @param notAfter when the certificate expires
 */
public record AssignedCertificate(
    String certificate, String ca, List<String> chain, String privateKey, Instant notAfter) {

  /** Checks that every part is present and copies the chain. */
  public AssignedCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(notAfter, "notAfter");
    chain = List.copyOf(chain);
  }

  /**
   * Returns this certificate with another private key.
   *
   * @param key the key (PEM)
   * @return the copy
   */
  public AssignedCertificate withKey(String key) {
    return new AssignedCertificate(certificate, ca, chain, key, notAfter);
  }

  /** Leaves the private key out, so that it never reaches a log. */
  @Override
  public String toString() {
    return "AssignedCertificate[certificate="
        + certificate.length()
        + " chars, ca="
        + ca.length()
        + " chars, chain="
        + chain.size()
        + ", notAfter="
        + notAfter
        + ", privateKey=<redacted>]";
  }
}
