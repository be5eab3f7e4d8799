package io.charmkit.examples.tempo.coordinator;

import io.charmkit.clustertesting.FixedHost;
import io.charmkit.clustertesting.NginxContainers;
import io.charmkit.clustertesting.S3Bucket;
import io.charmkit.clustertesting.WorkerRelations;
import io.charmkit.coordinator.tls.ServerTls;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders for the relations and states the coordinator tests start from. */
final class Cluster {
  static final String ENDPOINT = "tempo-cluster";

  /** The worker applications on {@link #ENDPOINT}, their units as tempo-worker-k8s writes them. */
  static final WorkerRelations WORKERS = new WorkerRelations(ENDPOINT, "tempo-worker-k8s");

  /** A coordinator certificate, key and CA for TLS tests. */
  static final ServerTls TLS =
      new ServerTls(
          "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
          "-----BEGIN CERTIFICATE-----\nSERVER\n-----END CERTIFICATE-----",
          "-----BEGIN PRIVATE KEY-----\nTOPSECRETKEY\n-----END PRIVATE KEY-----");

  private Cluster() {}

  /** A worker application on the cluster endpoint, its role published and its units valid. */
  static Relation worker(int id, String app, String role, int units) {
    return WORKERS.relation(id, app, role, units);
  }

  /** A worker unit's bag as the Python worker writes it. */
  static Map<String, String> unitBag(String app, int n) {
    return WORKERS.unitBag(app, n);
  }

  /** A worker unit's FQDN. */
  static String address(String app, int n) {
    return FixedHost.podFqdn(app, n);
  }

  /** An s3 relation whose provider sent {@code data}. */
  static Relation s3(int id, Map<String, String> data) {
    return Relation.of("s3").withId(id).withRemoteApp("s3-standin").withRemoteAppData(data);
  }

  /** A complete s3 relation. */
  static Relation s3Ready() {
    return new S3Bucket("http://minio.cos.svc.cluster.local:9000", "tempo", "AKIA", "s3cr3t")
        .relation(90, "s3-standin");
  }

  /** A host whose FQDN is {@code fqdn}, with no IPv6, a fixed clock and no sleeping. */
  static HostEnvironment host(String fqdn) {
    return FixedHost.of(fqdn);
  }

  /** A leader with both containers reachable and the given relations, in this order. */
  static State leaderWith(Relation... relations) {
    return with(true, List.of(relations));
  }

  /** A unit with both containers reachable and the given relations, in this order. */
  static State with(boolean leader, List<Relation> relations) {
    State.Builder state =
        State.builder()
            .leader(leader)
            .container(NginxContainers.NGINX)
            .container(NginxContainers.EXPORTER);
    new ArrayList<>(relations).forEach(state::relation);
    return state.build();
  }
}
