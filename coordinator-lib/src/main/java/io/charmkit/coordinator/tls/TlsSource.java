package io.charmkit.coordinator.tls;

import java.util.List;
import java.util.Optional;

/**
 * Where the coordinator gets its certificate from. The coordinator base asks once per dispatch; an
 * empty answer means TLS is off (plain HTTP on nginx, no TLS keys in the cluster bag).
 *
 * <p>A charm plugs in whatever it obtains certificates with (a tls-certificates requirer, a
 * certificate stored in a secret, a test fixture). {@link #NONE} is TLS off.
 */
@FunctionalInterface
public interface TlsSource {

  /** No certificate: TLS is off. */
  TlsSource NONE = Optional::empty;

  /**
   * Returns the current certificate, CA and key.
   *
   * @return the material; empty while there is none
   */
  Optional<ServerTls> current();

  /**
   * Returns what keeps TLS off that an operator must fix (e.g. a provider's malformed certificate),
   * one status line each, naming the relation and the field.
   *
   * @return the problems; empty by default
   */
  default List<String> problems() {
    return List.of();
  }
}
