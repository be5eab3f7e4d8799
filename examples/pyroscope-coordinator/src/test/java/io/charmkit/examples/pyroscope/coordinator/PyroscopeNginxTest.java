package io.charmkit.examples.pyroscope.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyroscopeNginxTest {

  /** The nginx config of coordinator {@code coord.svc} routing to these worker apps. */
  private static String render(List<WorkerBags> apps, boolean tls) {
    ClusterMembers members =
        ClusterMembers.of(ClusterView.read("cluster", RolesTable.PYROSCOPE, apps));
    return PyroscopeRoutes.nginx("coord.svc", "10.0.0.10", false)
        .render(members.addressesByRole(), tls);
  }

  @Test
  void aMonolithicWorkerGetsEveryRouteOverPlainHttp() {
    String text = render(List.of(WorkerBags.of("pw", "all", "pw0.svc")), true);

    assertThat(text)
        .contains(
            """
                upstream worker {
                    zone worker_zone 64k;
                    server pw0.svc:4040 resolve;
                }
            """)
        .contains(
            """
                server {
                    listen 8080 ssl;
                    proxy_set_header X-Scope-OrgID $ensured_x_scope_orgid;
                    server_name coord.svc;
                    ssl_certificate /etc/nginx/certs/server.cert;
                    ssl_certificate_key /etc/nginx/certs/server.key;
                    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
                    ssl_ciphers HIGH:!aNULL:!MD5;
                    location = /status {
                        stub_status;
                    }
                    location = / {
                        set $backend http://worker;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location /assets {
                        set $backend http://worker;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location = /ingest {
                        set $backend http://distributor;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location /pyroscope {
                        set $backend http://query-frontend;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location /querier {
                        set $backend http://query-frontend;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location /settings {
                        set $backend http://tenant-settings;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                    location /adhocprofiles {
                        set $backend http://ad-hoc-profiles;
                        proxy_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                }
            """)
        .contains(
            """
                server {
                    listen 42424 ssl;
                    http2 on;
                    proxy_set_header X-Scope-OrgID $ensured_x_scope_orgid;
                    server_name coord.svc;
                    ssl_certificate /etc/nginx/certs/server.cert;
                    ssl_certificate_key /etc/nginx/certs/server.key;
                    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
                    ssl_ciphers HIGH:!aNULL:!MD5;
                    location = /status {
                        stub_status;
                    }
                    location /opentelemetry.proto.collector {
                        set $backend grpc://distributor;
                        grpc_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                }
            """)
        // "all" is a meta-role that does not include itself: no worker runs it, so no upstream.
        .doesNotContain("upstream all ");
  }

  @Test
  void aFullClusterHasOneUpstreamPerRoleWithSortedServers() {
    List<WorkerBags> apps = new ArrayList<>();
    for (String role : RolesTable.PYROSCOPE.expand("all")) {
      apps.add(WorkerBags.of(role, role, role + "-1.svc", role + "-0.svc"));
    }
    String text = render(apps, false);

    List<String> upstreams =
        text.lines().filter(line -> line.startsWith("    upstream ")).map(String::trim).toList();
    assertThat(upstreams)
        .containsExactly(
            "upstream querier {",
            "upstream query-frontend {",
            "upstream query-scheduler {",
            "upstream ingester {",
            "upstream distributor {",
            "upstream compactor {",
            "upstream store-gateway {",
            "upstream tenant-settings {",
            "upstream ad-hoc-profiles {",
            "upstream worker {");
    assertThat(text)
        .contains(
            """
                upstream query-frontend {
                    zone query-frontend_zone 64k;
                    server query-frontend-0.svc:4040 resolve;
                    server query-frontend-1.svc:4040 resolve;
                }
            """);
    String worker =
        text.substring(
            text.indexOf("upstream worker {"),
            text.indexOf("}", text.indexOf("upstream worker {")));
    assertThat(worker.lines().filter(line -> line.contains("server ")).count()).isEqualTo(18);
  }

  @Test
  void routesToAbsentRolesAreOmitted() {
    String text = render(List.of(WorkerBags.of("q", "querier", "q0.svc")), false);
    assertThat(text)
        .contains("location /assets {")
        .doesNotContain("/ingest")
        .doesNotContain("/settings")
        // the gRPC server still has its status page
        .contains("listen 42424;")
        .doesNotContain("opentelemetry");
  }
}
