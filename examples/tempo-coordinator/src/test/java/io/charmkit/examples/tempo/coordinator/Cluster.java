package io.charmkit.examples.tempo.coordinator;

import io.charmkit.coordinator.tls.ServerTls;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.testing.Container;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for the relations and states the coordinator tests start from. */
final class Cluster {
  static final String ENDPOINT = "tempo-cluster";

  /** A coordinator certificate, key and CA for TLS tests. */
  static final ServerTls TLS =
      new ServerTls(
          "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
          "-----BEGIN CERTIFICATE-----\nSERVER\n-----END CERTIFICATE-----",
          "-----BEGIN PRIVATE KEY-----\nTOPSECRETKEY\n-----END PRIVATE KEY-----");

  private Cluster() {}

  /** A worker application on the cluster endpoint, its role published and its units valid. */
  static Relation worker(int id, String app, String role, int units) {
    Map<Integer, Map<String, String>> bags = new LinkedHashMap<>();
    for (int n = 0; n < units; n++) {
      bags.put(n, unitBag(app, n));
    }
    return Relation.of(ENDPOINT)
        .withId(id)
        .withRemoteApp(app)
        .withRemoteAppData(Map.of("role", "\"" + role + "\""))
        .withRemoteUnitsData(bags);
  }

  /** A worker unit's bag as the Python worker writes it. */
  static Map<String, String> unitBag(String app, int n) {
    return Map.of(
        "juju_topology",
        "{\"application\": \""
            + app
            + "\", \"unit\": \""
            + app
            + "/"
            + n
            + "\", \"charm_name\": \"tempo-worker-k8s\"}",
        "address",
        "\"" + address(app, n) + "\"");
  }

  /** A worker unit's FQDN. */
  static String address(String app, int n) {
    return app + "-" + n + "." + app + "-endpoints.cos.svc.cluster.local";
  }

  /** An s3 relation whose provider sent {@code data}. */
  static Relation s3(int id, Map<String, String> data) {
    return Relation.of("s3").withId(id).withRemoteApp("s3-standin").withRemoteAppData(data);
  }

  /** A complete s3 relation. */
  static Relation s3Ready() {
    return s3(
        90,
        Map.of(
            "endpoint", "http://minio.cos.svc.cluster.local:9000",
            "bucket", "tempo",
            "access-key", "AKIA",
            "secret-key", "s3cr3t"));
  }

  /** A host whose FQDN is {@code fqdn}, with no IPv6, a fixed clock and no sleeping. */
  static HostEnvironment host(String fqdn) {
    return new HostEnvironment(
        () -> fqdn,
        Map.of(),
        () -> "10.152.183.10",
        () -> false,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
        d -> {
          throw new AssertionError("the coordinator never sleeps");
        });
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
            .container(Container.connected("nginx").withExecutables("/usr/sbin/nginx"))
            .container(
                Container.connected("nginx-prometheus-exporter")
                    .withExecutables("/usr/bin/nginx-prometheus-exporter"));
    new ArrayList<>(relations).forEach(state::relation);
    return state.build();
  }
}
