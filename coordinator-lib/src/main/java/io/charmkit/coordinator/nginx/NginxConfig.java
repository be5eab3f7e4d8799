package io.charmkit.coordinator.nginx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The coordinator's nginx configuration (PRODUCTS.md §1.6): one {@code upstream} per definition
 * that has workers, one {@code server} per port that has locations left.
 *
 * <p>The text depends only on the inputs: addresses are sorted, servers come in port order,
 * upstreams and locations in the order given. An upstream with no addresses is left out, and so is
 * every location that points at it; a server left without locations is left out too.
 *
 * @param serverName the {@code server_name} (the coordinator unit's FQDN)
 * @param upstreams the upstream definitions, in output order
 * @param locationsByPort server port to its locations, in output order
 * @param healthCheck whether every server answers {@code = /} with 200 {@code OK}
 * @param statusPage whether every server offers {@code = /status} ({@code stub_status})
 * @param resolver the DNS server nginx resolves worker names with (the first {@code nameserver} of
 *     {@code /etc/resolv.conf})
 * @param ipv6 whether servers also listen on {@code [::]} (the pod has IPv6 addresses)
 * @param resolveUpstreams whether upstream servers are re-resolved at run time ({@code zone} and
 *     {@code server … resolve}, as charmlibs' nginx_k8s writes them; needs nginx ≥ 1.27.3)
 */
public record NginxConfig(
    String serverName,
    List<NginxUpstream> upstreams,
    SortedMap<Integer, List<NginxLocation>> locationsByPort,
    boolean healthCheck,
    boolean statusPage,
    String resolver,
    boolean ipv6,
    boolean resolveUpstreams) {

  private static final String TMP = "/tmp";

  /** Copies everything into unmodifiable collections. */
  public NginxConfig {
    upstreams = List.copyOf(upstreams);
    SortedMap<Integer, List<NginxLocation>> byPort = new TreeMap<>();
    locationsByPort.forEach((port, locations) -> byPort.put(port, List.copyOf(locations)));
    locationsByPort = Collections.unmodifiableSortedMap(byPort);
  }

  /**
   * Renders {@code nginx.conf}.
   *
   * @param addressesByRole role to the addresses of the workers running it, in any order
   * @param tls whether servers listen with TLS (the coordinator has a certificate)
   * @return the configuration text
   */
  public String render(Map<String, ? extends Collection<String>> addressesByRole, boolean tls) {
    Map<String, SortedSet<String>> servers = serversByUpstream(addressesByRole);
    List<Directive> http = new ArrayList<>();
    for (NginxUpstream upstream : upstreams) {
      SortedSet<String> addresses = servers.get(upstream.name());
      if (addresses != null) {
        http.add(upstream(upstream, addresses));
      }
    }
    http.add(Directive.of("client_body_temp_path", TMP + "/client_temp"));
    http.add(Directive.of("proxy_temp_path", TMP + "/proxy_temp_path"));
    http.add(Directive.of("fastcgi_temp_path", TMP + "/fastcgi_temp"));
    http.add(Directive.of("uwsgi_temp_path", TMP + "/uwsgi_temp"));
    http.add(Directive.of("scgi_temp_path", TMP + "/scgi_temp"));
    http.add(Directive.of("include", "/etc/nginx/mime.types"));
    http.add(Directive.of("default_type", "application/octet-stream"));
    http.add(
        Directive.of(
            "log_format",
            "main",
            "$remote_addr - $remote_user [$time_local]  $status \"$request\" $body_bytes_sent"
                + " \"$http_referer\" \"$http_user_agent\" \"$http_x_forwarded_for\""));
    // Successful requests are not logged: they would drown the errors.
    http.add(
        Directive.block(
            "map",
            List.of("$status", "$loggable"),
            List.of(Directive.of("~^[23]", "0"), Directive.of("default", "1"))));
    // Multi-tenant products need a tenant; clients that send none are "anonymous".
    http.add(
        Directive.block(
            "map",
            List.of("$http_x_scope_orgid", "$ensured_x_scope_orgid"),
            List.of(
                Directive.of("default", "$http_x_scope_orgid"), Directive.of("", "anonymous"))));
    http.add(Directive.of("access_log", "/dev/stderr", "main", "if=$loggable"));
    http.add(Directive.of("sendfile", "on"));
    http.add(Directive.of("tcp_nopush", "on"));
    http.add(Directive.of("resolver", resolver));
    http.add(Directive.of("proxy_read_timeout", "300"));
    locationsByPort.forEach(
        (port, locations) -> {
          Directive server = server(port, locations, servers.keySet(), tls);
          if (server != null) {
            http.add(server);
          }
        });

    List<Directive> top = new ArrayList<>();
    top.add(Directive.of("worker_processes", "5"));
    top.add(Directive.of("error_log", "/dev/stderr", "error"));
    top.add(Directive.of("pid", TMP + "/nginx.pid"));
    top.add(Directive.of("worker_rlimit_nofile", "8192"));
    top.add(
        Directive.block("events", List.of(), List.of(Directive.of("worker_connections", "4096"))));
    top.add(Directive.block("http", List.of(), http));
    return Directive.write(top);
  }

  /** Upstream name to its sorted servers; upstreams without any are absent. */
  private Map<String, SortedSet<String>> serversByUpstream(
      Map<String, ? extends Collection<String>> addressesByRole) {
    Map<String, SortedSet<String>> out = new LinkedHashMap<>();
    for (NginxUpstream upstream : upstreams) {
      SortedSet<String> addresses = new TreeSet<>();
      if (upstream.role() == null) {
        addressesByRole.values().forEach(addresses::addAll);
      } else {
        Collection<String> ofRole = addressesByRole.get(upstream.role());
        if (ofRole != null) {
          addresses.addAll(ofRole);
        }
      }
      if (!addresses.isEmpty()) {
        out.put(upstream.name(), addresses);
      }
    }
    return out;
  }

  private Directive upstream(NginxUpstream upstream, SortedSet<String> addresses) {
    List<Directive> servers = new ArrayList<>();
    if (resolveUpstreams) {
      // Pod IPs change; a shared zone lets nginx re-resolve names without a reload.
      servers.add(Directive.of("zone", upstream.name() + "_zone", "64k"));
    }
    for (String address : addresses) {
      String server = address + ":" + upstream.port();
      servers.add(
          resolveUpstreams
              ? Directive.of("server", server, "resolve")
              : Directive.of("server", server));
    }
    return Directive.block("upstream", List.of(upstream.name()), servers);
  }

  private Directive server(
      int port, List<NginxLocation> locations, Collection<String> liveUpstreams, boolean tls) {
    boolean grpc = locations.stream().anyMatch(NginxLocation::grpc);
    List<Directive> routes = new ArrayList<>();
    if (healthCheck) {
      routes.add(
          Directive.block(
              "location",
              List.of("=", "/"),
              List.of(Directive.of("return", "200", "'OK'"), Directive.of("auth_basic", "off"))));
    }
    if (statusPage) {
      routes.add(
          Directive.block(
              "location", List.of("=", "/status"), List.of(Directive.of("stub_status"))));
    }
    for (NginxLocation location : locations) {
      if (liveUpstreams.contains(location.backend())) {
        routes.add(location(location, grpc, tls));
      }
    }
    if (routes.isEmpty()) {
      return null;
    }
    List<Directive> block = new ArrayList<>();
    block.add(listen(String.valueOf(port), tls));
    if (ipv6) {
      block.add(listen("[::]:" + port, tls));
    }
    if (grpc) {
      block.add(Directive.of("http2", "on"));
    }
    block.add(Directive.of("proxy_set_header", "X-Scope-OrgID", "$ensured_x_scope_orgid"));
    block.add(Directive.of("server_name", serverName));
    if (tls) {
      block.add(Directive.of("ssl_certificate", NginxFiles.CERT));
      block.add(Directive.of("ssl_certificate_key", NginxFiles.KEY));
      block.add(Directive.of("ssl_protocols", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"));
      block.add(Directive.of("ssl_ciphers", "HIGH:!aNULL:!MD5"));
    }
    block.addAll(routes);
    return Directive.block("server", List.of(), block);
  }

  private static Directive listen(String address, boolean tls) {
    return tls ? Directive.of("listen", address, "ssl") : Directive.of("listen", address);
  }

  /** The scheme follows the server (gRPC or not) and the location's or server's TLS. */
  private static Directive location(NginxLocation location, boolean grpc, boolean tls) {
    boolean upstreamTls = location.upstreamTls() != null ? location.upstreamTls() : tls;
    String scheme = (grpc ? "grpc" : "http") + (upstreamTls ? "s" : "");
    List<Directive> block = new ArrayList<>();
    block.add(
        Directive.of(
            "set", "$backend", scheme + "://" + location.backend() + location.backendUrl()));
    block.add(Directive.of(grpc ? "grpc_pass" : "proxy_pass", "$backend"));
    // Give up quickly on a dead worker so that nginx tries the next one.
    block.add(Directive.of("proxy_connect_timeout", "5s"));
    location
        .headers()
        .forEach((name, value) -> block.add(Directive.of("proxy_set_header", name, value)));
    List<String> args =
        location.modifier().isEmpty()
            ? List.of(location.path())
            : List.of(location.modifier(), location.path());
    return Directive.block("location", args, block);
  }
}
