package io.charmkit.examples.mimir.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.nginx.NginxLocation;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Mimir coordinator's nginx routes (PRODUCTS.md §5.4). */
class MimirNginxTest {

  private static String render(boolean tls, WorkerBags... apps) {
    ClusterMembers members =
        ClusterMembers.of(ClusterView.read("mimir-cluster", RolesTable.MIMIR, List.of(apps)));
    return MimirRoutes.nginx("coord.svc", "10.0.0.10", false, tls)
        .render(members.addressesByRole(), tls);
  }

  @Test
  void everyPathGoesToItsComponentInThePythonCharmsOrder() {
    List<String> routes =
        MimirRoutes.locations(8080).get(8080).stream()
            .map(
                l ->
                    (l.modifier().isEmpty() ? "" : l.modifier() + " ")
                        + l.path()
                        + " -> "
                        + l.backend())
            .toList();

    assertThat(routes)
        .containsExactly(
            "/distributor -> distributor",
            "/api/v1/push -> distributor",
            "/otlp/v1/metrics -> distributor",
            "/prometheus/config/v1/rules -> ruler",
            "/prometheus/api/v1/rules -> ruler",
            "/prometheus/api/v1/alerts -> ruler",
            "= /ruler/ring -> ruler",
            "/alertmanager -> alertmanager",
            "/multitenant_alertmanager/status -> alertmanager",
            "/api/v1/alerts -> alertmanager",
            "/prometheus -> query-frontend",
            "= /api/v1/status/buildinfo -> query-frontend",
            "= /api/v1/upload/block/ -> compactor");
    assertThat(MimirRoutes.locations(8080).get(8080))
        .extracting(NginxLocation::grpc)
        .containsOnly(false);
  }

  @Test
  void aMonolithicWorkerGetsAnUpstreamPerComponentOfAllAndNoAlertmanagerRoutes() {
    String text = render(false, WorkerBags.of("mw", "all", "mw-0.svc"));

    assertThat(text)
        .contains(
            """
                upstream distributor {
                    zone distributor_zone 64k;
                    server mw-0.svc:8080 resolve;
                }
            """)
        .contains(
            """
                    location /api/v1/push {
                        set $backend http://distributor;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
            """)
        .contains("listen 8080;")
        .contains("location = / {")
        .contains("location = /status {");
    // Meta-roles never have servers, and "all" runs no alertmanager.
    assertThat(text)
        .doesNotContain("upstream all ")
        .doesNotContain("upstream read ")
        .doesNotContain("upstream alertmanager ")
        .doesNotContain("location /alertmanager")
        .doesNotContain("upstream flusher ");
  }

  @Test
  void theBackendMetaRoleBringsTheAlertmanagerRoutes() {
    String text =
        render(
            false,
            WorkerBags.of("read", "read", "r0.svc"),
            WorkerBags.of("write", "write", "w0.svc"),
            WorkerBags.of("backend", "backend", "b0.svc", "b1.svc"));

    assertThat(text)
        .contains(
            """
                upstream alertmanager {
                    zone alertmanager_zone 64k;
                    server b0.svc:8080 resolve;
                    server b1.svc:8080 resolve;
                }
            """)
        .contains("location /alertmanager {")
        .contains("upstream query-scheduler {")
        .contains("upstream overrides-exporter {");
  }

  @Test
  void underTlsTheServerListensOn443AndDialsTheWorkersOverHttps() {
    String text = render(true, WorkerBags.of("mw", "all", "mw-0.svc"));

    assertThat(text)
        .contains("listen 443 ssl;")
        .doesNotContain("listen 8080")
        .contains("set $backend https://query-frontend;")
        .contains("ssl_certificate /etc/nginx/certs/server.cert;");
  }
}
