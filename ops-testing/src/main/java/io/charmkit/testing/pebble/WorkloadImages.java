package io.charmkit.testing.pebble;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which image each application's workload containers run, for the embedded Juju's simulated
 * Pebbles: declared per container name (every application whose charm has that container, as a
 * charm's default image resource does) or per application and container (which wins). A container
 * not declared here runs {@link ContainerImage#empty()}, in which no service starts. Changing an
 * image later (a fixed image resource, an upgrade) takes effect at the next start of a service, as
 * a new image does on a real unit.
 *
 * <pre>{@code
 * WorkloadImages images = new WorkloadImages()
 *     .container("nginx", ContainerImage.of("/usr/sbin/nginx"))
 *     .set("tempo-worker", "tempo", ContainerImage.of("/bin/tempo"));
 * EmbeddedJuju juju = EmbeddedJuju.builder().images(images).build();
 * }</pre>
 */
public final class WorkloadImages {
  /** The images by application ({@code *} for every one) and container name. */
  private final Map<List<String>, ContainerImage> images = new ConcurrentHashMap<>();

  /** Declares the image of every application's container named {@code container}. */
  public WorkloadImages container(String container, ContainerImage image) {
    images.put(List.of("*", container), image);
    return this;
  }

  /** Declares the image of {@code application}'s container {@code container}. */
  public WorkloadImages set(String application, String container, ContainerImage image) {
    images.put(List.of(application, container), image);
    return this;
  }

  /** The image of {@code application}'s container, empty when none was declared. */
  public ContainerImage get(String application, String container) {
    ContainerImage shared = images.getOrDefault(List.of("*", container), ContainerImage.empty());
    return images.getOrDefault(List.of(application, container), shared);
  }
}
