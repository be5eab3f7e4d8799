package io.charmkit.examples.tempo.coordinator;

import io.charmkit.coordinator.ring.Memberlist;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Tempo's ports (PRODUCTS.md §2.3) and which of them each worker and the coordinator open. */
public final class TempoPorts {

  /** The HTTP API port. */
  public static final int HTTP = 3200;

  /** The gRPC port (not Tempo's default 9095, which clashes with promtail). */
  public static final int GRPC = 9096;

  /** The coordinator's worker-telemetry proxy port. */
  public static final int TELEMETRY_PROXY = 3300;

  private TempoPorts() {}

  /**
   * Returns the {@code worker_ports} of a worker application: always memberlist and HTTP; the
   * requested receivers for {@code all} and {@code distributor}; gRPC for {@code all} and {@code
   * query-frontend}. A Tempo worker runs one role; should several be published, the ports of each
   * are united.
   *
   * @param role the application's raw {@code role} string, unexpanded
   * @param requested the requested receivers
   * @return the ports, ascending
   */
  public static List<Integer> workerPorts(String role, Collection<TempoReceiver> requested) {
    SortedSet<Integer> ports = new TreeSet<>(List.of(Memberlist.PORT, HTTP));
    for (String name : role.split(",", -1)) {
      if (name.equals("all") || name.equals("distributor")) {
        requested.forEach(receiver -> ports.add(receiver.port()));
      }
      if (name.equals("all") || name.equals("query-frontend")) {
        ports.add(GRPC);
      }
    }
    return List.copyOf(ports);
  }

  /**
   * Returns the ports the coordinator opens: memberlist, HTTP, gRPC, the requested receivers and
   * the telemetry proxy.
   *
   * @param requested the requested receivers
   * @return the ports, ascending
   */
  public static List<Integer> coordinatorPorts(Collection<TempoReceiver> requested) {
    SortedSet<Integer> ports = new TreeSet<>(List.of(Memberlist.PORT, HTTP, GRPC, TELEMETRY_PROXY));
    requested.forEach(receiver -> ports.add(receiver.port()));
    return List.copyOf(ports);
  }
}
