package io.charmkit.clustertesting;

import io.charmkit.testing.pebble.ContainerImage;
import io.charmkit.testing.pebble.WorkloadImages;

/**
 * The programs the upstream images of the coordinated-worker products provide (PRODUCTS.md), per
 * container name, for an embedded Juju: nginx and its exporter in the coordinator's containers,
 * each product's binary in the worker's. The worker images are Ubuntu-based rocks, so each also has
 * {@code update-ca-certificates} (a program that exits 0), which a worker runs once it holds the
 * cluster's CA. The in-process Pebbles start nothing an image does not provide, as a real unit
 * would not.
 */
public final class UpstreamImages {
  private static final String UPDATE_CA = "/usr/sbin/update-ca-certificates";

  private UpstreamImages() {}

  /**
   * Returns the images of every product's containers.
   *
   * @return a fresh table the caller may extend
   */
  public static WorkloadImages all() {
    return new WorkloadImages()
        .container("nginx", ContainerImage.of("/usr/sbin/nginx"))
        .container(
            "nginx-prometheus-exporter", ContainerImage.of("/usr/bin/nginx-prometheus-exporter"))
        .container("tempo", worker("/bin/tempo"))
        .container("pyroscope", worker("/usr/bin/pyroscope"))
        .container("loki", worker("/bin/loki"))
        .container("mimir", worker("/bin/mimir"));
  }

  private static ContainerImage worker(String binary) {
    return ContainerImage.of(binary).withExitingExecutable(UPDATE_CA, 0, "");
  }
}
