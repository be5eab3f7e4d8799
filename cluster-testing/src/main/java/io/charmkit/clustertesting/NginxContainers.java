package io.charmkit.clustertesting;

import io.charmkit.testing.Container;
import io.charmkit.testing.State;

/**
 * The two containers every coordinator runs besides its own: {@code nginx} and {@code
 * nginx-prometheus-exporter}, reachable, their images holding the upstream binaries.
 */
public final class NginxContainers {
  /** The {@code nginx} container, its image holding {@code /usr/sbin/nginx}. */
  public static final Container NGINX =
      Container.connected("nginx").withExecutables("/usr/sbin/nginx");

  /** The {@code nginx-prometheus-exporter} container, its image holding the exporter. */
  public static final Container EXPORTER =
      Container.connected("nginx-prometheus-exporter")
          .withExecutables("/usr/bin/nginx-prometheus-exporter");

  private NginxContainers() {}

  /**
   * Adds both containers to {@code state}.
   *
   * @param state the state being built
   * @return {@code state}
   */
  public static State.Builder addTo(State.Builder state) {
    return state.container(NGINX).container(EXPORTER);
  }

  /**
   * Returns a leader's state with both containers.
   *
   * @return the builder, to add relations and config to
   */
  public static State.Builder leader() {
    return addTo(State.builder().leader(true));
  }
}
