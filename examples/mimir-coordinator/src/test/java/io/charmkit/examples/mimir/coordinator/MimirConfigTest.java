package io.charmkit.examples.mimir.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker configuration the Mimir coordinator renders (PRODUCTS.md §5.3). */
class MimirConfigTest {

  private static final S3Config S3 =
      new S3Config("http://s3.example:9000", "metrics", "AK", "SK", "us-east-1", List.of());
  private static final String LABEL = MimirConfig.clusterLabel("cos", "uuid-1", "mimir");

  private static ClusterMembers members(WorkerBags... apps) {
    return ClusterMembers.of(ClusterView.read("mimir-cluster", RolesTable.MIMIR, List.of(apps)));
  }

  private static String render(ClusterMembers members, MimirSettings settings, boolean tls) {
    return new MimirConfig(members, S3, tls, settings, LABEL, List.of()).render();
  }

  /** read + write + backend, one unit each: the smallest coherent split. */
  private static ClusterMembers readWriteBackend() {
    return members(
        WorkerBags.of("read", "read", "read-0.svc"),
        WorkerBags.of("write", "write", "write-0.svc"),
        WorkerBags.of("backend", "backend", "backend-0.svc"));
  }

  @Test
  void readWriteBackendOneUnitEach() {
    String expected = "TODO";
    assertThat(render(readWriteBackend(), MimirSettings.DEFAULTS, false)).isEqualTo(expected);
  }
}
