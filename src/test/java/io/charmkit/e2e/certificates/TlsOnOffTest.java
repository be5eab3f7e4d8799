package io.charmkit.e2e.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.e2e.cluster.ClusterProbe;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.SettleReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TLS turned on and off on a packaged Tempo cluster: the stand-in certificates provider ({@code
 * examples/certificates-standin}) signs the coordinator's request over {@code tls-certificates};
 * nginx then serves TLS, the cluster bag carries the CA, the certificate and the key's secret, and
 * the worker installs the CA. Removing the relation turns it all off again.
 *
 * <p>The worker's image provides {@code update-ca-certificates} (a program that exits 0), as the
 * Ubuntu-based Tempo image does: the simulated Pebble runs nothing an image lacks.
 */
class TlsOnOffTest {

  private static void settle(EmbeddedJuju juju) {
    SettleReport report = juju.settle();
    assertThat(report.failed()).as(juju.status()).isEmpty();
  }

  private static String file(Path root, String path) throws Exception {
    Path file = root.resolve(path);
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  @Test
  void aCertificatesRelationTurnsTlsOnAndItsRemovalTurnsItOff() throws Exception {
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder().modelName("tls").images(UpstreamImages.all()).build()) {
      juju.deploy("s3", ClusterProbe.charm("s3-standin"), 1, Map.of());
      juju.deploy("tempo", ClusterProbe.charm("tempo-coordinator"), 1, Map.of());
      juju.deploy("tempo-worker", ClusterProbe.charm("tempo-worker"), 1, Map.of("role-all", true));
      juju.deploy("ca", ClusterProbe.charm("certificates-standin"), 1, Map.of());
      int cluster = juju.relate("tempo:tempo-cluster", "tempo-worker:tempo-cluster");
      juju.relate("tempo:s3", "s3:s3-credentials");
      settle(juju);
      Path nginx = juju.containerRoot("tempo/0", "nginx");
      assertThat(juju.appData(cluster, "tempo")).doesNotContainKeys("ca_cert", "server_cert");
      assertThat(file(nginx, "etc/nginx/certs/server.cert")).isEmpty();

      int certificates = juju.relate("tempo:certificates", "ca:certificates");
      settle(juju);

      Map<String, String> bag = juju.appData(cluster, "tempo");
      assertThat(bag).containsKeys("ca_cert", "server_cert", "privkey_secret_id");
      assertThat(file(nginx, "etc/nginx/certs/server.cert")).contains("BEGIN CERTIFICATE");
      assertThat(file(nginx, "etc/nginx/certs/server.key")).contains("PRIVATE KEY");
      assertThat(file(nginx, "etc/nginx/nginx.conf")).contains("ssl_certificate");
      Path worker = juju.containerRoot("tempo-worker/0", "tempo");
      assertThat(file(worker, "usr/local/share/ca-certificates/ca.crt"))
          .contains("BEGIN CERTIFICATE");
      assertThat(juju.unitStatus("tempo/0").status()).as(juju.status()).isEqualTo("active");
      assertThat(juju.unitStatus("tempo-worker/0").status()).as(juju.status()).isEqualTo("active");

      juju.removeRelation(certificates);
      settle(juju);

      assertThat(juju.appData(cluster, "tempo"))
          .doesNotContainKeys("ca_cert", "server_cert", "privkey_secret_id");
      assertThat(file(nginx, "etc/nginx/nginx.conf")).doesNotContain("ssl_certificate");
      assertThat(juju.unitStatus("tempo/0").status()).as(juju.status()).isEqualTo("active");
    }
  }
}
