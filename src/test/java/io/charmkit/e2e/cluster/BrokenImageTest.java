package io.charmkit.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.WorkloadStatus;
import io.charmkit.testing.pebble.ContainerImage;
import io.charmkit.testing.pebble.WorkloadImages;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Tempo cluster whose nginx and worker images lack their programs (a wrong image, a binary that
 * is not there): every hook still succeeds, the coordinator still publishes the cluster config, the
 * units say what is wrong in a Blocked status, and fixing the images brings the cluster to Active
 * on the next events with no operator action (issue 12; PEBBLE.md "Workload faults").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokenImageTest {
  private static final String MODEL = "broken-image";
  private static final String COORDINATOR = "tempo";
  private static final String WORKER = "tempo-worker";

  private final WorkloadImages images = brokenImages();
  private final ProductCluster tempo =
      ProductCluster.deploy(COORDINATOR, MODEL, model -> model.images(images));
  private final EmbeddedJuju juju = tempo.juju();
  private final ClusterProbe probe = tempo.probe();
  private int cluster;

  /** The upstream images, but the coordinator's nginx and the worker's tempo hold nothing. */
  private static WorkloadImages brokenImages() {
    WorkloadImages images = UpstreamImages.all();
    images.set(COORDINATOR, "nginx", ContainerImage.empty());
    images.set(WORKER, "tempo", ContainerImage.empty());
    return images;
  }

  @BeforeAll
  void deployWorker() {
    cluster = tempo.deployWorker(WORKER, Map.of("role-all", true));
  }

  @AfterAll
  void tearDown() throws IOException {
    tempo.close();
  }

  @Test
  @Order(1)
  void brokenImagesBlockWithPebblesReasonAndNoHookFails() {
    probe.settleCleanAndQuiet();

    WorkloadStatus coordinator = juju.unitStatus(COORDINATOR + "/0");
    assertThat(coordinator.status()).isEqualTo("blocked");
    assertThat(coordinator.message())
        .startsWith("[nginx] service \"nginx\" failed to start:")
        .contains("executable file not found in $PATH");
    WorkloadStatus worker = juju.unitStatus(WORKER + "/0");
    assertThat(worker.status()).isEqualTo("blocked");
    assertThat(worker.message())
        .startsWith("[tempo] service \"tempo\" failed to start:")
        .contains("/bin/tempo");
    // The coordinator still configures the cluster; the worker still holds what it was given.
    assertThat(juju.appData(cluster, COORDINATOR)).containsKey("worker_config");
    assertThat(probe.configText(WORKER + "/0")).contains("memberlist");
  }

  @Test
  @Order(2)
  void fixingTheImagesBringsTheClusterToActiveOnTheNextEvents() {
    images.set(COORDINATOR, "nginx", ContainerImage.of("/usr/sbin/nginx"));
    images.set(WORKER, "tempo", ContainerImage.of("/bin/tempo"));

    juju.updateStatus();
    probe.settleCleanAndQuiet();

    for (String unit : List.of(COORDINATOR + "/0", WORKER + "/0")) {
      assertThat(juju.unitStatus(unit).status()).as(unit).isEqualTo("active");
    }
  }
}
