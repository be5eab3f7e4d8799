package io.charmkit.interfaces.certificates;

import java.util.Collection;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a certificate is requested for: the subject's common name and the DNS names it must also
 * answer to.
 *
 * @param commonName the subject's common name, e.g. the application name
 * @param sansDns the DNS subject alternative names, sorted (a set: their order means nothing)
 */
public record CertificateRequest(String commonName, SortedSet<String> sansDns) {

  /** Checks the common name and copies the names into an unmodifiable sorted set. */
  public CertificateRequest {
    Objects.requireNonNull(commonName, "commonName");
    if (commonName.isBlank()) {
      throw new IllegalArgumentException("a certificate request needs a common name");
    }
    sansDns = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(sansDns));
  }

  /**
   * Returns a request for {@code commonName} and {@code sansDns}; blank names are left out.
   *
   * @param commonName the common name
   * @param sansDns the DNS names, in any order, duplicates allowed
   * @return the request
   */
  public static CertificateRequest of(String commonName, Collection<String> sansDns) {
    TreeSet<String> names = new TreeSet<>();
    for (String name : sansDns) {
      if (name != null && !name.isBlank()) {
        names.add(name);
      }
    }
    return new CertificateRequest(commonName, names);
  }
}
