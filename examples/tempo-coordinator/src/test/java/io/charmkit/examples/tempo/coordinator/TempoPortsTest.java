package io.charmkit.examples.tempo.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TempoPortsTest {

  private static final Set<TempoReceiver> OTLP_ONLY = EnumSet.of(TempoReceiver.OTLP_HTTP);

  @Test
  void everyRoleOpensMemberlistAndHttp() {
    for (String role : List.of("querier", "ingester", "compactor", "metrics-generator")) {
      assertThat(TempoPorts.workerPorts(role, EnumSet.allOf(TempoReceiver.class)))
          .as(role)
          .containsExactly(3200, 7946);
    }
  }

  @Test
  void distributorsOpenTheRequestedReceivers() {
    assertThat(TempoPorts.workerPorts("distributor", OTLP_ONLY)).containsExactly(3200, 4318, 7946);
    assertThat(
            TempoPorts.workerPorts(
                "distributor",
                EnumSet.of(
                    TempoReceiver.ZIPKIN, TempoReceiver.JAEGER_GRPC, TempoReceiver.OTLP_HTTP)))
        .containsExactly(3200, 4318, 7946, 9411, 14250);
  }

  @Test
  void queryFrontendsOpenGrpc() {
    assertThat(TempoPorts.workerPorts("query-frontend", OTLP_ONLY))
        .containsExactly(3200, 7946, 9096);
  }

  @Test
  void allOpensReceiversAndGrpc() {
    assertThat(TempoPorts.workerPorts("all", EnumSet.allOf(TempoReceiver.class)))
        .containsExactly(3200, 4317, 4318, 7946, 9096, 9411, 14250, 14268);
  }

  @Test
  void theCoordinatorOpensTheApiTheRingTheReceiversAndTheProxy() {
    assertThat(TempoPorts.coordinatorPorts(OTLP_ONLY))
        .containsExactly(3200, 3300, 4318, 7946, 9096);
  }

  @Test
  void otlpHttpIsAlwaysRequested() {
    assertThat(TempoReceiver.requested(List.of(), List.of()))
        .containsExactly(TempoReceiver.OTLP_HTTP);
    assertThat(
            TempoReceiver.requested(List.of("zipkin", "bogus"), List.of(TempoReceiver.JAEGER_GRPC)))
        .containsExactly(TempoReceiver.ZIPKIN, TempoReceiver.OTLP_HTTP, TempoReceiver.JAEGER_GRPC);
  }

  @Test
  void receiversHaveTheReferencePortsAndUpstreamNames() {
    assertThat(TempoReceiver.ZIPKIN.port()).isEqualTo(9411);
    assertThat(TempoReceiver.OTLP_GRPC.port()).isEqualTo(4317);
    assertThat(TempoReceiver.OTLP_HTTP.port()).isEqualTo(4318);
    assertThat(TempoReceiver.JAEGER_THRIFT_HTTP.port()).isEqualTo(14268);
    assertThat(TempoReceiver.JAEGER_GRPC.port()).isEqualTo(14250);
    assertThat(TempoReceiver.JAEGER_THRIFT_HTTP.upstream()).isEqualTo("jaeger-thrift-http");
  }
}
