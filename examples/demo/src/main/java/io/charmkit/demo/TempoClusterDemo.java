package io.charmkit.demo;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.testing.juju.EmbeddedJuju;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's first command: the embedded Juju forms a Tempo cluster from the packaged example
 * charms, step by step, the way an operator would with a real Juju.
 *
 * <ol>
 *   <li>a coordinator alone is blocked: it has no workers;
 *   <li>a worker running every role is related: now it waits for S3;
 *   <li>a stand-in S3 provider is related: the cluster is active;
 *   <li>the cluster is scaled out to one app per role (three ingesters) and the all-in-one worker
 *       is removed; the model settles, every worker holds the same config, and its gossip ring
 *       lists every worker;
 *   <li>TLS, tracing and self-monitoring are added: a certificates provider (a self-signed stand-in
 *       CA), a COS stand-in (a Tempo for the cluster's own traces, a Prometheus, a Grafana and a
 *       Loki) and a traced application. The summary checks that Tempo serves its receivers over
 *       https, the workers trust the CA and export their traces to the stand-in, and the stand-in
 *       receives the scrape jobs and dashboards and every Pebble plan forwards its logs to it.
 * </ol>
 *
 * <p>It exits non-zero if the workers disagree on their config, a check of the summary fails, or
 * any hook failed.
 *
 * <p>Run it from the repository root after packaging ({@code bin/demo} does both).
 */
public final class TempoClusterDemo {
  private static final List<String> ROLES =
      List.of("querier", "query-frontend", "ingester", "distributor", "compactor");

  private static final String MODEL = "tempo-demo";

  private final PrintStream out;
  private final DemoModel demo;

  TempoClusterDemo(PrintStream out, Path root) {
    this.out = out;
    this.demo = new DemoModel(out, root);
  }

  /** Runs the demo from the repository root given as the first argument (default: the cwd). */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath();
    int code = new TempoClusterDemo(System.out, root).run();
    System.exit(code);
  }

  int run() throws IOException {
    Path coordinator = charm("examples/tempo-coordinator/target/charm");
    Path worker = charm("examples/tempo-worker/target/charm");
    Path s3 = charm("examples/s3-standin/charm");
    Path ca = charm("examples/certificates-standin/target/charm");
    Path cos = charm("examples/cos-standin/target/charm");
    Path client = charm("examples/tracing-requirer/target/charm");
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder().modelName(MODEL).images(UpstreamImages.all()).build()) {
      step("1. Deploy the Tempo coordinator on its own");
      juju.deploy("tempo", coordinator, 1, Map.of());
      settle(juju);
      out.println(juju.status());

      step("2. Add a worker running every role (role-all)");
      juju.deploy("tempo-all", worker, 1, Map.of("role-all", true));
      juju.relate("tempo:tempo-cluster", "tempo-all:tempo-cluster");
      settle(juju);
      out.println(juju.status());

      step("3. Add an S3 provider (a stand-in for s3-integrator)");
      juju.deploy("s3", s3, 1, Map.of());
      juju.relate("tempo:s3", "s3");
      settle(juju);
      out.println(juju.status());

      List<Integer> clusters = new ArrayList<>();
      step("4. Scale out: one app per role, three ingesters; remove the all-in-one worker");
      for (String role : ROLES) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("role-all", false);
        config.put("role-" + role, true);
        String app = "tempo-" + role;
        juju.deploy(app, worker, role.equals("ingester") ? 3 : 1, config);
        clusters.add(juju.relate("tempo:tempo-cluster", app + ":tempo-cluster"));
      }
      settle(juju);
      juju.removeApplication("tempo-all");
      settle(juju);
      out.println(juju.status());

      step("5. TLS, tracing and self-monitoring: a stand-in CA, a COS stand-in, a traced app");
      juju.deploy("ca", ca, 1, Map.of());
      juju.relate("tempo:certificates", "ca:certificates");
      juju.deploy("cos", cos, 1, Map.of());
      juju.relate("tempo:self-charm-tracing", "cos:tracing");
      juju.relate("tempo:self-workload-tracing", "cos:tracing");
      int metrics = juju.relate("tempo:metrics-endpoint", "cos:metrics-endpoint");
      int dashboards = juju.relate("tempo:grafana-dashboard", "cos:grafana-dashboard");
      juju.relate("tempo:logging", "cos:logging");
      juju.deploy("app", client, 1, Map.of());
      int tracing = juju.relate("app:tracing", "tempo:tracing");
      settle(juju);
      out.println(juju.status());

      step("The config every worker received (/etc/worker/config.yaml)");
      List<String> units = new ArrayList<>();
      ROLES.forEach(role -> units.addAll(juju.units("tempo-" + role)));
      boolean shared = demo.printSharedConfig(juju, "tempo", units);

      step("TLS-enabled, traced, self-monitored?");
      IntegrationsSummary summary = new IntegrationsSummary(out, juju, MODEL);
      summary.print(
          new IntegrationsSummary.Relations(clusters.get(0), tracing, metrics, dashboards),
          "tempo/0",
          units,
          "cos/0",
          "app/0");

      step("Per-hook figures");
      out.println(juju.figures());
      return shared && summary.allOk() ? 0 : 1;
    }
  }

  private void settle(EmbeddedJuju juju) {
    demo.settle(juju);
  }

  private void step(String title) {
    demo.step(title);
  }

  private Path charm(String relative) {
    return demo.charm(relative);
  }
}
