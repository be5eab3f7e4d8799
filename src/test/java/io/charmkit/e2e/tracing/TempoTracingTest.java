package io.charmkit.e2e.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.e2e.cluster.ClusterProbe;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.SettleReport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stand-in traced application (the {@code examples/tracing-requirer} charm, on charmkit's tracing
 * requirer) related to the packaged Tempo coordinator over {@code tracing} v2 on the embedded Juju:
 * its request enables the receivers on the coordinator (ports opened) and it gets their URLs back.
 *
 * <p>Tempo publishes past the cluster gate, as the Python charm, so it gets a role-all worker and
 * the S3 stand-in. {@code settle()} returning at all is the no-flapping check.
 */
class TempoTracingTest {
  private static final String MODEL = "trc";
  private static final String FQDN = "tempo-0.tempo-endpoints." + MODEL + ".svc.cluster.local";

  private static void settle(EmbeddedJuju juju) {
    SettleReport report = juju.settle();
    assertThat(report.failed()).as(juju.status()).isEmpty();
  }

  private static String receiver(String name, String type, String url) {
    return "{\"protocol\": {\"name\": \""
        + name
        + "\", \"type\": \""
        + type
        + "\"}, \"url\": \""
        + url
        + "\"}";
  }

  @Test
  void aTracedApplicationGetsTheReceiversItAskedForAndTempoOpensTheirPorts() throws Exception {
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder().modelName(MODEL).images(UpstreamImages.all()).build()) {
      juju.deploy("s3", ClusterProbe.charm("s3-standin"), 1, Map.of());
      juju.deploy("tempo", ClusterProbe.charm("tempo-coordinator"), 1, Map.of());
      juju.deploy("tempo-worker", ClusterProbe.charm("tempo-worker"), 1, Map.of("role-all", true));
      juju.deploy("app", ClusterProbe.charm("tracing-requirer"), 1, Map.of());
      juju.relate("tempo:tempo-cluster", "tempo-worker:tempo-cluster");
      juju.relate("tempo:s3", "s3:s3-credentials");
      settle(juju);
      // Before anyone asks, only otlp_http (charm tracing needs it) is open among the receivers.
      assertThat(juju.openedPorts("tempo/0")).contains("4318/tcp").doesNotContain("4317/tcp");

      int tracing = juju.relate("app:tracing", "tempo:tracing");
      settle(juju);

      assertThat(juju.appData(tracing, "app"))
          .containsExactlyEntriesOf(Map.of("receivers", "[\"otlp_http\", \"otlp_grpc\"]"));
      assertThat(juju.appData(tracing, "tempo"))
          .containsExactlyEntriesOf(
              Map.of(
                  "receivers",
                  "["
                      + receiver("otlp_grpc", "grpc", FQDN + ":4317")
                      + ", "
                      + receiver("otlp_http", "http", "http://" + FQDN + ":4318")
                      + "]"));
      assertThat(juju.unitStatus("app/0").message())
          .as(juju.status())
          .isEqualTo("otlp_http=http://" + FQDN + ":4318 otlp_grpc=" + FQDN + ":4317");
      assertThat(juju.openedPorts("tempo/0")).contains("4317/tcp", "4318/tcp");
      assertThat(juju.unitStatus("tempo/0").status()).as(juju.status()).isEqualTo("active");
    }
  }
}
