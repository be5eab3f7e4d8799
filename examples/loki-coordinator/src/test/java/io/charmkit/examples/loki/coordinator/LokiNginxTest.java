package io.charmkit.examples.loki.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Loki coordinator's nginx routes (PRODUCTS.md §4.4). */
class LokiNginxTest {

  private static String render(boolean tls, WorkerBags... apps) {
    ClusterMembers members =
        ClusterMembers.of(ClusterView.read("loki-cluster", RolesTable.LOKI, List.of(apps)));
    return LokiRoutes.nginx("coord.svc", "10.0.0.10", false).render(members.addressesByRole(), tls);
  }

  @Test
  void aSimpleScalableClusterGetsOneServerOnPort3100RoutingEachApiToItsRole() {
    String text =
        render(
            false,
            WorkerBags.of("read", "read", "r0.svc"),
            WorkerBags.of("write", "write", "w0.svc"),
            WorkerBags.of("backend", "backend", "b0.svc"));

    assertThat(text)
        .contains(
            """
                upstream read {
                    zone read_zone 64k;
                    server r0.svc:3100 resolve;
                }
                upstream write {
                    zone write_zone 64k;
                    server w0.svc:3100 resolve;
                }
                upstream backend {
                    zone backend_zone 64k;
                    server b0.svc:3100 resolve;
                }
                upstream worker {
                    zone worker_zone 64k;
                    server b0.svc:3100 resolve;
                    server r0.svc:3100 resolve;
                    server w0.svc:3100 resolve;
                }
            """)
        .contains(
            """
                server {
                    listen 3100;
                    proxy_set_header X-Scope-OrgID $ensured_x_scope_orgid;
                    server_name coord.svc;
                    location = / {
                        return 200 'OK';
                        auth_basic off;
                    }
                    location = /status {
                        stub_status;
                    }
                    location = /loki/api/v1/push {
                        set $backend http://write;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location ^~ /loki/api/v1/rules {
                        set $backend http://backend;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location ~ /prometheus/.* {
                        set $backend http://backend;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location = /api/v1/rules {
                        set $backend http://backend/loki/api/v1/rules;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location = /loki/api/v1/tail {
                        set $backend http://read;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location ~ /loki/api/.* {
                        set $backend http://read;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                        proxy_set_header Connection upgrade;
                        proxy_set_header Upgrade $http_upgrade;
                    }
                    location = /loki/api/v1/format_query {
                        set $backend http://worker;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location = /loki/api/v1/status/buildinfo {
                        set $backend http://worker;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location = /ring {
                        set $backend http://worker;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                }
            """)
        .doesNotContain("upstream all")
        .doesNotContain("listen 8080")
        .doesNotContain("listen 443");
  }

  @Test
  void aMonolithicWorkerServesEveryRoleAndTheAllUpstream() {
    String text = render(false, WorkerBags.of("loki", "all", "m0.svc"));

    for (String upstream : List.of("read", "write", "backend", "all", "worker")) {
      assertThat(text).contains("upstream " + upstream + " {");
    }
    assertThat(text)
        .contains("location = /loki/api/v1/push {")
        .contains("location = /loki/api/v1/tail {")
        .contains("location ^~ /loki/api/v1/rules {");
  }

  @Test
  void routesToARoleNobodyRunsAreLeftOut() {
    String text = render(false, WorkerBags.of("write", "write", "w0.svc"));

    assertThat(text)
        .contains("location = /loki/api/v1/push {")
        .contains("location = /ring {")
        .doesNotContain("upstream read")
        .doesNotContain("/loki/api/v1/tail")
        .doesNotContain("/loki/api/v1/rules");
  }

  @Test
  void underTlsNginxListensWithTlsOnTheSamePortAndDialsTheWorkersOverHttps() {
    String text =
        render(
            true,
            WorkerBags.of("read", "read", "r0.svc"),
            WorkerBags.of("write", "write", "w0.svc"),
            WorkerBags.of("backend", "backend", "b0.svc"));

    assertThat(text)
        .contains("listen 3100 ssl;")
        .contains("ssl_certificate /etc/nginx/certs/server.cert;")
        .contains("set $backend https://write;")
        .contains("set $backend https://backend/loki/api/v1/rules;")
        .doesNotContain("http://");
  }
}
