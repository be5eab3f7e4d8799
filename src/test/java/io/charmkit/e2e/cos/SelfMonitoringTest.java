package io.charmkit.e2e.cos;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.ops.pebble.LogTarget;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.SettleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged Tempo coordinator's self-monitoring relations on the embedded Juju, against the COS
 * stand-in ({@code examples/cos-standin}) deployed three times as Loki (two units), a catalogue and
 * Traefik: the coordinator's containers and the worker's forward their logs to both Loki units
 * through Pebble log targets, switched off when the relation goes; the catalogue gets Tempo's entry
 * with Traefik's URL; Traefik gets a route per Tempo port.
 */
class SelfMonitoringTest {
  private static final String MODEL = "cos-e2e";
  private static final String LOKI_0 =
      "http://loki-0.loki-endpoints." + MODEL + ".svc.cluster.local:3100/loki/api/v1/push";
  private static final String LOKI_1 =
      "http://loki-1.loki-endpoints." + MODEL + ".svc.cluster.local:3100/loki/api/v1/push";

  private static Path example(String name) {
    Path examples = Path.of(System.getProperty("charmkit.examples", "../../examples"));
    Path dir = examples.resolve(name).resolve("target/charm");
    if (!Files.exists(dir)) {
      dir = examples.resolve(name).resolve("charm");
    }
    return dir.toAbsolutePath().normalize();
  }

  private static void settle(EmbeddedJuju juju) {
    SettleReport report = juju.settle();
    assertThat(report.failed()).as(juju.status()).isEmpty();
  }

  private static Map<String, LogTarget> logTargets(
      EmbeddedJuju juju, String unit, String container) {
    try (PebbleClient pebble =
        PebbleClient.forContainer(
            container,
            Map.of(
                "CHARMKIT_CONTAINERS_DIR", juju.unitDir(unit).resolve("containers").toString()))) {
      return pebble.plan().logTargets();
    }
  }

  @Test
  void logsCatalogueAndIngressReachTheirStandIns() throws Exception {
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder().modelName(MODEL).images(UpstreamImages.all()).build()) {
      juju.deploy("s3", example("s3-standin"), 1, Map.of());
      juju.deploy("tempo", example("tempo-coordinator"), 1, Map.of());
      juju.deploy("tempo-worker", example("tempo-worker"), 1, Map.of("role-all", true));
      juju.deploy("loki", example("cos-standin"), 2, Map.of());
      juju.deploy("catalogue", example("cos-standin"), 1, Map.of());
      juju.deploy("traefik", example("cos-standin"), 1, Map.of());
      juju.relate("tempo:tempo-cluster", "tempo-worker:tempo-cluster");
      juju.relate("tempo:s3", "s3:s3-credentials");
      int logging = juju.relate("tempo:logging", "loki:logging");
      int catalogue = juju.relate("tempo:catalogue", "catalogue:catalogue");
      int ingress = juju.relate("tempo:ingress", "traefik:traefik-route");
      settle(juju);

      assertThat(juju.unitStatus("tempo/0").status()).as(juju.status()).isEqualTo("active");

      // Logs: the coordinator's nginx and exporter, and the worker, to both Loki units.
      for (String container : List.of("nginx", "nginx-prometheus-exporter")) {
        Map<String, LogTarget> targets = logTargets(juju, "tempo/0", container);
        assertThat(targets).containsOnlyKeys("loki/0", "loki/1");
        assertThat(targets.get("loki/0").location()).isEqualTo(LOKI_0);
        assertThat(targets.get("loki/1").location()).isEqualTo(LOKI_1);
        assertThat(targets.get("loki/0").type()).isEqualTo("loki");
        assertThat(targets.get("loki/0").services()).containsExactly("all");
        assertThat(targets.get("loki/0").labels())
            .containsEntry("product", "Juju")
            .containsEntry("charm", "tempo-coordinator-k8s")
            .containsEntry("juju_model", MODEL)
            .containsEntry("juju_application", "tempo")
            .containsEntry("juju_unit", "tempo/0");
      }
      Map<String, LogTarget> worker = logTargets(juju, "tempo-worker/0", "tempo");
      assertThat(worker).containsOnlyKeys("loki/0", "loki/1");
      assertThat(worker.get("loki/1").location()).isEqualTo(LOKI_1);
      assertThat(worker.get("loki/1").labels()).containsEntry("juju_unit", "tempo-worker/0");

      // Catalogue: Tempo's entry, its APIs at Traefik's address.
      String base = "http://10.0.0.5:3200";
      assertThat(juju.appData(catalogue, "tempo"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "name", "Tempo (tempo)",
                  "description",
                      "Tempo is a distributed tracing backend by Grafana, supporting Jaeger,"
                          + " Zipkin, and OpenTelemetry protocols.",
                  "icon", "transit-connection-variant",
                  "api_docs", "https://grafana.com/docs/tempo/latest/api_docs/",
                  "api_endpoints",
                      "{\"Search traces\": \""
                          + base
                          + "/api/search?<params>\", \"Query traces (by ID)\": \""
                          + base
                          + "/api/traces/<traceID>\", \"Status\": \""
                          + base
                          + "/status\"}"));

      // Ingress: a route per port to this unit's nginx, h2c for plain gRPC.
      Map<String, String> route = juju.appData(ingress, "tempo");
      String nginx = "tempo-0.tempo-endpoints." + MODEL + ".svc.cluster.local";
      assertThat(route).containsEntry("raw", "False");
      assertThat(route.get("config"))
          .startsWith("http:\n  routers:\n")
          .contains(
              "    juju-"
                  + MODEL
                  + "-tempo-tempo-http:\n"
                  + "      entryPoints:\n"
                  + "      - tempo-http\n"
                  + "      rule: ClientIP(`0.0.0.0/0`)\n"
                  + "      service: juju-"
                  + MODEL
                  + "-tempo-service-tempo-http\n")
          .contains("        - url: h2c://" + nginx + ":4317\n")
          .contains("        - url: http://" + nginx + ":3200\n")
          .doesNotContain("middlewares");
      assertThat(route.get("static"))
          .isEqualTo(
              "entryPoints:\n"
                  + "  jaeger-grpc:\n    address: :14250\n"
                  + "  jaeger-thrift-http:\n    address: :14268\n"
                  + "  otlp-grpc:\n    address: :4317\n"
                  + "  otlp-http:\n    address: :4318\n"
                  + "  tempo-grpc:\n    address: :9096\n"
                  + "  tempo-http:\n    address: :3200\n"
                  + "  zipkin:\n    address: :9411\n");

      // The logging relation goes: every target is switched off, on both sides.
      juju.removeRelation(logging);
      settle(juju);

      for (String[] unitContainer :
          List.of(
              new String[] {"tempo/0", "nginx"},
              new String[] {"tempo/0", "nginx-prometheus-exporter"},
              new String[] {"tempo-worker/0", "tempo"})) {
        Map<String, LogTarget> off = logTargets(juju, unitContainer[0], unitContainer[1]);
        assertThat(off).as(String.join(" ", unitContainer)).containsOnlyKeys("loki/0", "loki/1");
        assertThat(off.values())
            .allSatisfy(
                t -> {
                  assertThat(t.services()).containsExactly("-all");
                  assertThat(t.location()).isEqualTo("(removed)");
                });
      }
    }
  }
}
