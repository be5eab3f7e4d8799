package io.charmkit.demo;

import io.charmkit.ops.pebble.LogTarget;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.Service;
import io.charmkit.schema.dashboard.DashboardProviderAppData;
import io.charmkit.schema.scrape.ScrapeJob;
import io.charmkit.schema.scrape.ScrapeProviderAppData;
import io.charmkit.schema.scrape.StaticConfig;
import io.charmkit.schema.tracing.Receiver;
import io.charmkit.schema.tracing.TracingProviderAppData;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.HookRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The Tempo demo's last word: whether the cluster is TLS-enabled, traced and self-monitored, read
 * from what the units and the stand-ins hold (relation data, workload files, Pebble plans). Each
 * line says {@code ok} or {@code MISSING}; {@link #allOk()} says whether every one was {@code ok}.
 */
final class IntegrationsSummary {
  private final PrintStream out;
  private final EmbeddedJuju juju;
  private final String model;
  private boolean allOk = true;

  /**
   * The relation ids the summary reads.
   *
   * @param cluster one coordinator–worker relation
   * @param client the traced application's {@code tracing} relation
   * @param metrics the stand-in Prometheus' {@code metrics-endpoint} relation
   * @param dashboards the stand-in Grafana's {@code grafana-dashboard} relation
   */
  record Relations(int cluster, int client, int metrics, int dashboards) {}

  IntegrationsSummary(PrintStream out, EmbeddedJuju juju, String model) {
    this.out = out;
    this.juju = juju;
    this.model = model;
  }

  /** Whether every check printed so far passed. */
  boolean allOk() {
    return allOk;
  }

  /**
   * Prints the three sections and the hook check.
   *
   * @param relations the relations to read
   * @param coordinator the coordinator's unit, e.g. {@code tempo/0}
   * @param workers every worker unit
   * @param cos the COS stand-in's unit
   * @param client the traced application's unit
   */
  void print(
      Relations relations, String coordinator, List<String> workers, String cos, String client)
      throws IOException {
    String tempoHost = fqdn(coordinator);
    String cosHost = fqdn(cos);
    Map<String, String> clusterBag = juju.appData(relations.cluster(), app(coordinator));

    out.println("TLS on:");
    List<Receiver> receivers =
        TracingProviderAppData.CODEC
            .read(juju.appData(relations.client(), app(coordinator)), "tempo")
            .receivers();
    receivers.forEach(r -> out.println("  receiver " + r.protocol().name() + ": " + r.url()));
    check(
        "the tracing receivers are published over https",
        receivers.stream().anyMatch(r -> r.url().equals("https://" + tempoHost + ":4318"))
            && receivers.stream()
                .filter(r -> !r.protocol().grpc())
                .allMatch(r -> r.url().startsWith("https://")));
    check(
        "nginx serves TLS (ssl_certificate in nginx.conf)",
        read(juju.containerRoot(coordinator, "nginx"), "etc/nginx/nginx.conf")
            .contains("ssl_certificate"));
    check("the cluster bag carries the CA", clusterBag.containsKey("ca_cert"));
    long withCa =
        workers.stream()
            .filter(
                w ->
                    read(juju.containerRoot(w, "tempo"), "usr/local/share/ca-certificates/ca.crt")
                        .contains("BEGIN CERTIFICATE"))
            .count();
    check(
        "the CA is installed on " + withCa + "/" + workers.size() + " workers",
        withCa == workers.size());

    out.println("Traced:");
    String expected = "http://" + cosHost + ":4318/v1/traces";
    out.println(
        "  charm_tracing_receivers: " + clusterBag.getOrDefault("charm_tracing_receivers", "-"));
    out.println(
        "  workload_tracing_receivers: "
            + clusterBag.getOrDefault("workload_tracing_receivers", "-"));
    long traced =
        workers.stream().filter(w -> expected.equals(tracingEndpoint(w).orElse(""))).count();
    check(
        traced + "/" + workers.size() + " workers export their traces to " + expected,
        traced == workers.size());
    String clientStatus = juju.unitStatus(client).message();
    out.println("  " + client + ": " + clientStatus);
    check(
        "the traced application got Tempo's https receiver",
        clientStatus.contains("otlp_http=https://" + tempoHost + ":4318"));

    out.println("Self-monitored:");
    String cosStatus = juju.unitStatus(cos).message();
    out.println("  " + cos + ": " + cosStatus);
    ScrapeProviderAppData scrape =
        ScrapeProviderAppData.CODEC.read(juju.appData(relations.metrics(), "tempo"), "tempo");
    List<String> targets = new ArrayList<>();
    TreeSet<String> schemes = new TreeSet<>();
    for (ScrapeJob job : scrape.scrapeJobs()) {
      schemes.add(job.scheme() == null ? "http" : job.scheme());
      for (StaticConfig config : job.staticConfigs()) {
        targets.addAll(config.targets());
      }
    }
    out.println("  scrape targets (" + String.join(",", schemes) + "):");
    targets.forEach(t -> out.println("    " + t));
    check(
        scrape.scrapeJobs().size() + " scrape jobs: one per worker and nginx's exporter",
        scrape.scrapeJobs().size() == workers.size() + 1
            && cosStatus.contains("jobs=" + scrape.scrapeJobs().size() + " ")
            && schemes.equals(new TreeSet<>(List.of("https"))));
    var templates =
        DashboardProviderAppData.CODEC
            .read(juju.appData(relations.dashboards(), "tempo"), "tempo")
            .dashboards()
            .templates()
            .keySet();
    check(
        "dashboards received: " + templates,
        !templates.isEmpty() && cosStatus.contains("dashboards=" + templates.size() + " "));
    String push = "http://" + cosHost + ":3100/loki/api/v1/push";
    List<String[]> containers = new ArrayList<>();
    containers.add(new String[] {coordinator, "nginx"});
    containers.add(new String[] {coordinator, "nginx-prometheus-exporter"});
    workers.forEach(w -> containers.add(new String[] {w, "tempo"}));
    long forwarding = containers.stream().filter(c -> forwardsTo(c[0], c[1], cos, push)).count();
    check(
        forwarding + "/" + containers.size() + " Pebble plans forward their logs to " + push,
        forwarding == containers.size());

    List<HookRun> failed = juju.hookRuns().stream().filter(r -> !r.succeeded()).toList();
    check(juju.hookRuns().size() + " hooks ran, " + failed.size() + " failed", failed.isEmpty());
    failed.forEach(r -> out.println("  failed: " + r.unit() + " " + r.hook()));
  }

  private void check(String what, boolean ok) {
    out.println("  " + (ok ? "ok       " : "MISSING  ") + what);
    allOk &= ok;
  }

  /** The worker's Tempo service's OTLP traces endpoint, from its Pebble plan. */
  private Optional<String> tracingEndpoint(String unit) {
    return plan(unit, "tempo").services().values().stream()
        .map(Service::environment)
        .filter(env -> env != null && env.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
        .map(env -> env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
        .findFirst();
  }

  /** Whether the container's plan sends every service's logs to the Loki unit at {@code push}. */
  private boolean forwardsTo(String unit, String container, String loki, String push) {
    LogTarget target = plan(unit, container).logTargets().get(loki);
    return target != null && push.equals(target.location()) && target.services().contains("all");
  }

  private Plan plan(String unit, String container) {
    try (PebbleClient pebble =
        PebbleClient.forContainer(
            container,
            Map.of(
                "CHARMKIT_CONTAINERS_DIR", juju.unitDir(unit).resolve("containers").toString()))) {
      return pebble.plan();
    }
  }

  private static String read(Path root, String path) {
    try {
      Path file = root.resolve(path);
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String app(String unit) {
    return unit.substring(0, unit.indexOf('/'));
  }

  /** The FQDN the embedded Juju gives a unit's pod. */
  private String fqdn(String unit) {
    String app = app(unit);
    return app
        + "-"
        + unit.substring(unit.indexOf('/') + 1)
        + "."
        + app
        + "-endpoints."
        + model
        + ".svc.cluster.local";
  }
}
