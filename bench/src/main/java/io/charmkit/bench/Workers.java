package io.charmkit.bench;

import io.charmkit.clustertesting.FixedHost;
import io.charmkit.clustertesting.WorkerRelations;
import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.s3.S3Config;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cluster every benchmark uses, so that in-process and process-level figures describe the same
 * deployment: {@value #APPS} Tempo worker applications with role {@code all}, the units dealt out
 * to them in turn ({@code worker-a/0}, {@code worker-b/0}, {@code worker-c/0}, {@code worker-a/1},
 * …), each unit's address the FQDN a Kubernetes pod has.
 */
public final class Workers {
  /** How many worker applications the units are spread over. */
  public static final int APPS = 3;

  /** The model the workers live in. */
  public static final String MODEL = "cos";

  /** The object storage every benchmark configures. */
  public static final S3Config S3 =
      new S3Config(
          "http://minio.cos.svc.cluster.local:9000", "tempo", "AKIA", "s3cr3t", null, null);

  /** The worker applications on the coordinator's {@code tempo-cluster} endpoint. */
  public static final WorkerRelations WORKERS =
      new WorkerRelations("tempo-cluster", "tempo-worker-k8s");

  private Workers() {}

  /** The name of the {@code i}-th worker application ({@code worker-a}, …). */
  public static String app(int i) {
    return "worker-" + (char) ('a' + i);
  }

  /** Units per application, for {@code units} units in all. */
  public static Map<String, Integer> unitsPerApp(int units) {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < APPS; i++) {
      counts.put(app(i), units / APPS + (i < units % APPS ? 1 : 0));
    }
    return counts;
  }

  /** A unit's FQDN, as the worker publishes it. */
  public static String address(String app, int n) {
    return FixedHost.podFqdn(app, n);
  }

  /** The members of a cluster of {@code units} workers, as the coordinator gathers them. */
  public static ClusterMembers members(int units) {
    List<WorkerBags> apps = new ArrayList<>();
    unitsPerApp(units)
        .forEach(
            (app, count) -> {
              Map<String, Map<String, String>> bags = new TreeMap<>();
              for (int n = 0; n < count; n++) {
                bags.put(app + "/" + n, unitBag(app, n));
              }
              apps.add(new WorkerBags(0, Optional.of(app), Map.of("role", "\"all\""), bags));
            });
    return ClusterMembers.of(ClusterView.read("tempo-cluster", RolesTable.TEMPO, apps));
  }

  /** A worker unit's bag as the Python worker writes it. */
  public static Map<String, String> unitBag(String app, int n) {
    return WORKERS.unitBag(app, n);
  }

  /** A worker application's bag. */
  public static Map<String, String> appBag() {
    return Map.of("role", "\"all\"");
  }
}
