package io.charmkit.coordinator.monolith;

import io.charmkit.coordinator.ClusterContext;
import io.charmkit.coordinator.CoordinatorCharm;
import io.charmkit.coordinator.CoordinatorEndpoints;
import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.coordinator.nginx.NginxLocation;
import io.charmkit.coordinator.nginx.NginxUpstream;
import io.charmkit.coordinator.ring.Memberlist;
import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkloadProcess;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A coordinator for a three-role product, "toy", that offers the monolithic fallback: the test
 * charm of {@link MonolithicFallbackTest}. It hands every Pebble write of a dispatch to a listener
 * (the test counts starts and stops with it).
 */
final class ToyCoordinatorCharm extends CoordinatorCharm {
  /** Toy's roles: {@code all} is read, write and backend, all three required. */
  static final RolesTable ROLES =
      RolesTable.builder("Toy")
          .meta("all", "read", "write", "backend")
          .minimal("read", "write", "backend")
          .build();

  /** Toy's HTTP port. */
  static final int HTTP_PORT = 3100;

  ToyCoordinatorCharm(
      Framework framework, HostEnvironment host, TlsSource tls, Consumer<List<String>> writes) {
    super(framework, ROLES, CoordinatorEndpoints.of("toy-cluster"), tls, host);
    observe(
        on().collectUnitStatus(),
        e -> writes.accept(model().journal().map(j -> j.writes()).orElse(List.of())));
  }

  /**
   * Toy running some roles: what a toy worker's layer and this coordinator both build on.
   *
   * @param role the role (the coordinator runs {@code all})
   * @return the process
   */
  static WorkloadProcess process(String role) {
    return WorkloadProcess.of(
        "toy",
        "toy",
        "toy process",
        "/bin/toy -config.file=" + WorkloadProcess.CONFIG_FILE + " -target=" + role);
  }

  @Override
  protected Optional<WorkloadProcess> monolithicProcess() {
    return Optional.of(process(MonolithicFallback.ROLE));
  }

  /** The ring, the bucket and the readers: enough to see who is in the cluster. */
  @Override
  protected String workerConfig(ClusterContext cluster) {
    StringBuilder yaml = new StringBuilder("memberlist:\n  join_members:\n");
    Memberlist.joinMembersWithPort(cluster.members().addresses())
        .forEach(m -> yaml.append("  - ").append(m).append('\n'));
    yaml.append("readers:\n");
    cluster.members().addressesOf("read").forEach(a -> yaml.append("  - ").append(a).append('\n'));
    yaml.append("storage:\n  bucket: ").append(cluster.s3().bucket()).append('\n');
    return yaml.toString();
  }

  @Override
  protected List<Integer> workerPorts(String role) {
    return List.of(HTTP_PORT, Memberlist.PORT);
  }

  @Override
  protected NginxConfig nginxConfig(String serverName, String resolver, boolean ipv6) {
    return new NginxConfig(
        serverName,
        List.of(new NginxUpstream("read", HTTP_PORT, "read")),
        new TreeMap<>(Map.of(8080, List.of(NginxLocation.proxy("/", "read")))),
        true,
        true,
        resolver,
        ipv6,
        false);
  }

  @Override
  protected Collection<Integer> coordinatorPorts() {
    return List.of(8080);
  }
}
