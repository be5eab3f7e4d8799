package io.charmkit.examples.tempo.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.coordinator.nginx.NginxConfig;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.interfaces.cluster.WorkerBags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TempoNginxTest {

  private static ClusterMembers members(List<WorkerBags> apps) {
    return ClusterMembers.of(ClusterView.read("cluster", RolesTable.TEMPO, apps));
  }

  @Test
  void aSmallClusterWithOnlyOtlpHttp() {
    ClusterMembers members = members(List.of(WorkerBags.of("tempo-worker", "all", "w0.svc")));
    String expected =
        """
        worker_processes 5;
        error_log /dev/stderr error;
        pid /tmp/nginx.pid;
        worker_rlimit_nofile 8192;
        events {
            worker_connections 4096;
        }
        http {
            upstream otlp-http {
                zone otlp-http_zone 64k;
                server w0.svc:4318 resolve;
            }
            upstream tempo-http {
                zone tempo-http_zone 64k;
                server w0.svc:3200 resolve;
            }
            upstream tempo-grpc {
                zone tempo-grpc_zone 64k;
                server w0.svc:9096 resolve;
            }
            client_body_temp_path /tmp/client_temp;
            proxy_temp_path /tmp/proxy_temp_path;
            fastcgi_temp_path /tmp/fastcgi_temp;
            uwsgi_temp_path /tmp/uwsgi_temp;
            scgi_temp_path /tmp/scgi_temp;
            include /etc/nginx/mime.types;
            default_type application/octet-stream;
            log_format main '$remote_addr - $remote_user [$time_local]  $status "$request" $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"';
            map $status $loggable {
                ~^[23] 0;
                default 1;
            }
            map $http_x_scope_orgid $ensured_x_scope_orgid {
                default $http_x_scope_orgid;
                '' anonymous;
            }
            access_log /dev/stderr main if=$loggable;
            sendfile on;
            tcp_nopush on;
            resolver 10.152.183.10;
            proxy_read_timeout 300;
            server {
                listen 3200;
                proxy_set_header X-Scope-OrgID $ensured_x_scope_orgid;
                server_name coordinator-0.svc;
                location / {
                    set $backend http://tempo-http;
                    proxy_pass $backend;
                    proxy_connect_timeout 5s;
                }
            }
            server {
                listen 4318;
                proxy_set_header X-Scope-OrgID $ensured_x_scope_orgid;
                server_name coordinator-0.svc;
                location / {
                    set $backend http://otlp-http;
                    proxy_pass $backend;
                    proxy_connect_timeout 5s;
                }
            }
            server {
                listen 9096;
                http2 on;
                proxy_set_header X-Scope-OrgID $ensured_x_scope_orgid;
                server_name coordinator-0.svc;
                location / {
                    set $backend grpc://tempo-grpc;
                    grpc_pass $backend;
                    proxy_connect_timeout 5s;
                }
            }
        }
        """;
    NginxConfig nginx =
        TempoRoutes.nginx(
            "coordinator-0.svc", EnumSet.of(TempoReceiver.OTLP_HTTP), "10.152.183.10", false);
    assertThat(nginx.render(members.addressesByRole(), false)).isEqualTo(expected);
  }

  @Test
  void aFullClusterUnderTlsRoutesReceiversToDistributorsAndApisToFrontends() {
    ClusterMembers members =
        members(
            List.of(
                WorkerBags.of("d", "distributor", "d1.svc", "d0.svc"),
                WorkerBags.of("f", "query-frontend", "f0.svc"),
                WorkerBags.of("q", "querier", "q0.svc"),
                WorkerBags.of("i", "ingester", "i0.svc", "i1.svc", "i2.svc"),
                WorkerBags.of("c", "compactor", "c0.svc")));
    String text =
        TempoRoutes.nginx("coord.svc", EnumSet.allOf(TempoReceiver.class), "10.0.0.10", true)
            .render(members.addressesByRole(), true);

    assertThat(text)
        .contains(
            """
                upstream otlp-grpc {
                    zone otlp-grpc_zone 64k;
                    server d0.svc:4317 resolve;
                    server d1.svc:4317 resolve;
                }
            """)
        .contains(
            """
                upstream tempo-http {
                    zone tempo-http_zone 64k;
                    server f0.svc:3200 resolve;
                }
            """)
        .contains(
            """
                server {
                    listen 14250 ssl;
                    listen [::]:14250 ssl;
                    http2 on;
                    proxy_set_header X-Scope-OrgID $ensured_x_scope_orgid;
                    server_name coord.svc;
                    ssl_certificate /etc/nginx/certs/server.cert;
                    ssl_certificate_key /etc/nginx/certs/server.key;
                    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
                    ssl_ciphers HIGH:!aNULL:!MD5;
                    location / {
                        set $backend grpcs://jaeger-grpc;
                        grpc_pass $backend;
                        proxy_connect_timeout 5s;
                    }
                }
            """)
        .contains("set $backend https://zipkin;")
        .doesNotContain("i0.svc")
        .doesNotContain("q0.svc");
    List<Integer> listened = new ArrayList<>();
    for (String line : text.lines().toList()) {
      if (line.startsWith("        listen ") && !line.contains("[::]")) {
        listened.add(Integer.parseInt(line.trim().split("[ ;]")[1]));
      }
    }
    assertThat(listened).containsExactly(3200, 4317, 4318, 9096, 9411, 14250, 14268);
  }

  @Test
  void withoutFrontendsTheApiServersAreOmitted() {
    ClusterMembers members = members(List.of(WorkerBags.of("d", "distributor", "d0.svc")));
    String text =
        TempoRoutes.nginx("coord.svc", EnumSet.of(TempoReceiver.OTLP_HTTP), "10.0.0.10", false)
            .render(members.addressesByRole(), false);
    assertThat(text)
        .doesNotContain("tempo-http")
        .doesNotContain("tempo-grpc")
        .doesNotContain("listen 3200")
        .doesNotContain("listen 9096")
        .contains("listen 4318;");
  }

  @Test
  void withoutWorkersOnlyTheGlobalSettingsRemain() {
    String text =
        TempoRoutes.nginx("coord.svc", EnumSet.of(TempoReceiver.OTLP_HTTP), "10.0.0.10", false)
            .render(ClusterMembers.EMPTY.addressesByRole(), false);
    assertThat(text).doesNotContain("upstream").doesNotContain("server {").contains("http {");
  }

  @Test
  void theSameClusterInAnyOrderRendersByteIdentically() {
    List<WorkerBags> apps =
        new ArrayList<>(
            List.of(
                WorkerBags.of("d", "distributor", "d2", "d0", "d1"),
                WorkerBags.of("f", "query-frontend", "f1", "f0"),
                WorkerBags.of("a", "all", "a0")));
    List<TempoReceiver> receivers = new ArrayList<>(List.of(TempoReceiver.values()));
    String first =
        TempoRoutes.nginx("c", receivers, "ns", true).render(members(apps).addressesByRole(), true);
    Random random = new Random(11);
    for (int i = 0; i < 25; i++) {
      Collections.shuffle(apps, random);
      Collections.shuffle(receivers, random);
      assertThat(
              TempoRoutes.nginx("c", receivers, "ns", true)
                  .render(members(apps).addressesByRole(), true))
          .isEqualTo(first);
    }
  }
}
