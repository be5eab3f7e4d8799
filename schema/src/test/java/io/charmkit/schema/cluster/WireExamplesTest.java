package io.charmkit.schema.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.schema.RawBags;
import io.charmkit.schema.topology.WorkerTopology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every raw cluster databag of WIRE.md §3.8, byte for byte, in both directions. */
class WireExamplesTest {

  private static final String TEMPO_WORKER_APP =
      """
      role: "all"
      """;

  private static final String PYROSCOPE_WORKER_APP =
      """
      role: "querier,query-frontend"
      """;

  private static final String WORKER_UNIT =
      """
      egress-subnets: 10.1.64.12/32
      ingress-address: 10.1.64.12
      private-address: 10.1.64.12
      address: "tempo-worker-0.tempo-worker-endpoints.cos.svc.cluster.local"
      juju_topology: {"application": "tempo-worker", "unit": "tempo-worker/0", "charm_name": "tempo-worker-k8s"}
      """;

  private static final String COORDINATOR_TLS_ON =
      """
      worker_config: "memberlist:\\n  abort_if_cluster_join_fails: false\\n  bind_port: 7946\\n  join_members:\\n  - tempo-worker-0.tempo-worker-endpoints.cos.svc.cluster.local:7946\\n  - tempo-worker-1.tempo-worker-endpoints.cos.svc.cluster.local:7946\\nserver:\\n  grpc_listen_port: 9096\\n  http_listen_port: 3200\\n"
      loki_endpoints: {"loki/0": "http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push"}
      charm_tracing_receivers: {"otlp_http": "https://tempo.cos.svc.cluster.local:4318"}
      workload_tracing_receivers: {"otlp_http": "https://tempo.cos.svc.cluster.local:4318"}
      remote_write_endpoints: [{"url": "http://prometheus-0.prometheus-endpoints.cos.svc.cluster.local:9090/api/v1/write"}]
      worker_ports: [7946, 3200, 4318, 9096]
      ca_cert: "-----BEGIN CERTIFICATE-----\\nMIIB...\\n-----END CERTIFICATE-----"
      server_cert: "-----BEGIN CERTIFICATE-----\\nMIIC...\\n-----END CERTIFICATE-----"
      privkey_secret_id: "secret://6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4/d0jq8t3mp25c7b9ofmsg"
      s3_tls_ca_chain: "-----BEGIN CERTIFICATE-----\\nMIID...\\n-----END CERTIFICATE-----\\n\\n-----BEGIN CERTIFICATE-----\\nMIIE...\\n-----END CERTIFICATE-----"
      worker_labels: {"app.kubernetes.io/part-of": "tempo"}
      """;

  private static final String COORDINATOR_TLS_OFF =
      """
      worker_config: "server:\\n  http_listen_port: 3200\\n"
      loki_endpoints: {}
      charm_tracing_receivers: {}
      workload_tracing_receivers: {}
      worker_ports: [7946, 3200, 4318, 9096]
      worker_labels: {"app.kubernetes.io/part-of": "tempo"}
      """;

  private static final CoordinatorAppData TLS_ON_MODEL =
      CoordinatorAppData.builder(
              "memberlist:\n"
                  + "  abort_if_cluster_join_fails: false\n"
                  + "  bind_port: 7946\n"
                  + "  join_members:\n"
                  + "  - tempo-worker-0.tempo-worker-endpoints.cos.svc.cluster.local:7946\n"
                  + "  - tempo-worker-1.tempo-worker-endpoints.cos.svc.cluster.local:7946\n"
                  + "server:\n"
                  + "  grpc_listen_port: 9096\n"
                  + "  http_listen_port: 3200\n")
          .lokiEndpoints(
              Map.of(
                  "loki/0",
                  "http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push"))
          .charmTracingReceivers(Map.of("otlp_http", "https://tempo.cos.svc.cluster.local:4318"))
          .workloadTracingReceivers(Map.of("otlp_http", "https://tempo.cos.svc.cluster.local:4318"))
          .remoteWriteEndpoints(
              List.of(
                  new RemoteWriteEndpoint(
                      "http://prometheus-0.prometheus-endpoints.cos.svc.cluster.local:9090/api/v1/write")))
          .workerPorts(List.of(7946, 3200, 4318, 9096))
          .tls(
              "-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----",
              "-----BEGIN CERTIFICATE-----\nMIIC...\n-----END CERTIFICATE-----",
              "secret://6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4/d0jq8t3mp25c7b9ofmsg")
          .s3TlsCaChain(
              "-----BEGIN CERTIFICATE-----\nMIID...\n-----END CERTIFICATE-----\n\n"
                  + "-----BEGIN CERTIFICATE-----\nMIIE...\n-----END CERTIFICATE-----")
          .workerLabels(Map.of("app.kubernetes.io/part-of", "tempo"))
          .build();

  private static final CoordinatorAppData TLS_OFF_MODEL =
      CoordinatorAppData.builder("server:\n  http_listen_port: 3200\n")
          .lokiEndpoints(Map.of())
          .charmTracingReceivers(Map.of())
          .workloadTracingReceivers(Map.of())
          .workerPorts(List.of(7946, 3200, 4318, 9096))
          .workerLabels(Map.of("app.kubernetes.io/part-of", "tempo"))
          .build();

  @Test
  void tempoWorkerAppBag() {
    Map<String, String> bag = RawBags.parse(TEMPO_WORKER_APP);
    assertThat(WorkerAppData.CODEC.read(bag, "")).isEqualTo(new WorkerAppData("all"));
    assertThat(WorkerAppData.CODEC.write(WorkerAppData.of(List.of("all")))).isEqualTo(bag);
  }

  @Test
  void pyroscopeWorkerAppBagWithTwoRoles() {
    Map<String, String> bag = RawBags.parse(PYROSCOPE_WORKER_APP);
    WorkerAppData model = WorkerAppData.CODEC.read(bag, "");
    assertThat(model.roles()).containsExactly("querier", "query-frontend");
    assertThat(WorkerAppData.CODEC.write(WorkerAppData.of(List.of("querier", "query-frontend"))))
        .isEqualTo(bag);
  }

  @Test
  void workerUnitBagKeepsJujusOwnKeys() {
    Map<String, String> bag = RawBags.parse(WORKER_UNIT);
    WorkerUnitData expected =
        new WorkerUnitData(
            new WorkerTopology("tempo-worker", "tempo-worker/0", "tempo-worker-k8s"),
            "tempo-worker-0.tempo-worker-endpoints.cos.svc.cluster.local");
    assertThat(WorkerUnitData.CODEC.read(bag, "")).isEqualTo(expected);

    Map<String, String> jujuOnly =
        Map.of(
            "egress-subnets", "10.1.64.12/32",
            "ingress-address", "10.1.64.12",
            "private-address", "10.1.64.12");
    assertThat(WorkerUnitData.CODEC.writeInto(jujuOnly, expected)).isEqualTo(bag);
    assertThat(WorkerUnitData.CODEC.write(expected))
        .containsOnlyKeys("address", "juju_topology")
        .containsEntry("juju_topology", bag.get("juju_topology"))
        .containsEntry("address", bag.get("address"));
  }

  @Test
  void coordinatorBagWithEveryOptionalField() {
    Map<String, String> bag = RawBags.parse(COORDINATOR_TLS_ON);
    assertThat(CoordinatorAppData.CODEC.read(bag, "")).isEqualTo(TLS_ON_MODEL);
    assertThat(CoordinatorAppData.CODEC.write(TLS_ON_MODEL)).containsExactlyEntriesOf(bag);
  }

  @Test
  void coordinatorBagWithoutTlsDeletesTheAbsentKeysAndNeverWritesNull() {
    Map<String, String> bag = RawBags.parse(COORDINATOR_TLS_OFF);
    assertThat(CoordinatorAppData.CODEC.read(bag, "")).isEqualTo(TLS_OFF_MODEL);

    Map<String, String> changes = CoordinatorAppData.CODEC.write(TLS_OFF_MODEL);
    assertThat(changes)
        .containsEntry("remote_write_endpoints", "")
        .containsEntry("ca_cert", "")
        .containsEntry("server_cert", "")
        .containsEntry("privkey_secret_id", "")
        .containsEntry("s3_tls_ca_chain", "");
    assertThat(changes.values()).doesNotContain("null");
    // Writing over the TLS-on bag leaves exactly the TLS-off bag, in field order.
    assertThat(CoordinatorAppData.CODEC.writeInto(RawBags.parse(COORDINATOR_TLS_ON), TLS_OFF_MODEL))
        .containsExactlyEntriesOf(bag);
  }

  @Test
  void theEscapingExample() {
    WorkerUnitData model =
        new WorkerUnitData(new WorkerTopology("a", "a/0", "c"), "café \uD83D\uDE00 \t \"");
    assertThat(WorkerUnitData.CODEC.write(model).get("address"))
        .isEqualTo("\"caf\\u00e9 \\ud83d\\ude00 \\t \\\"\"");
    assertThat(WorkerUnitData.CODEC.read(WorkerUnitData.CODEC.write(model), "")).isEqualTo(model);
  }
}
