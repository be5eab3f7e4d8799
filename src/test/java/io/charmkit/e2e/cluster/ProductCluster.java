package io.charmkit.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.WorkloadStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One product's coordinated cluster on an embedded Juju, deployed from the packaged example charms
 * as the cluster tests all start: the coordinator {@code <product>} (from {@code
 * <product>-coordinator}) related to the S3 stand-in {@code s3}, then worker applications from
 * {@code <product>-worker}, each related on {@code <product>-cluster}. It remembers which worker
 * applications are deployed, so that tests can look at all their units.
 *
 * <p>The cluster tests create it as a field: with {@code @TestInstance(PER_CLASS)} the one test
 * instance, and so the one model, is made before the first step and closed in {@code @AfterAll}.
 */
final class ProductCluster implements AutoCloseable {
  private final EmbeddedJuju juju;
  private final ClusterProbe probe;
  private final String product;
  private final Path workerCharm;
  private final List<String> workerApps = new ArrayList<>();

  private ProductCluster(EmbeddedJuju juju, String model, String product) {
    this.juju = juju;
    this.probe = new ClusterProbe(juju, model, product);
    this.product = product;
    this.workerCharm = ClusterProbe.charm(product + "-worker");
  }

  /**
   * Deploys the coordinator of {@code product} and the S3 stand-in, related, in model {@code model}
   * whose containers hold {@link UpstreamImages#all()}.
   *
   * @param product the product, e.g. {@code loki}: the coordinator's application and container name
   * @param model the model's name
   * @return the cluster, without workers
   * @throws UncheckedIOException if the model cannot be set up; the test class then fails as a
   *     failed {@code @BeforeAll} would
   */
  static ProductCluster deploy(String product, String model) {
    return deploy(product, model, UnaryOperator.identity());
  }

  /**
   * As {@link #deploy(String, String)}, with the model's builder adjusted first (a model UUID,
   * other images).
   *
   * @param product the product
   * @param model the model's name
   * @param adjust applied to the builder after the name and upstream images are set
   * @return the cluster, without workers
   */
  static ProductCluster deploy(
      String product, String model, UnaryOperator<EmbeddedJuju.Builder> adjust) {
    EmbeddedJuju juju;
    try {
      juju =
          adjust
              .apply(EmbeddedJuju.builder().modelName(model).images(UpstreamImages.all()))
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProductCluster cluster = new ProductCluster(juju, model, product);
    juju.deploy(product, ClusterProbe.charm(product + "-coordinator"), 1, Map.of());
    juju.deploy("s3", ClusterProbe.charm("s3-standin"), 1, Map.of());
    juju.relate(product + ":s3", "s3");
    return cluster;
  }

  /** The embedded Juju the cluster runs on. */
  EmbeddedJuju juju() {
    return juju;
  }

  /** The probe of this cluster's workers, whose workload container is named for the product. */
  ClusterProbe probe() {
    return probe;
  }

  /**
   * Deploys one unit of a worker application with {@code config} and relates it to the
   * coordinator's cluster endpoint.
   *
   * @param app the worker application's name
   * @param config its config, e.g. {@code role-all: true}
   * @return the cluster relation's id
   */
  int deployWorker(String app, Map<String, ?> config) {
    juju.deploy(app, workerCharm, 1, config);
    workerApps.add(app);
    return juju.relate(product + ":" + product + "-cluster", app + ":" + product + "-cluster");
  }

  /** Removes a worker application, relation and all. */
  void removeWorker(String app) {
    juju.removeApplication(app);
    workerApps.remove(app);
  }

  /** The deployed worker applications, in the order they were deployed. */
  List<String> workerApps() {
    return List.copyOf(workerApps);
  }

  /** Every unit of every deployed worker application. */
  List<String> workerUnits() {
    return probe.unitsOf(workerApps);
  }

  /** The coordinator unit's workload status. */
  WorkloadStatus coordinatorStatus() {
    return juju.unitStatus(product + "/0");
  }

  /** Asserts that every worker unit opened exactly {@code ports} (e.g. {@code 3100/tcp}). */
  void assertEveryWorkerOpened(String... ports) {
    for (String unit : workerUnits()) {
      assertThat(juju.openedPorts(unit))
          .as("ports opened by %s", unit)
          .containsExactlyInAnyOrder(ports);
    }
  }

  /** The coordinator's {@code /etc/nginx/nginx.conf}. */
  String nginxConf() {
    try {
      return Files.readString(
          juju.containerRoot(product + "/0", "nginx").resolve("etc/nginx/nginx.conf"),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the embedded Juju's figures and closes it. */
  @Override
  public void close() throws IOException {
    System.out.println(juju.figures());
    juju.close();
  }
}
